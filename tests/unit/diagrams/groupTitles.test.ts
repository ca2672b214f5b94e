// @vitest-environment node
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossings, placeTitle } from '../../../src/node/diagrams/layoutFlow.ts';
import { pathSamples } from '../../../src/node/diagrams/svgShapes.ts';
import { collectNotes } from '../../../src/node/pipeline/collectNotes.ts';
import type { SvgDiagram } from '../../../src/shared/diagram.ts';

const group = { x: 0, y: 0, width: 400, height: 300 };
/** A line drawn straight down through the group's top band. */
const vertical = (x: number) => pathSamples(`M${x} -40L${x} 60`);

describe('placeTitle: where a group title sits on its top band', () => {
  const band = (x: number) => ({ x: x - 5, y: 5, width: 90, height: 20 });

  it('takes the top-left corner when nothing crosses it', () => {
    expect(placeTitle(group, 15, 80, { lines: [vertical(300)] })).toEqual({ x: 12, box: group });
  });

  it('moves right, past lines entering at the corners, to the first free spot', () => {
    const lines = [vertical(30), vertical(380)];
    const { x, box } = placeTitle(group, 15, 80, { lines });
    expect(x).toBeGreaterThan(30);
    expect(x + 80).toBeLessThan(380);
    expect(crossings(band(x), lines)).toBe(0);
    expect(box).toEqual(group);
  });

  it('keeps clear of edge labels as well as lines', () => {
    const label = { x: 0, y: 5, width: 150, height: 16 };
    expect(placeTitle(group, 15, 80, { lines: [], labels: [label] }).x).toBeGreaterThanOrEqual(155);
  });

  it('widens a narrow group crossed down its middle just enough to hold the title beside the line', () => {
    const narrow = { x: 0, y: 0, width: 110, height: 100 };
    const lines = [vertical(55)];
    const { x, box } = placeTitle(narrow, 15, 80, { lines });
    expect(crossings(band(x), lines)).toBe(0);
    expect(box.x).toBeLessThanOrEqual(x - 12);
    expect(box.x + box.width).toBeGreaterThanOrEqual(x + 80 + 12);
    expect(box.width).toBeLessThan(narrow.width + 80);
  });

  it('does not widen a group over a node outside it, and then takes the fewest crossings', () => {
    const narrow = { x: 0, y: 0, width: 110, height: 100 };
    const lines = [20, 60, 100].map(vertical);
    const neighbours = [
      { x: -60, y: 20, width: 50, height: 40 },
      { x: 120, y: 20, width: 50, height: 40 },
    ];
    const { x, box } = placeTitle(narrow, 15, 80, { lines, outsiders: neighbours });
    expect(box).toEqual(narrow);
    expect(crossings(band(x), lines)).toBe(2);
  });
});

describe('pathSamples', () => {
  it('follows lines and cubic curves to their ends', () => {
    const samples = pathSamples('M0 0L30 0C40 0 50 10 50 20');
    expect(samples[0]).toEqual({ x: 0, y: 0 });
    expect(samples).toContainEqual({ x: 30, y: 0 });
    expect(samples.at(-1)).toEqual({ x: 50, y: 20 });
    for (const [a, b] of samples.slice(1).map((p, i) => [samples[i]!, p] as const)) {
      expect(Math.hypot(b.x - a.x, b.y - a.y)).toBeLessThanOrEqual(3.01);
    }
  });
});

describe('the flow diagrams in content/', async () => {
  const names = (await readdir('content')).filter((name) => name.endsWith('.md') && name !== 'README.md');
  const files = await Promise.all(
    names.map(async (name) => ({ path: `content/${name}`, text: await readFile(path.join('content', name), 'utf8') })),
  );
  const flows = collectNotes(files, { base: '/' })
    .notes.flatMap(({ note }) => note.body)
    .flatMap((block) =>
      block.kind === 'diagram' && block.diagram.kind === 'flow' ? [block.diagram as SvgDiagram] : [],
    );

  it('has flows with groups to check', () => {
    expect(
      flows.filter((flow) => flow.scene.items.some((item) => item.className === 'dg-group dg-title')).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('never runs a drawn line through a group title', () => {
    for (const flow of flows) {
      const lines = flow.scene.items
        .filter((item) => item.className.startsWith('dg-edge'))
        .flatMap((item) => item.shapes)
        .flatMap((shape) => (shape.type === 'path' && shape.className === 'dg-line' ? [pathSamples(shape.d)] : []));
      for (const title of flow.scene.items.filter((item) => item.className === 'dg-group dg-title')) {
        const backdrop = title.shapes.find((shape) => shape.type === 'rect');
        if (backdrop?.type !== 'rect') throw new Error(`${flow.id}: ${title.element} has no title backdrop`);
        expect(crossings(backdrop, lines), `${flow.id}: a line crosses the title of ${title.element}`).toBe(0);
      }
    }
  });
});
