import type { DiagramSource, FlowSource, SequenceSource, StackSource, TablesSource } from './diagramSchema.ts';
import type { DiagramProblem, YamlPath, YamlSource } from './yamlSource.ts';

/** Something a step can show, highlight or hide. */
export interface DiagramElement {
  id: string;
  /** What it is, in words for messages ("participant", "column"). */
  role: string;
  /** Where its id is written, for messages about it. */
  path: YamlPath;
  /** The element it belongs to: it appears and leaves with it unless a step says otherwise. */
  parent?: string;
  /** For arrows: the elements at both ends, which must be on screen with it. */
  ends?: [string, string];
}

export interface ElementRegistry {
  elements: Map<string, DiagramElement>;
  problems: DiagramProblem[];
}

/**
 * Lists every element of a validated diagram and checks what the schema
 * cannot: ids unique within the diagram, and every reference (an arrow's
 * ends, a group's members, a layer's level, a dependency's columns) naming
 * something that exists.
 */
export function collectElements(source: DiagramSource, yaml: YamlSource): ElementRegistry {
  const registry = new Registry(yaml);
  switch (source.kind) {
    case 'sequence':
      collectSequence(source, registry);
      break;
    case 'flow':
      collectFlow(source, registry);
      break;
    case 'stack':
      collectStack(source, registry);
      break;
    case 'tables':
      collectTables(source, registry);
      break;
  }
  return { elements: registry.elements, problems: registry.problems };
}

class Registry {
  readonly elements = new Map<string, DiagramElement>();
  readonly problems: DiagramProblem[] = [];

  constructor(readonly yaml: YamlSource) {}

  add(element: DiagramElement): void {
    const earlier = this.elements.get(element.id);
    if (earlier) {
      this.fail(
        `Duplicate id \`${element.id}\`: the ${earlier.role} at line ${lineOf(this.yaml, earlier.path)} already uses it; expected every id in a diagram to be unique`,
        element.path,
        'diagram-id',
      );
      return;
    }
    this.elements.set(element.id, element);
  }

  /** Reports `id` at `path` unless it names an element with one of `roles`. */
  expect(id: string, path: YamlPath, roles: string[], what: string): boolean {
    const element = this.elements.get(id);
    if (element && roles.includes(element.role)) return true;
    const candidates = [...this.elements.values()].filter((e) => roles.includes(e.role)).map((e) => e.id);
    this.fail(
      `Unknown ${roles.join(' or ')} \`${id}\` in ${what}${didYouMean(id, candidates)}: expected one of ${list(candidates)}`,
      path,
      'diagram-reference',
    );
    return false;
  }

  fail(reason: string, path: YamlPath, ruleId: string): void {
    this.problems.push({ reason, place: this.yaml.placeOf(path), ruleId });
  }
}

function collectSequence(source: SequenceSource, registry: Registry): void {
  source.participants.forEach((participant, i) =>
    registry.add({ id: participant.id, role: 'participant', path: ['participants', i, 'id'] }),
  );
  const rowIndex = new Map<string, number>();
  source.messages.forEach((row, i) => {
    const path = ['messages', i];
    if (row.note !== undefined) {
      for (const field of ['from', 'to', 'label', 'detail', 'line', 'encrypted'] as const) {
        if (row[field] !== undefined) {
          registry.fail(
            `Unexpected \`${field}\` on note \`${row.id}\`: a note has \`note\` and \`over\` (one or two participants)`,
            [...path, field],
            'diagram-schema',
          );
        }
      }
      if (!row.over) {
        registry.fail(
          `Missing \`over\` on note \`${row.id}\`: expected the participant(s) it sits over`,
          path,
          'diagram-schema',
        );
      } else if (row.over.length > 2) {
        registry.fail(
          `Note \`${row.id}\` spans ${row.over.length} participants: expected one or two`,
          [...path, 'over'],
          'diagram-schema',
        );
      } else {
        row.over.forEach((over, j) => {
          const overPath = registry.yaml.has([...path, 'over', j]) ? [...path, 'over', j] : [...path, 'over'];
          registry.expect(over, overPath, ['participant'], `note \`${row.id}\``);
        });
      }
      const over = row.over?.filter((participant) => registry.elements.get(participant)?.role === 'participant') ?? [];
      registry.add({
        id: row.id,
        role: 'note',
        path: [...path, 'id'],
        ...(over.length > 0 ? { ends: [over[0]!, over[over.length - 1]!] as [string, string] } : {}),
      });
    } else {
      for (const field of ['from', 'to', 'label'] as const) {
        if (row[field] === undefined) {
          registry.fail(
            `Missing \`${field}\` on message \`${row.id}\`: expected \`from\`, \`to\` and \`label\` (or \`note\` and \`over\` for a note)`,
            path,
            'diagram-schema',
          );
        }
      }
      if (row.over !== undefined) {
        registry.fail(
          `Unexpected \`over\` on message \`${row.id}\`: only notes sit over participants`,
          [...path, 'over'],
          'diagram-schema',
        );
      }
      const fromOk =
        row.from !== undefined &&
        registry.expect(row.from, [...path, 'from'], ['participant'], `message \`${row.id}\``);
      const toOk =
        row.to !== undefined && registry.expect(row.to, [...path, 'to'], ['participant'], `message \`${row.id}\``);
      registry.add({
        id: row.id,
        role: 'message',
        path: [...path, 'id'],
        ...(fromOk && toOk ? { ends: [row.from!, row.to!] as [string, string] } : {}),
      });
    }
    rowIndex.set(row.id, i);
  });
  source.groups.forEach((group, i) => {
    const path = ['groups', i];
    const from = rowIndex.get(group.from);
    const to = rowIndex.get(group.to);
    if (from === undefined)
      registry.expect(group.from, [...path, 'from'], ['message', 'note'], `group \`${group.id}\``);
    if (to === undefined) registry.expect(group.to, [...path, 'to'], ['message', 'note'], `group \`${group.id}\``);
    if (from !== undefined && to !== undefined && from > to) {
      registry.fail(
        `Group \`${group.id}\` ends at \`${group.to}\`, which comes before \`${group.from}\`: expected \`from\` to be the first message of the group`,
        [...path, 'to'],
        'diagram-reference',
      );
    }
    registry.add({ id: group.id, role: 'group', path: [...path, 'id'] });
  });
}

function collectFlow(source: FlowSource, registry: Registry): void {
  source.nodes.forEach((node, i) => registry.add({ id: node.id, role: 'node', path: ['nodes', i, 'id'] }));
  source.groups.forEach((group, i) => registry.add({ id: group.id, role: 'group', path: ['groups', i, 'id'] }));
  const parentOf = new Map<string, string>();
  source.groups.forEach((group, i) => {
    group.contains.forEach((member, j) => {
      const path = ['groups', i, 'contains', j];
      if (!registry.expect(member, path, ['node', 'group'], `group \`${group.id}\``)) return;
      const earlier = parentOf.get(member);
      if (earlier) {
        registry.fail(
          `\`${member}\` is in both \`${earlier}\` and \`${group.id}\`: expected each node or group inside at most one group (put one group inside the other instead)`,
          path,
          'diagram-reference',
        );
        return;
      }
      if (member === group.id || isInside(group.id, member, parentOf)) {
        registry.fail(
          `Group \`${group.id}\` cannot contain \`${member}\`, which contains it`,
          path,
          'diagram-reference',
        );
        return;
      }
      parentOf.set(member, group.id);
      const element = registry.elements.get(member);
      if (element) element.parent = group.id;
    });
  });
  source.edges.forEach((edge, i) => {
    const path = ['edges', i];
    const fromOk = registry.expect(edge.from, [...path, 'from'], ['node'], `edge \`${edge.id}\``);
    const toOk = registry.expect(edge.to, [...path, 'to'], ['node'], `edge \`${edge.id}\``);
    registry.add({
      id: edge.id,
      role: 'edge',
      path: [...path, 'id'],
      ...(fromOk && toOk ? { ends: [edge.from, edge.to] as [string, string] } : {}),
    });
  });
}

/** True when `group` is (transitively) inside `container`. */
function isInside(group: string, container: string, parentOf: Map<string, string>): boolean {
  for (let current = parentOf.get(group); current; current = parentOf.get(current)) {
    if (current === container) return true;
  }
  return false;
}

function collectStack(source: StackSource, registry: Registry): void {
  source.levels?.forEach((level, i) => registry.add({ id: level.id, role: 'level', path: ['levels', i, 'id'] }));
  source.stacks.forEach((stack, i) => {
    registry.add({ id: stack.id, role: 'stack', path: ['stacks', i, 'id'] });
    const usedLevels = new Map<string, string>();
    stack.layers.forEach((layer, j) => {
      const path = ['stacks', i, 'layers', j];
      registry.add({ id: layer.id, role: 'layer', path: [...path, 'id'], parent: stack.id });
      if (!source.levels) {
        if (layer.level !== undefined) {
          registry.fail(
            `Unexpected \`level\` on layer \`${layer.id}\`: the diagram has no \`levels\` (add them, or drop \`level\` to stack layers in order)`,
            [...path, 'level'],
            'diagram-reference',
          );
        }
        return;
      }
      if (layer.level === undefined) {
        registry.fail(
          `Missing \`level\` on layer \`${layer.id}\`: expected one of ${list(source.levels.map((l) => l.id))}`,
          path,
          'diagram-reference',
        );
        return;
      }
      if (!registry.expect(layer.level, [...path, 'level'], ['level'], `layer \`${layer.id}\``)) return;
      const other = usedLevels.get(layer.level);
      if (other) {
        registry.fail(
          `Layers \`${other}\` and \`${layer.id}\` of stack \`${stack.id}\` are both at level \`${layer.level}\`: expected one layer per level`,
          [...path, 'level'],
          'diagram-reference',
        );
      }
      usedLevels.set(layer.level, layer.id);
    });
  });
}

function collectTables(source: TablesSource, registry: Registry): void {
  const columnsOf = new Map<string, string[]>();
  source.tables.forEach((table, i) => {
    const path = ['tables', i];
    registry.add({ id: table.id, role: 'table', path: [...path, 'id'] });
    const columns: string[] = [];
    table.columns.forEach((column, j) => {
      const columnPath = [...path, 'columns', j, 'id'];
      if (column.id === 'key') {
        registry.fail(
          `Column id \`key\` in table \`${table.id}\` is reserved: \`${table.id}.key\` names the table's key markers; expected another id`,
          columnPath,
          'diagram-id',
        );
        return;
      }
      columns.push(column.id);
      registry.add({ id: `${table.id}.${column.id}`, role: 'column', path: columnPath, parent: table.id });
    });
    columnsOf.set(table.id, columns);
    if (table.columns.some((column) => column.key && column.key.length > 0)) {
      registry.add({ id: `${table.id}.key`, role: 'key', path: [...path, 'id'], parent: table.id });
    }
    table.rows.forEach((row, j) => {
      const cells = Array.isArray(row) ? row : row.cells;
      const rowPath = [...path, 'rows', j];
      if (cells.length !== table.columns.length) {
        registry.fail(
          `Row ${j + 1} of table \`${table.id}\` has ${cells.length} cell(s): expected ${table.columns.length}, one per column (${table.columns.map((c) => c.id).join(', ')})`,
          Array.isArray(row) ? rowPath : [...rowPath, 'cells'],
          'diagram-table',
        );
      }
      if (!Array.isArray(row)) {
        registry.add({ id: `${table.id}.${row.id}`, role: 'row', path: [...rowPath, 'id'], parent: table.id });
      }
    });
  });
  source.dependencies.forEach((dependency, i) => {
    const path = ['dependencies', i];
    if (!registry.expect(dependency.table, [...path, 'table'], ['table'], `dependency \`${dependency.id}\``)) {
      registry.add({ id: dependency.id, role: 'dependency', path: [...path, 'id'] });
      return;
    }
    const columns = columnsOf.get(dependency.table) ?? [];
    for (const side of ['from', 'to'] as const) {
      dependency[side].forEach((column, j) => {
        if (columns.includes(column)) return;
        registry.fail(
          `Unknown column \`${column}\` in \`${side}\` of dependency \`${dependency.id}\`: table \`${dependency.table}\` has ${list(columns)}`,
          registry.yaml.has([...path, side, j]) ? [...path, side, j] : [...path, side],
          'diagram-reference',
        );
      });
    }
    registry.add({ id: dependency.id, role: 'dependency', path: [...path, 'id'], parent: dependency.table });
  });
}

function lineOf(yaml: YamlSource, path: YamlPath): number {
  const place = yaml.placeOf(path);
  return 'start' in place ? place.start.line : place.line;
}

/** `a`, `b`, `c` (at most 12, then …). */
export function list(ids: readonly string[]): string {
  if (ids.length === 0) return '(none declared)';
  const shown = ids.slice(0, 12).map((id) => `\`${id}\``);
  return ids.length > 12 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/**
 * ` (did you mean `verify`?)` when one candidate is a typo away from `id`
 * (one edit or swap per three characters, compared after a `table.` prefix), else empty.
 */
export function didYouMean(id: string, candidates: readonly string[]): string {
  const tail = (value: string) => value.slice(value.indexOf('.') + 1);
  const allowed = Math.max(1, Math.floor(tail(id).length / 3));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    const distance = editDistance(tail(id), tail(candidate));
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best ? ` (did you mean \`${best}\`?)` : '';
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
