import type { SceneItem, SvgScene, SvgShape } from '../../shared/diagram.ts';
import type { SequenceSource } from './diagramSchema.ts';
import {
  arrow,
  centeredText,
  LABEL_FONT,
  LINE_HEIGHT,
  LOCK_GAP,
  LOCK_WIDTH,
  lockPath,
  minWidthFor,
  round,
  SMALL_BOLD_FONT,
  SMALL_FONT,
  TEXT_FONT,
  textBlockHeight,
  titleBackdrop,
} from './svgShapes.ts';
import { linesWidth, textWidth, wrapText } from './textWidth.ts';

const MARGIN = 6;
const BOX_PAD_X = 14;
const BOX_PAD_Y = 9;
const MIN_BOX_WIDTH = 84;
/** Least distance between two lifelines. */
const MIN_GAP = 40;
/** Room on each side of a message label between its two lifelines. */
const LABEL_ROOM = 18;
const LABEL_MAX_WIDTH = 220;
const NOTE_MAX_WIDTH = 230;
/** Notes over one participant hang out on both sides of its lifeline: kept narrower. */
const SINGLE_NOTE_MAX_WIDTH = 170;
const NOTE_PAD = 9;
const SELF_LOOP_WIDTH = 26;
const ROW_GAP = 10;
const BAND_LABEL_HEIGHT = 22;

/**
 * Lays out a sequence diagram: participants in a row of boxes with lifelines,
 * messages and notes top to bottom in the order written. The arrangement is
 * linear (columns and rows), so it needs no graph layout: columns are just
 * far enough apart for the widest label between them.
 */
export function layoutSequence(source: SequenceSource): SvgScene {
  const index = new Map(source.participants.map((p, i) => [p.id, i]));

  // Participant boxes.
  const heads = source.participants.map((p) => {
    const label = p.label ?? p.id;
    const details = p.detail ? wrapText(p.detail, SMALL_FONT, 160) : [];
    const width = Math.max(
      MIN_BOX_WIDTH,
      textWidth(label, LABEL_FONT) + 2 * BOX_PAD_X,
      linesWidth(details, SMALL_FONT) + 2 * BOX_PAD_X,
    );
    const height = textBlockHeight(1, LABEL_FONT) + textBlockHeight(details.length, SMALL_FONT) + 2 * BOX_PAD_Y;
    return { label, details, width, height };
  });
  const headHeight = Math.max(...heads.map((h) => h.height));

  // Rows: wrapped text first, since it decides the column spacing.
  const rows = source.messages.map((row) => {
    if (row.note !== undefined) {
      const over = (row.over ?? []).map((id) => index.get(id) ?? 0);
      const single = new Set(over).size === 1;
      const lines = wrapText(row.note, TEXT_FONT, single ? SINGLE_NOTE_MAX_WIDTH : NOTE_MAX_WIDTH);
      return {
        kind: 'note' as const,
        row,
        lines,
        width: linesWidth(lines, TEXT_FONT) + 2 * NOTE_PAD,
        height: textBlockHeight(lines.length, TEXT_FONT) + 2 * NOTE_PAD - 4,
        first: Math.min(...over),
        last: Math.max(...over),
      };
    }
    const lines = wrapText(row.label ?? '', TEXT_FONT, LABEL_MAX_WIDTH);
    const details = row.detail ? wrapText(row.detail, SMALL_FONT, LABEL_MAX_WIDTH) : [];
    const lock = row.encrypted ? LOCK_WIDTH + LOCK_GAP : 0;
    const from = index.get(row.from ?? '') ?? 0;
    const to = index.get(row.to ?? '') ?? 0;
    return {
      kind: 'message' as const,
      row,
      lines,
      details,
      lock,
      width: Math.max(linesWidth(lines, TEXT_FONT) + lock, linesWidth(details, SMALL_FONT)),
      height: textBlockHeight(lines.length, TEXT_FONT) + textBlockHeight(details.length, SMALL_FONT),
      first: Math.min(from, to),
      last: Math.max(from, to),
      from,
      to,
    };
  });

  // Columns: each lifeline far enough from the ones on its left.
  const x: number[] = [];
  heads.forEach((head, i) => {
    if (i === 0) {
      x.push(MARGIN + head.width / 2);
      return;
    }
    const previous = heads[i - 1]!;
    let position = x[i - 1]! + (previous.width + head.width) / 2 + MIN_GAP;
    for (const r of rows) {
      if (r.last !== i) continue;
      if (r.kind === 'message' && r.first !== r.last) {
        position = Math.max(position, x[r.first]! + r.width + 2 * LABEL_ROOM);
      } else if (r.kind === 'note' && r.first !== r.last) {
        position = Math.max(position, x[r.first]! + r.width - 2 * NOTE_PAD - 12);
      }
    }
    // Things that hang to the right of the previous lifeline: self messages, notes over it alone.
    for (const r of rows) {
      if (r.first !== i - 1 || r.last !== i - 1) continue;
      const reach = r.kind === 'message' ? SELF_LOOP_WIDTH + 8 + r.width + 12 : r.width / 2 + 12;
      position = Math.max(position, x[i - 1]! + reach + 12);
      if (r.kind === 'note') position = Math.max(position, x[i - 1]! + r.width / 2 + head.width / 2 + 8);
    }
    x.push(position);
  });

  // Notes wider than what they sit over may hang out on the left: shift everything right.
  const noteWidth = (r: (typeof rows)[number]) =>
    Math.max(r.width, r.first === r.last ? 0 : x[r.last]! - x[r.first]! + 40);
  const leftmost = Math.min(
    ...heads.map((head, i) => x[i]! - head.width / 2),
    ...rows.filter((r) => r.kind === 'note').map((r) => (x[r.first]! + x[r.last]!) / 2 - noteWidth(r) / 2),
  );
  for (let i = 0; i < x.length; i++) x[i] = x[i]! + MARGIN - leftmost;

  const left = 0;
  let right = Math.max(...heads.map((head, i) => x[i]! + head.width / 2)) + MARGIN;
  const items: SceneItem[] = [];
  const bands: SceneItem[] = [];
  const bandTitles: SceneItem[] = [];
  const rowItems: SceneItem[] = [];

  // Which rows start and end a group band.
  const bandStarts = new Map<number, typeof source.groups>();
  const rowIndex = new Map(source.messages.map((row, i) => [row.id, i]));
  for (const group of source.groups) {
    const start = rowIndex.get(group.from) ?? 0;
    bandStarts.set(start, [...(bandStarts.get(start) ?? []), group]);
  }
  const rowTop: number[] = [];
  const rowBottom: number[] = [];

  let y = headHeight + 14;
  rows.forEach((r, i) => {
    y += (bandStarts.get(i)?.length ?? 0) * BAND_LABEL_HEIGHT;
    rowTop[i] = y;
    const shapes: SvgShape[] = [];
    if (r.kind === 'note') {
      const width = noteWidth(r);
      const center = (x[r.first]! + x[r.last]!) / 2;
      shapes.push({
        type: 'rect',
        x: round(center - width / 2),
        y: round(y),
        width: round(width),
        height: round(r.height),
        rx: 4,
        className: 'dg-note-box',
      });
      shapes.push(centeredText(center, y + r.height / 2, r.lines, TEXT_FONT, 'middle', 'dg-text'));
      right = Math.max(right, center + width / 2 + MARGIN);
      y += r.height;
      rowItems.push({ element: r.row.id, className: 'dg-note', shapes });
    } else if (r.from === r.to) {
      // A message to itself: a loop on the right of the lifeline, label beside it.
      const lx = x[r.from]!;
      const textTop = y;
      const loopTop = y + 4;
      const loopBottom = Math.max(loopTop + 18, textTop + r.height + 2);
      const line = arrow([
        { x: lx, y: loopTop },
        { x: lx + SELF_LOOP_WIDTH, y: loopTop },
        { x: lx + SELF_LOOP_WIDTH, y: loopBottom },
        { x: lx + 1, y: loopBottom },
      ]);
      shapes.push({
        type: 'path',
        d: straight([
          lx,
          loopTop,
          lx + SELF_LOOP_WIDTH,
          loopTop,
          lx + SELF_LOOP_WIDTH,
          loopBottom,
          lx + 10,
          loopBottom,
        ]),
        className: 'dg-line',
      });
      if (line.head) shapes.push({ type: 'path', d: line.head, className: 'dg-head' });
      shapes.push(...messageText(r, lx + SELF_LOOP_WIDTH + 8, textTop, 'start'));
      right = Math.max(right, lx + SELF_LOOP_WIDTH + 8 + r.width + MARGIN);
      y = loopBottom + 6;
      rowItems.push({ element: r.row.id, className: messageClass(r.row), shapes });
    } else {
      const fromX = x[r.from]!;
      const toX = x[r.to]!;
      const center = (fromX + toX) / 2;
      const arrowY = y + r.height + 7;
      if (r.last - r.first > 1) {
        // The label crosses other lifelines: give it a backdrop.
        shapes.push({
          type: 'rect',
          x: round(center - r.width / 2 - 4),
          y: round(y - 1),
          width: round(r.width + 8),
          height: round(r.height + 3),
          rx: 3,
          className: 'dg-label-bg',
        });
      }
      shapes.push(...messageText(r, center, y, 'middle'));
      const direction = Math.sign(toX - fromX);
      const line = arrow([
        { x: fromX + direction, y: arrowY },
        { x: toX - direction, y: arrowY },
      ]);
      shapes.push({ type: 'path', d: line.line, className: 'dg-line' });
      if (line.head) shapes.push({ type: 'path', d: line.head, className: 'dg-head' });
      y = arrowY + 4;
      rowItems.push({ element: r.row.id, className: messageClass(r.row), shapes });
    }
    rowBottom[i] = y;
    y += ROW_GAP;
  });
  const bottom = y + 4;

  // Group bands behind their rows.
  for (const group of source.groups) {
    const first = rowIndex.get(group.from) ?? 0;
    const last = rowIndex.get(group.to) ?? first;
    const stacked = (bandStarts.get(first) ?? []).indexOf(group);
    const top = rowTop[first]! - BAND_LABEL_HEIGHT * ((bandStarts.get(first)?.length ?? 1) - stacked) - 4;
    const height = rowBottom[last]! + 5 - top;
    bands.push({
      element: group.id,
      className: 'dg-band',
      shapes: [
        {
          type: 'rect',
          x: round(left + 1),
          y: round(top),
          width: round(right - left - 2),
          height: round(height),
          rx: 6,
          className: 'dg-band-box',
        },
      ],
    });
    // The title goes over the lifelines, on a backdrop.
    const centerY = top + BAND_LABEL_HEIGHT / 2 + 1;
    bandTitles.push({
      element: group.id,
      className: 'dg-band dg-title',
      shapes: [
        titleBackdrop(left + 10, centerY, group.label),
        centeredText(left + 10, centerY, [group.label], SMALL_BOLD_FONT, 'start', 'dg-small dg-band-label'),
      ],
    });
  }

  // Participants: box on top, lifeline to the bottom.
  source.participants.forEach((p, i) => {
    const head = heads[i]!;
    const cx = x[i]!;
    const shapes: SvgShape[] = [
      { type: 'path', d: `M${round(cx)} ${round(headHeight)}V${round(bottom)}`, className: 'dg-lifeline' },
      {
        type: 'rect',
        x: round(cx - head.width / 2),
        y: round(headHeight - head.height),
        width: round(head.width),
        height: round(head.height),
        rx: 6,
        className: 'dg-box',
      },
    ];
    const labelHeight = textBlockHeight(1, LABEL_FONT);
    const detailHeight = textBlockHeight(head.details.length, SMALL_FONT);
    const top = headHeight - head.height + BOX_PAD_Y;
    shapes.push(centeredText(cx, top + labelHeight / 2, [head.label], LABEL_FONT, 'middle', 'dg-label'));
    if (head.details.length > 0) {
      shapes.push(
        centeredText(cx, top + labelHeight + detailHeight / 2, head.details, SMALL_FONT, 'middle', 'dg-small'),
      );
    }
    items.push({ element: p.id, className: 'dg-participant', shapes });
  });

  return {
    width: Math.ceil(right),
    height: Math.ceil(bottom + MARGIN),
    minWidth: minWidthFor(right),
    items: [...bands, ...items, ...bandTitles, ...rowItems],
  };
}

type MessageRow = {
  row: SequenceSource['messages'][number];
  lines: string[];
  details: string[];
  lock: number;
  width: number;
};

/** The label (with a lock when encrypted) and detail lines of a message, starting at `top`. */
function messageText(r: MessageRow, x: number, top: number, anchor: 'start' | 'middle'): SvgShape[] {
  const shapes: SvgShape[] = [];
  const lineHeight = TEXT_FONT.size * LINE_HEIGHT;
  const labelWidth = linesWidth(r.lines, TEXT_FONT);
  const blockLeft = anchor === 'middle' ? x - (labelWidth + r.lock) / 2 : x;
  if (r.lock > 0) {
    shapes.push({ type: 'path', d: lockPath(blockLeft, top + lineHeight / 2 - 6.5), className: 'dg-lock' });
  }
  const textX = anchor === 'middle' ? x + r.lock / 2 : x + r.lock;
  shapes.push(
    centeredText(textX, top + textBlockHeight(r.lines.length, TEXT_FONT) / 2, r.lines, TEXT_FONT, anchor, 'dg-text'),
  );
  if (r.details.length > 0) {
    const detailTop = top + textBlockHeight(r.lines.length, TEXT_FONT);
    shapes.push(
      centeredText(
        anchor === 'middle' ? x : x + r.lock,
        detailTop + textBlockHeight(r.details.length, SMALL_FONT) / 2,
        r.details,
        SMALL_FONT,
        anchor,
        'dg-small dg-detail',
      ),
    );
  }
  return shapes;
}

function messageClass(row: SequenceSource['messages'][number]): string {
  return ['dg-message', row.line === 'dashed' ? 'dg-dashed' : '', row.encrypted ? 'dg-encrypted' : '']
    .filter(Boolean)
    .join(' ');
}

function straight(coordinates: number[]): string {
  let d = '';
  for (let i = 0; i < coordinates.length; i += 2) {
    d += `${i === 0 ? 'M' : 'L'}${round(coordinates[i]!)} ${round(coordinates[i + 1]!)}`;
  }
  return d;
}
