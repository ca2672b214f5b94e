import type { SceneItem, SvgScene, SvgShape } from '../../shared/diagram.ts';
import type { StackSource } from './diagramSchema.ts';
import { centeredText, LABEL_FONT, minWidthFor, round, SMALL_FONT, TEXT_FONT, textBlockHeight } from './svgShapes.ts';
import { linesWidth, textWidth, wrapText } from './textWidth.ts';

const MARGIN = 6;
const COLUMN_GAP = 20;
const LAYER_GAP = 6;
const PAD_X = 14;
const PAD_Y = 9;
const MIN_COLUMN_WIDTH = 124;
const HEADER_HEIGHT = 30;
const WRAP = 170;

/**
 * Lays out protocol stacks side by side: one column per stack, layers top to
 * bottom. With `levels`, rows are shared across stacks and named on the left,
 * and a stack without a layer at some level shows a dashed gap there (plain
 * HTTP has nothing where HTTPS has TLS). A grid needs no graph layout.
 */
export function layoutStack(source: StackSource): SvgScene {
  const levels = source.levels ?? [];
  const rowCount = levels.length > 0 ? levels.length : Math.max(...source.stacks.map((s) => s.layers.length));
  const rowOf = (layer: StackSource['stacks'][number]['layers'][number], index: number) =>
    levels.length > 0 ? levels.findIndex((level) => level.id === layer.level) : index;

  const texts = source.stacks.map((stack) =>
    stack.layers.map((layer) => ({
      labels: wrapText(layer.label, TEXT_FONT, WRAP),
      details: layer.detail ? wrapText(layer.detail, SMALL_FONT, WRAP) : [],
    })),
  );
  const columnWidth = source.stacks.map((stack, i) =>
    Math.max(
      MIN_COLUMN_WIDTH,
      textWidth(stack.label, LABEL_FONT) + 2 * PAD_X,
      ...texts[i]!.map((t) => Math.max(linesWidth(t.labels, TEXT_FONT), linesWidth(t.details, SMALL_FONT)) + 2 * PAD_X),
    ),
  );
  const rowHeight = Array.from({ length: rowCount }, (_, row) =>
    Math.max(
      40,
      ...source.stacks.flatMap((stack, i) =>
        stack.layers
          .map((layer, j) => ({ layer, j }))
          .filter(({ layer, j }) => rowOf(layer, j) === row)
          .map(({ j }) => {
            const t = texts[i]![j]!;
            return (
              textBlockHeight(t.labels.length, TEXT_FONT) + textBlockHeight(t.details.length, SMALL_FONT) + 2 * PAD_Y
            );
          }),
      ),
    ),
  );
  const levelWidth =
    levels.length > 0 ? Math.max(...levels.map((level) => textWidth(level.label, SMALL_FONT))) + 16 : 0;

  const rowTop: number[] = [];
  let y = MARGIN + HEADER_HEIGHT + 6;
  for (let row = 0; row < rowCount; row++) {
    rowTop.push(y);
    y += rowHeight[row]! + LAYER_GAP;
  }
  const bottom = y - LAYER_GAP;

  const items: SceneItem[] = [];
  levels.forEach((level, row) => {
    items.push({
      element: level.id,
      className: 'dg-level',
      shapes: [
        centeredText(
          MARGIN + levelWidth - 12,
          rowTop[row]! + rowHeight[row]! / 2,
          [level.label],
          SMALL_FONT,
          'end',
          'dg-small dg-level-label',
        ),
      ],
    });
  });

  let x = MARGIN + levelWidth;
  source.stacks.forEach((stack, i) => {
    const width = columnWidth[i]!;
    const cx = x + width / 2;
    items.push({
      element: stack.id,
      className: 'dg-stack',
      shapes: [centeredText(cx, MARGIN + HEADER_HEIGHT / 2, [stack.label], LABEL_FONT, 'middle', 'dg-label')],
    });
    const used = new Set<number>();
    stack.layers.forEach((layer, j) => {
      const row = rowOf(layer, j);
      used.add(row);
      const top = rowTop[row]!;
      const height = rowHeight[row]!;
      const t = texts[i]![j]!;
      const labelHeight = textBlockHeight(t.labels.length, TEXT_FONT);
      const detailHeight = textBlockHeight(t.details.length, SMALL_FONT);
      const textTop = top + (height - labelHeight - detailHeight) / 2;
      const shapes: SvgShape[] = [
        {
          type: 'rect',
          x: round(x),
          y: round(top),
          width: round(width),
          height: round(height),
          rx: 6,
          className: 'dg-box',
        },
        centeredText(cx, textTop + labelHeight / 2, t.labels, TEXT_FONT, 'middle', 'dg-text dg-layer-label'),
      ];
      if (t.details.length > 0) {
        shapes.push(
          centeredText(cx, textTop + labelHeight + detailHeight / 2, t.details, SMALL_FONT, 'middle', 'dg-small'),
        );
      }
      items.push({ element: layer.id, className: 'dg-layer', shapes });
    });
    // Levels this stack has no layer at: a dashed gap, part of the stack.
    for (let row = 0; row < rowCount; row++) {
      if (used.has(row) || levels.length === 0) continue;
      items.push({
        element: stack.id,
        className: 'dg-stack-gap',
        shapes: [
          {
            type: 'rect',
            x: round(x),
            y: round(rowTop[row]!),
            width: round(width),
            height: round(rowHeight[row]!),
            rx: 6,
            className: 'dg-gap-box',
          },
          centeredText(
            cx,
            rowTop[row]! + rowHeight[row]! / 2,
            ['(없음)'],
            SMALL_FONT,
            'middle',
            'dg-small dg-gap-label',
          ),
        ],
      });
    }
    x += width + COLUMN_GAP;
  });

  const width = Math.ceil(x - COLUMN_GAP + MARGIN);
  return { width, height: Math.ceil(bottom + MARGIN), minWidth: minWidthFor(width), items };
}
