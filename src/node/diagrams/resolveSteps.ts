import type { DiagramStep, ElementSpan } from '../../shared/diagram.ts';
import { didYouMean, list, type DiagramElement } from './collectElements.ts';
import type { StepSource } from './diagramSchema.ts';
import type { DiagramProblem, YamlSource } from './yamlSource.ts';

export interface ResolvedSteps {
  steps: DiagramStep[];
  spans: Record<string, ElementSpan>;
  problems: DiagramProblem[];
}

type Field = 'show' | 'highlight' | 'hide';

/**
 * Turns the author's steps (what appears, what is highlighted again, what
 * leaves) into what the browser needs: when each element is on screen, and
 * which elements are emphasised at each step.
 *
 * Rules, so authors write only what changes:
 * - an element no step shows is there from the start, or appears with the
 *   element it belongs to (a column with its table, a node with its group);
 * - an arrow's ends appear no later than the arrow (an edge shown at step 2
 *   brings a node that would otherwise wait for its group at step 4), and an
 *   arrow no step names appears as soon as both its ends are there;
 * - an element leaves with the element it belongs to;
 * - showing or highlighting a container emphasises everything in it.
 */
export function resolveSteps(
  stepSources: readonly StepSource[],
  elements: ReadonlyMap<string, DiagramElement>,
  yaml: YamlSource,
): ResolvedSteps {
  const problems: DiagramProblem[] = [];
  const fail = (reason: string, step: number, field: Field, index: number) => {
    const path = yaml.has(['steps', step, field, index]) ? ['steps', step, field, index] : ['steps', step, field];
    problems.push({ reason, place: yaml.placeOf(path), ruleId: 'diagram-step' });
  };

  // 1. Every name in a step must be an element.
  const refs = (step: StepSource, field: Field) => step[field].map((id, index) => ({ id, index }));
  stepSources.forEach((step, s) => {
    for (const field of ['show', 'highlight', 'hide'] as const) {
      for (const { id, index } of refs(step, field)) {
        if (!elements.has(id)) fail(unknownElement(id, s, field, elements), s, field, index);
      }
    }
  });
  if (problems.length > 0) return { steps: [], spans: {}, problems };

  // 2. When each element appears.
  const explicit = new Map<string, number>();
  stepSources.forEach((step, s) => {
    for (const { id, index } of refs(step, 'show')) {
      const earlier = explicit.get(id);
      if (earlier !== undefined) {
        fail(
          `Step ${s + 1} shows \`${id}\`, which step ${earlier + 1} already shows: expected \`highlight\` to emphasise it again`,
          s,
          'show',
          index,
        );
      } else {
        explicit.set(id, s);
      }
    }
  });
  const from = new Map<string, number>();
  const appearOf = (id: string, seen = new Set<string>()): number => {
    const known = from.get(id);
    if (known !== undefined) return known;
    const element = elements.get(id);
    let value = explicit.get(id);
    if (value === undefined) {
      value = element?.parent && !seen.has(id) ? appearOf(element.parent, seen.add(id)) : 0;
    }
    from.set(id, value);
    return value;
  };
  const isArrow = (element: DiagramElement) => element.ends !== undefined;
  for (const element of elements.values()) if (!isArrow(element)) appearOf(element.id);

  // An arrow a step shows brings its ends (unless a step shows them later: that is a mistake).
  const implicitCurrent = stepSources.map(() => new Set<string>());
  for (const element of elements.values()) {
    const at = explicit.get(element.id);
    if (!element.ends || at === undefined) continue;
    from.set(element.id, at);
    for (const end of element.ends) {
      if ((from.get(end) ?? 0) <= at) continue;
      const shownAt = explicit.get(end);
      if (shownAt !== undefined) {
        const index = stepSources[at]?.show.indexOf(element.id) ?? -1;
        fail(
          `Step ${at + 1} shows \`${element.id}\`, but its end \`${end}\` appears only at step ${shownAt + 1}: expected \`${end}\` on screen by then (show it in step ${at + 1} or earlier)`,
          at,
          'show',
          Math.max(index, 0),
        );
        continue;
      }
      from.set(end, at);
      implicitCurrent[at]?.add(end);
    }
  }
  // An arrow no step names appears once both its ends are there, emphasised with them.
  const impliedArrows = new Set<string>();
  for (const element of elements.values()) {
    if (!element.ends || explicit.has(element.id)) continue;
    const at = Math.max(...element.ends.map((end) => from.get(end) ?? 0));
    from.set(element.id, at);
    impliedArrows.add(element.id);
  }

  // 3. When elements leave.
  const until = new Map<string, number>();
  stepSources.forEach((step, s) => {
    for (const { id, index } of refs(step, 'hide')) {
      const start = from.get(id) ?? 0;
      const gone = until.get(id);
      if (gone !== undefined) {
        fail(`Step ${s + 1} hides \`${id}\`, which step ${gone + 1} already hides`, s, 'hide', index);
      } else if (start >= s) {
        fail(
          `Step ${s + 1} hides \`${id}\`, which is not on screen yet (it appears at step ${start + 1}): expected an element shown in an earlier step`,
          s,
          'hide',
          index,
        );
      } else {
        until.set(id, s);
      }
    }
  });
  const untilOf = (id: string, seen = new Set<string>()): number | undefined => {
    const own = until.get(id);
    const parent = elements.get(id)?.parent;
    const inherited = parent && !seen.has(id) ? untilOf(parent, seen.add(id)) : undefined;
    if (own === undefined) return inherited;
    return inherited === undefined ? own : Math.min(own, inherited);
  };
  const spans: Record<string, ElementSpan> = {};
  for (const id of elements.keys()) {
    const end = untilOf(id);
    spans[id] = { from: from.get(id) ?? 0, ...(end !== undefined ? { until: end } : {}) };
  }
  const visibleAt = (id: string, s: number) => {
    const span = spans[id];
    return span !== undefined && span.from <= s && (span.until === undefined || s < span.until);
  };

  // 4. Parts shown before their container, highlights of what is not there.
  stepSources.forEach((step, s) => {
    for (const { id, index } of refs(step, 'show')) {
      const parent = elements.get(id)?.parent;
      if (parent && !visibleAt(parent, s)) {
        fail(
          `Step ${s + 1} shows \`${id}\`, but \`${parent}\`, which it belongs to, is not on screen at that step: expected \`${parent}\` to be shown first`,
          s,
          'show',
          index,
        );
      }
    }
    for (const { id, index } of refs(step, 'highlight')) {
      if (!visibleAt(id, s)) {
        const span = spans[id];
        const when =
          span && span.until !== undefined && s >= span.until
            ? `step ${span.until + 1} hides it`
            : `it appears at step ${(span?.from ?? 0) + 1}`;
        fail(
          `Step ${s + 1} highlights \`${id}\`, which is not on screen then (${when}): expected \`show\` for an element that appears now`,
          s,
          'highlight',
          index,
        );
      }
    }
  });

  // 5. What each step emphasises: named elements, brought-along ends, and everything inside them.
  const children = new Map<string, string[]>();
  for (const element of elements.values()) {
    if (element.parent) children.set(element.parent, [...(children.get(element.parent) ?? []), element.id]);
  }
  const steps: DiagramStep[] = stepSources.map((step, s) => {
    const current = new Set<string>();
    const add = (id: string) => {
      if (current.has(id) || !visibleAt(id, s)) return;
      current.add(id);
      for (const child of children.get(id) ?? []) add(child);
    };
    for (const id of [...step.show, ...step.highlight, ...(implicitCurrent[s] ?? [])]) add(id);
    for (const id of impliedArrows) {
      const ends = elements.get(id)?.ends ?? [];
      if (spans[id]?.from === s && ends.some((end) => current.has(end))) add(id);
    }
    return { caption: step.caption, current: [...current] };
  });

  return { steps, spans, problems };
}

function unknownElement(id: string, step: number, field: Field, elements: ReadonlyMap<string, DiagramElement>): string {
  const [table, column] = id.split('.');
  if (column !== undefined && table !== undefined && elements.get(table)?.role === 'table') {
    const parts = [...elements.values()].filter((e) => e.parent === table && e.id.includes('.')).map((e) => e.id);
    return `Unknown element \`${id}\` in \`${field}\` of step ${step + 1}${didYouMean(id, parts)}: table \`${table}\` has ${list(parts)}`;
  }
  const all = [...elements.values()].filter((e) => !e.id.includes('.')).map((e) => e.id);
  return `Unknown element \`${id}\` in \`${field}\` of step ${step + 1}${didYouMean(id, all)}: expected one of ${list(all)}`;
}
