import type { Point, Position } from 'unist';
import type { z } from 'zod';
import { diagramKinds, type Diagram, type DiagramKind } from '../../shared/diagram.ts';
import { buildTables } from './buildTables.ts';
import { collectElements } from './collectElements.ts';
import { kindSchemas, knownFields, type DiagramSource } from './diagramSchema.ts';
import { layoutFlow } from './layoutFlow.ts';
import { layoutSequence } from './layoutSequence.ts';
import { layoutStack } from './layoutStack.ts';
import { resolveSteps } from './resolveSteps.ts';
import { YamlSource, type DiagramProblem } from './yamlSource.ts';

export interface CompiledDiagram {
  /** Present only when there are no problems. */
  diagram?: Diagram;
  /** Where the diagram's `id` is written, for messages about it (a duplicate id). */
  idPlace?: Position | Point;
  problems: DiagramProblem[];
}

const isKind = (value: unknown): value is DiagramKind => diagramKinds.includes(value as DiagramKind);

/**
 * Compiles the YAML body of one ```diagram block into a `Diagram`: parse,
 * validate field by field, check every reference, resolve the steps and lay
 * the picture out. Pure; every problem carries a place in the note.
 *
 * @param text the block's body
 * @param start where the body starts in the note (line after the fence, the fence's column)
 */
export function compileDiagram(text: string, start: Point): CompiledDiagram {
  const yaml = new YamlSource(text, start);
  const syntax = yaml.syntaxProblems();
  if (syntax.length > 0) return { problems: syntax };

  const data = yaml.toData();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      problems: [
        {
          reason: 'Expected a YAML mapping with `id`, `kind`, `title` and `steps` in the diagram block',
          place: yaml.placeOf([]),
          ruleId: 'diagram-schema',
        },
      ],
    };
  }
  const kind = (data as Record<string, unknown>).kind;
  if (!isKind(kind)) {
    const reason =
      kind === undefined
        ? `Missing diagram field \`kind\`: expected one of ${diagramKinds.join(', ')}`
        : `Unknown diagram kind \`${String(kind)}\`: expected one of ${diagramKinds.join(', ')}`;
    return {
      problems: [{ reason, place: yaml.placeOf(kind === undefined ? [] : ['kind']), ruleId: 'diagram-kind' }],
    };
  }

  const schema = kindSchemas[kind];
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => describeIssue(issue, kind, schema, yaml)) };
  }
  const source = parsed.data as DiagramSource;

  const registry = collectElements(source, yaml);
  if (registry.problems.length > 0) return { problems: registry.problems };
  const resolved = resolveSteps(source.steps, registry.elements, yaml);
  if (resolved.problems.length > 0) return { problems: resolved.problems };

  const idPlace = yaml.placeOf(['id']);
  const base = {
    id: source.id,
    title: source.title,
    summary: source.summary ?? defaultSummary(source),
    steps: resolved.steps,
    spans: resolved.spans,
  };
  try {
    return { diagram: layout(source, base), idPlace, problems: [] };
  } catch (error) {
    // A layout library failing on some input is our bug, but the author needs to know which block.
    const reason = `Could not lay out this ${source.kind} diagram: ${error instanceof Error ? error.message : String(error)}`;
    return { problems: [{ reason, place: yaml.placeOf([]), ruleId: 'diagram-layout' }] };
  }
}

/** Lays the picture out (tables need none: the browser renders them as HTML). */
function layout(source: DiagramSource, base: Pick<Diagram, 'id' | 'title' | 'summary' | 'steps' | 'spans'>): Diagram {
  switch (source.kind) {
    case 'sequence':
      return { ...base, kind: 'sequence', scene: layoutSequence(source) };
    case 'flow':
      return { ...base, kind: 'flow', scene: layoutFlow(source) };
    case 'stack':
      return { ...base, kind: 'stack', scene: layoutStack(source) };
    case 'tables':
      return { ...base, kind: 'tables', ...buildTables(source) };
  }
}

function describeIssue(
  issue: z.core.$ZodIssue,
  kind: DiagramKind,
  schema: z.ZodType,
  yaml: YamlSource,
): DiagramProblem {
  const field = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : 'diagram';
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const where = path.length > 0 ? ` in \`${path.join('.')}\`` : '';
    const known = knownFields(schema, path);
    return {
      reason: `Unknown field ${issue.keys.map((key) => `\`${key}\``).join(', ')}${where} of this ${kind} diagram: expected one of ${known.join(', ')}`,
      place: yaml.placeOf([...path, issue.keys[0] ?? ''], 'key'),
      ruleId: 'diagram-schema',
    };
  }
  if (issue.code === 'invalid_type' && !yaml.has(path)) {
    return {
      reason: `Missing field ${field} in this ${kind} diagram: expected ${issue.expected}`,
      place: yaml.placeOf(path),
      ruleId: 'diagram-schema',
    };
  }
  return { reason: `Invalid field ${field}: ${issue.message}`, place: yaml.placeOf(path), ruleId: 'diagram-schema' };
}

function defaultSummary(source: DiagramSource): string {
  const steps = `${source.steps.length}단계`;
  switch (source.kind) {
    case 'sequence':
      return `${source.participants.map((p) => p.label ?? p.id).join(', ')} 사이에 오가는 메시지를 ${steps}로 보여 주는 시퀀스 다이어그램`;
    case 'flow':
      return `${source.nodes.map((n) => n.label).join(', ')}을(를) 잇는 흐름도 (${steps})`;
    case 'stack':
      return `${source.stacks.map((s) => s.label).join('와 ')}의 계층 구조 (${steps})`;
    case 'tables':
      return `${source.tables.map((t) => t.label).join(', ')} 표 (${steps})`;
  }
}
