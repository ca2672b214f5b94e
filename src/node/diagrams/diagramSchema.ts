import { z } from 'zod';

/**
 * The YAML format of a ```diagram block, field by field, one schema per kind.
 * Validated once at the edge (`compileDiagram`); everything after trusts it.
 * Cross-references (a step naming an element, an edge's ends) are checked
 * afterwards by `checkReferences`, which knows where each id was declared.
 */

/** Diagram ids are URL fragments (`#tls13-handshake-step-3`) and unique across notes. */
export const diagramIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Element ids: any letters (Korean too), digits, `-` and `_`; `.` joins a table and its column. */
export const elementIdPattern = /^[\p{L}\p{N}_-]+$/u;

const diagramId = z
  .string()
  .regex(diagramIdPattern, 'expected lowercase letters, digits and single hyphens (it becomes the link `#id-step-1`)');
const id = z.string().regex(elementIdPattern, 'expected an id of letters, digits, `-` or `_` (no spaces or dots)');
const ref = z
  .string()
  .regex(
    /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)?$/u,
    'expected an element id, or `table.column` for a column of a table',
  );
const text = z.string().trim().min(1, 'expected some text');
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);
const line = z.enum(['solid', 'dashed']);

const step = z.strictObject({
  /** Elements that appear at this step (and stay, dimmed, afterwards). */
  show: oneOrMany(ref).default([]),
  /** Elements already on screen, emphasised again at this step. */
  highlight: oneOrMany(ref).default([]),
  /** Elements that leave at this step (a table replaced by its split). */
  hide: oneOrMany(ref).default([]),
  /** One short sentence, in Korean. */
  caption: text,
});

const common = {
  id: diagramId,
  title: text,
  /** One sentence describing the whole picture for screen readers (defaults to a generated one). */
  summary: text.optional(),
  steps: z.array(step).min(1, 'expected at least one step'),
};

const participant = z.strictObject({ id, label: text.optional(), detail: text.optional() });

/** A message between participants, or a note over one or two of them: told apart by `note`. */
const sequenceRow = z.strictObject({
  id,
  from: id.optional(),
  to: id.optional(),
  label: text.optional(),
  /** A second, smaller line under the label. */
  detail: text.optional(),
  line: line.optional(),
  /** Sent encrypted: drawn with a lock. */
  encrypted: z.boolean().optional(),
  note: text.optional(),
  over: oneOrMany(id).optional(),
});

export const sequenceSchema = z.strictObject({
  ...common,
  kind: z.literal('sequence'),
  participants: z.array(participant).min(1, 'expected at least one participant'),
  messages: z.array(sequenceRow).min(1, 'expected at least one message'),
  /** Shaded bands behind a run of messages, e.g. "암호화된 구간". */
  groups: z.array(z.strictObject({ id, label: text, from: id, to: id })).default([]),
});

export const flowSchema = z.strictObject({
  ...common,
  kind: z.literal('flow'),
  /** LR: left to right (default); TB: top to bottom, narrower on phones. */
  direction: z.enum(['LR', 'TB']).default('LR'),
  nodes: z
    .array(
      z.strictObject({
        id,
        label: text,
        detail: text.optional(),
        shape: z.enum(['box', 'round', 'cylinder', 'document']).default('box'),
      }),
    )
    .min(1, 'expected at least one node'),
  edges: z
    .array(z.strictObject({ id, from: id, to: id, label: text.optional(), line: line.default('solid') }))
    .default([]),
  /** Boxes around nodes (or other groups): a server, a security group. */
  groups: z.array(z.strictObject({ id, label: text, contains: z.array(id).min(1, 'expected members') })).default([]),
});

export const stackSchema = z.strictObject({
  ...common,
  kind: z.literal('stack'),
  /** Row names shown on the left, top to bottom; layers say which row they are in. */
  levels: z.array(z.strictObject({ id, label: text })).optional(),
  stacks: z
    .array(
      z.strictObject({
        id,
        label: text,
        layers: z
          .array(z.strictObject({ id, label: text, detail: text.optional(), level: id.optional() }))
          .min(1, 'expected at least one layer'),
      }),
    )
    .min(1, 'expected at least one stack'),
});

const cell = z.union([z.string(), z.boolean(), z.null()]).transform((value) => (value === null ? '' : String(value)));
const keyKind = z.enum(['primary', 'foreign']);

export const tablesSchema = z.strictObject({
  ...common,
  kind: z.literal('tables'),
  tables: z
    .array(
      z.strictObject({
        id,
        label: text,
        columns: z
          .array(z.strictObject({ id, label: text.optional(), key: oneOrMany(keyKind).optional() }))
          .min(1, 'expected at least one column'),
        rows: z.array(z.union([z.array(cell), z.strictObject({ id, cells: z.array(cell) })])).default([]),
      }),
    )
    .min(1, 'expected at least one table'),
  dependencies: z
    .array(
      z.strictObject({
        id,
        table: id,
        from: oneOrMany(id),
        to: oneOrMany(id),
        kind: z.enum(['functional', 'full', 'partial', 'transitive']).default('functional'),
        note: text.optional(),
      }),
    )
    .default([]),
});

export const kindSchemas = {
  sequence: sequenceSchema,
  flow: flowSchema,
  stack: stackSchema,
  tables: tablesSchema,
} as const;

export type SequenceSource = z.output<typeof sequenceSchema>;
export type FlowSource = z.output<typeof flowSchema>;
export type StackSource = z.output<typeof stackSchema>;
export type TablesSource = z.output<typeof tablesSchema>;
export type DiagramSource = SequenceSource | FlowSource | StackSource | TablesSource;
export type StepSource = z.output<typeof step>;

/**
 * The field names an object accepts at `path` in a kind's schema, for
 * "unknown field `x`: expected one of …" messages.
 */
export function knownFields(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of [...path, undefined]) {
    current = unwrap(current);
    if (!current) return [];
    if (segment === undefined) break;
    const def = current._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
    if (def.type === 'object' && typeof segment === 'string') current = def.shape?.[segment];
    else if (def.type === 'array' && typeof segment === 'number') current = def.element;
    else return [];
  }
  const def = current?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

/** Looks through optional, default, transform and union wrappers (first object or array wins). */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = current._zod.def as {
      type: string;
      innerType?: z.ZodType;
      in?: z.ZodType;
      options?: z.ZodType[];
    };
    if (def.type === 'object' || def.type === 'array') return current;
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else if (def.type === 'union') {
      current =
        def.options?.map(unwrap).find((option) => option && option._zod.def.type === 'object') ??
        def.options?.map(unwrap).find(Boolean);
    } else return undefined;
  }
  return current;
}
