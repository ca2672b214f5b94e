import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Wraps every table in a labelled, focusable region that scrolls sideways,
 * inside a frame for the fades that show there is more to the side.
 *
 * Wide tables must scroll on phones instead of squeezing Korean text into
 * one-syllable columns, and a scrolling box has to be reachable by keyboard
 * (WCAG 2.1.1; axe `scrollable-region-focusable`). Whether a table overflows
 * depends on the screen, so every table gets the wrapper; its label names the
 * columns so the extra tab stop says what it is. An empty header cell is
 * reported: it leaves every cell in its column unlabelled.
 */
export function rehypeTableRegions() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const headers: string[] = [];
      visit(node, 'element', (cell: Element) => {
        if (cell.tagName !== 'th') return;
        const text = toString(cell).trim();
        headers.push(text);
        if (!text) {
          file.message(
            'Empty table header cell: expected a label (e.g. `구분`), since screen readers read it for every cell below',
            {
              place: cell.position,
              ruleId: 'table-empty-header',
              source: 'study-notes',
            },
          );
        }
      });
      const label = headers.length > 0 ? `표: ${headers.filter(Boolean).join(', ')}` : '표';
      const scroller: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: label },
        children: [node],
      };
      // The frame holds the fades that show a side has more to see (NoteBody watches it).
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['scroll-frame'] },
        children: [scroller],
      };
      if (node.position) wrapper.position = scroller.position = node.position;
      parent.children[index] = wrapper;
      return 'skip';
    });
  };
}
