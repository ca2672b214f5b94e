import type { SvgShape } from '../../shared/diagram.ts';
import { textWidth, type Font } from './textWidth.ts';

/**
 * Shapes shared by the SVG layouts. Sizes are CSS pixels at natural size and
 * must match src/app/diagrams/diagram.css, which sets the same font sizes
 * and weights on the classes used here.
 */

/** Names and titles: participants, nodes, stack headers (class `dg-label`). */
export const LABEL_FONT: Font = { size: 15, weight: 600 };
/** Message labels, layer names (class `dg-text`). */
export const TEXT_FONT: Font = { size: 14, weight: 400 };
/** Second lines, edge labels, group titles (class `dg-small`; group titles are semibold). */
export const SMALL_FONT: Font = { size: 13, weight: 400 };
export const SMALL_BOLD_FONT: Font = { size: 13, weight: 600 };
/** The smallest text a scene uses: its natural width may shrink only to `MIN_TEXT_PX / SMALLEST_FONT`. */
export const SMALLEST_FONT = SMALL_FONT.size;
export const MIN_TEXT_PX = 12;

/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.35;

export const round = (value: number): number => Math.round(value * 10) / 10;

/** The narrowest a scene of `width` may be shown (see `SvgScene.minWidth`). */
export function minWidthFor(width: number): number {
  return Math.ceil((width * MIN_TEXT_PX) / SMALLEST_FONT);
}

/**
 * Lines of text whose block is vertically centred on `centerY`. SVG places
 * text by its baseline; for Pretendard the visual centre of a line sits about
 * 0.35 em above the baseline.
 */
export function centeredText(
  x: number,
  centerY: number,
  lines: string[],
  font: Font,
  anchor: 'start' | 'middle' | 'end',
  className: string,
): SvgShape {
  const lineHeight = round(font.size * LINE_HEIGHT);
  const firstBaseline = centerY - ((lines.length - 1) * lineHeight) / 2 + font.size * 0.35;
  return { type: 'text', x: round(x), y: round(firstBaseline), lines, lineHeight, anchor, className };
}

/** Height of a block of `count` lines. */
export function textBlockHeight(count: number, font: Font): number {
  return count * font.size * LINE_HEIGHT;
}

export interface Point {
  x: number;
  y: number;
}

const ARROW_LENGTH = 9;
const ARROW_HALF_WIDTH = 4.5;

/**
 * An arrow along `points`: the line (a B-spline through the points, like
 * Mermaid's `curveBasis`, ending where the head starts so thick strokes do
 * not poke through its tip) and the filled head.
 */
export function arrow(points: readonly Point[], head = true): { line: string; head?: string } {
  const last = points[points.length - 1];
  const before = points[points.length - 2];
  if (!last || !before) return { line: '' };
  const dx = last.x - before.x;
  const dy = last.y - before.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const shortened = head ? shortenEnd(points, ARROW_LENGTH - 1) : [...points];
  const line = basisPath(shortened);
  if (!head) return { line };
  const baseX = last.x - ux * ARROW_LENGTH;
  const baseY = last.y - uy * ARROW_LENGTH;
  const headPath = [
    `M${round(last.x)} ${round(last.y)}`,
    `L${round(baseX - uy * ARROW_HALF_WIDTH)} ${round(baseY + ux * ARROW_HALF_WIDTH)}`,
    `L${round(baseX + uy * ARROW_HALF_WIDTH)} ${round(baseY - ux * ARROW_HALF_WIDTH)}`,
    'Z',
  ].join('');
  return { line, head: headPath };
}

function shortenEnd(points: readonly Point[], by: number): Point[] {
  const result = points.map((p) => ({ ...p }));
  const last = result[result.length - 1]!;
  const before = result[result.length - 2]!;
  const length = Math.hypot(last.x - before.x, last.y - before.y);
  const keep = Math.max(0, length - by) / (length || 1);
  last.x = before.x + (last.x - before.x) * keep;
  last.y = before.y + (last.y - before.y) * keep;
  return result;
}

/** A uniform cubic B-spline through `points` (a port of d3's curveBasis), exact at both ends. */
export function basisPath(points: readonly Point[]): string {
  const p = (x: number, y: number) => `${round(x)} ${round(y)}`;
  const parts: string[] = [];
  let x0 = 0;
  let y0 = 0;
  let x1 = 0;
  let y1 = 0;
  const bezier = (x: number, y: number) =>
    parts.push(
      `C${p((2 * x0 + x1) / 3, (2 * y0 + y1) / 3)} ${p((x0 + 2 * x1) / 3, (y0 + 2 * y1) / 3)} ${p((x0 + 4 * x1 + x) / 6, (y0 + 4 * y1 + y) / 6)}`,
    );
  points.forEach(({ x, y }, index) => {
    if (index === 0) parts.push(`M${p(x, y)}`);
    else if (index >= 2) {
      if (index === 2) parts.push(`L${p((5 * x0 + x1) / 6, (5 * y0 + y1) / 6)}`);
      bezier(x, y);
    }
    x0 = x1;
    y0 = y1;
    x1 = x;
    y1 = y;
  });
  if (points.length >= 3) bezier(x1, y1);
  if (points.length >= 2) parts.push(`L${p(x1, y1)}`);
  return parts.join('');
}

/**
 * Points every `step` pixels or so along a path of M, L and C commands (the ones
 * `basisPath` and `arrow` write), so a layout can test what is actually drawn.
 */
export function pathSamples(d: string, step = 3): Point[] {
  const samples: Point[] = [];
  let at: Point = { x: 0, y: 0 };
  for (const [, command, args] of d.matchAll(/([MLCZ])([^MLCZ]*)/g)) {
    const n = (args ?? '')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (command === 'M') {
      at = { x: n[0]!, y: n[1]! };
      samples.push(at);
    } else if (command === 'L') {
      const to = { x: n[0]!, y: n[1]! };
      const count = Math.max(1, Math.ceil(Math.hypot(to.x - at.x, to.y - at.y) / step));
      for (let k = 1; k <= count; k++) samples.push(lerp(at, to, k / count));
      at = to;
    } else if (command === 'C') {
      const [c1, c2, to] = [0, 2, 4].map((i) => ({ x: n[i]!, y: n[i + 1]! })) as [Point, Point, Point];
      const hull =
        Math.hypot(c1.x - at.x, c1.y - at.y) +
        Math.hypot(c2.x - c1.x, c2.y - c1.y) +
        Math.hypot(to.x - c2.x, to.y - c2.y);
      const count = Math.max(1, Math.ceil(hull / step));
      for (let k = 1; k <= count; k++) {
        const t = k / count;
        const u = 1 - t;
        samples.push({
          x: u * u * u * at.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * to.x,
          y: u * u * u * at.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * to.y,
        });
      }
      at = to;
    }
  }
  return samples;
}

function lerp(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** A cylinder (disk, files on disk): body with a top ellipse, as one outline plus the rim. */
export function cylinderPaths(x: number, y: number, width: number, height: number): { body: string; rim: string } {
  const ry = Math.min(8, height / 6);
  const rx = width / 2;
  const r = (v: number) => round(v);
  const body = [
    `M${r(x)} ${r(y + ry)}`,
    `A${r(rx)} ${r(ry)} 0 0 1 ${r(x + width)} ${r(y + ry)}`,
    `V${r(y + height - ry)}`,
    `A${r(rx)} ${r(ry)} 0 0 1 ${r(x)} ${r(y + height - ry)}`,
    'Z',
  ].join('');
  const rim = `M${r(x)} ${r(y + ry)}A${r(rx)} ${r(ry)} 0 0 0 ${r(x + width)} ${r(y + ry)}`;
  return { body, rim };
}

/** A document (a file, a certificate): a page with its top-right corner folded. */
export function documentPaths(x: number, y: number, width: number, height: number): { body: string; fold: string } {
  const f = Math.min(12, height / 3);
  const r = (v: number) => round(v);
  const body = `M${r(x)} ${r(y)}H${r(x + width - f)}L${r(x + width)} ${r(y + f)}V${r(y + height)}H${r(x)}Z`;
  const fold = `M${r(x + width - f)} ${r(y)}V${r(y + f)}H${r(x + width)}`;
  return { body, fold };
}

/** A small padlock (10 × 12) with its top-left corner at (x, y), for encrypted messages. */
export function lockPath(x: number, y: number): string {
  const r = (v: number) => round(v);
  return [
    // shackle
    `M${r(x + 2.5)} ${r(y + 5.5)}V${r(y + 3.5)}A2.5 2.5 0 0 1 ${r(x + 7.5)} ${r(y + 3.5)}V${r(y + 5.5)}`,
    // body
    `M${r(x)} ${r(y + 5.5)}H${r(x + 10)}V${r(y + 12)}H${r(x)}Z`,
  ].join('');
}

export const LOCK_WIDTH = 10;
export const LOCK_GAP = 5;

/** A tight box behind a group title, in the group's own fill (see diagram.css `.dg-title-bg`). */
export function titleBackdrop(x: number, centerY: number, label: string): SvgShape {
  const height = SMALL_BOLD_FONT.size * 1.3;
  return {
    type: 'rect',
    x: round(x - 3),
    y: round(centerY - height / 2),
    width: round(textWidth(label, SMALL_BOLD_FONT) + 6),
    height: round(height),
    rx: 3,
    className: 'dg-title-bg',
  };
}
