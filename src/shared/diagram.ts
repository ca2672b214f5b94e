/**
 * Step-through diagrams written in notes as ```diagram fenced blocks (YAML),
 * compiled and laid out at build time (src/node/diagrams). The browser gets
 * only this data: a finished scene to draw (or tables to render) and, per
 * step, which elements are on screen and which are emphasised.
 */

export type DiagramKind = 'sequence' | 'flow' | 'stack' | 'tables';

export const diagramKinds: readonly DiagramKind[] = ['sequence', 'flow', 'stack', 'tables'];

export interface DiagramStep {
  /** Short Korean sentence shown under the diagram and announced to screen readers. */
  caption: string;
  /**
   * Element ids emphasised at this step: what appears now, what the author
   * highlights again, and everything inside those (a table's columns, a
   * group's nodes).
   */
  current: string[];
}

/**
 * When an element is on screen: from step index `from` (0-based; 0 also for
 * elements no step mentions, which are there from the start) up to, but not
 * including, step index `until` (absent: to the end).
 */
export interface ElementSpan {
  from: number;
  until?: number;
}

interface DiagramBase {
  /** Unique across all notes: the figure's `id`, and step links are `#<id>-step-<n>`. */
  id: string;
  title: string;
  /** One sentence describing the whole picture (the SVG's `<desc>`). */
  summary: string;
  steps: DiagramStep[];
  /** Every element steps can name, by id. */
  spans: Record<string, ElementSpan>;
}

/** Diagrams drawn as SVG: the scene is laid out at build time. */
export interface SvgDiagram extends DiagramBase {
  kind: 'sequence' | 'flow' | 'stack';
  scene: SvgScene;
}

/** Relational tables, rendered as real HTML tables so they stay readable and accessible. */
export interface TablesDiagram extends DiagramBase {
  kind: 'tables';
  tables: TableView[];
  dependencies: DependencyView[];
}

export type Diagram = SvgDiagram | TablesDiagram;

/** A finished drawing in SVG user units (1 unit = 1 CSS pixel at natural size). */
export interface SvgScene {
  width: number;
  height: number;
  /**
   * The narrowest the drawing may be shown (it scrolls sideways below that),
   * so its smallest text never renders under 12 px.
   */
  minWidth: number;
  /** Painted in order (backgrounds first). */
  items: SceneItem[];
}

/** One `<g>`: the shapes of one element (or static decoration when `element` is absent). */
export interface SceneItem {
  element?: string;
  /** CSS classes that pick colours from the theme, e.g. `dg-node dg-shape-round`. */
  className: string;
  shapes: SvgShape[];
}

export type SvgShape =
  | { type: 'rect'; x: number; y: number; width: number; height: number; rx?: number; className?: string }
  | { type: 'path'; d: string; className?: string }
  | {
      type: 'text';
      x: number;
      /** Baseline of the first line. */
      y: number;
      lines: string[];
      lineHeight: number;
      anchor: 'start' | 'middle' | 'end';
      className?: string;
    };

export type ColumnKey = 'primary' | 'foreign';

export interface TableView {
  id: string;
  label: string;
  /** Element id of the table's key markers (`<table>.key`), when any column is a key. */
  keyElement?: string;
  columns: { id: string; label: string; keys: ColumnKey[] }[];
  rows: { id?: string; cells: string[] }[];
}

export type DependencyKind = 'functional' | 'full' | 'partial' | 'transitive';

export const dependencyLabels: Record<DependencyKind, string> = {
  functional: '함수 종속',
  full: '완전 함수 종속',
  partial: '부분 함수 종속',
  transitive: '이행 함수 종속',
};

export interface DependencyView {
  id: string;
  table: string;
  kind: DependencyKind;
  /** Column element ids (`<table>.<column>`). */
  from: string[];
  to: string[];
  /** Optional note, e.g. "고객번호를 거쳐". */
  note?: string;
}

/**
 * What an element looks like at a step:
 * - `hidden`: not on screen yet (or removed by an earlier step);
 * - `current`: emphasised at this step;
 * - `past`: emphasised at an earlier step, kept but dimmed;
 * - `shown`: on screen, never emphasised so far (context such as participants).
 */
export type ElementState = 'hidden' | 'current' | 'past' | 'shown';

/**
 * The state of element `id` at step index `step`; `null` is the complete
 * final picture (the prerendered page without JavaScript), where everything
 * still on screen at the end is `shown`.
 */
export function elementState(diagram: Diagram, step: number | null, id: string): ElementState {
  const span = diagram.spans[id];
  if (!span) return 'shown';
  if (step === null) return span.until === undefined ? 'shown' : 'hidden';
  if (step < span.from || (span.until !== undefined && step >= span.until)) return 'hidden';
  if (diagram.steps[step]?.current.includes(id)) return 'current';
  for (let earlier = span.from; earlier < step; earlier++) {
    if (diagram.steps[earlier]?.current.includes(id)) return 'past';
  }
  return 'shown';
}

/** `tls13-handshake`, 3 → `tls13-handshake-step-3` (steps count from 1 in links). */
export function stepAnchor(diagramId: string, stepNumber: number): string {
  return `${diagramId}-step-${stepNumber}`;
}

/**
 * The step index a URL fragment opens (`#tls13-handshake-step-3` → 2), or
 * `undefined` when the fragment is not a step of this diagram.
 */
export function stepFromHash(diagram: Pick<Diagram, 'id' | 'steps'>, hash: string): number | undefined {
  let fragment = hash.replace(/^#/, '');
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
  const prefix = `${diagram.id}-step-`;
  if (!fragment.startsWith(prefix)) return undefined;
  const rest = fragment.slice(prefix.length);
  if (!/^[1-9][0-9]*$/.test(rest)) return undefined;
  const number = Number(rest);
  return number <= diagram.steps.length ? number - 1 : undefined;
}
