import { describe, expect, it } from 'vitest';
import { collectNotes } from '../../../src/node/pipeline/collectNotes.ts';
import { blocksToHtml } from '../../../src/node/pipeline/splitBlocks.ts';
import type { SceneItem, SvgDiagram, SvgScene, SvgShape, TablesDiagram } from '../../../src/shared/diagram.ts';
import { noteMarkdown } from '../../fixtures/noteMarkdown.ts';
import {
  compileDiagramNote,
  diagramFrom,
  diagramNote,
  flowYaml,
  sequenceYaml,
  stackYaml,
  tablesYaml,
} from './diagramFixtures.ts';

const svg = (yaml: string) => diagramFrom(yaml) as SvgDiagram;
const itemsOf = (scene: SvgScene, element: string) => scene.items.filter((item) => item.element === element);
const shapes = (items: SceneItem[], type: SvgShape['type']) =>
  items.flatMap((item) => item.shapes).filter((shape) => shape.type === type);
const rectOf = (scene: SvgScene, element: string, className = 'dg-box') => {
  const rect = shapes(itemsOf(scene, element), 'rect').find((shape) => shape.className === className);
  if (rect?.type !== 'rect') throw new Error(`no ${className} rect for ${element}`);
  return rect;
};
/** The numbers of a path's commands, as [x, y] pairs. */
const points = (d: string) => {
  const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) pairs.push([numbers[i]!, numbers[i + 1]!]);
  return pairs;
};
const textsOf = (scene: SvgScene, element: string) =>
  shapes(itemsOf(scene, element), 'text').flatMap((shape) => (shape.type === 'text' ? shape.lines : []));

describe('compileDiagram: the block in a note', () => {
  it('replaces the block with a diagram embed between HTML runs', () => {
    const { compiled, messages, diagram } = compileDiagramNote(sequenceYaml, '다음 문단');
    expect(messages).toEqual([]);
    expect(compiled?.note.body.map((block) => block.kind)).toEqual(['diagram', 'html']);
    expect(diagram).toMatchObject({ id: 'tls-demo', kind: 'sequence', title: '핸드셰이크 예' });
    expect(blocksToHtml(compiled?.note.body ?? [])).not.toContain('ClientHello');
  });

  it('makes the figure and each step link targets for links from other notes', () => {
    const { failed, messages } = collectNotes([
      { path: 'content/a.md', text: noteMarkdown('[3단계](b.md#tls-demo-step-3) [그림](b.md#tls-demo)') },
      { path: 'content/b.md', text: diagramNote(sequenceYaml) },
    ]);
    expect(messages).toEqual([]);
    expect(failed).toBe(false);
  });

  it('still rejects a link to a step the diagram does not have', () => {
    const { failed } = collectNotes([
      { path: 'content/a.md', text: noteMarkdown('[9단계](b.md#tls-demo-step-9)') },
      { path: 'content/b.md', text: diagramNote(sequenceYaml) },
    ]);
    expect(failed).toBe(true);
  });

  it('fills in a summary for screen readers when the author gives none', () => {
    expect(diagramFrom(sequenceYaml).summary).toBe(
      '클라이언트, 서버 사이에 오가는 메시지를 3단계로 보여 주는 시퀀스 다이어그램',
    );
  });
});

describe('compileDiagram: sequence', () => {
  const diagram = svg(sequenceYaml);
  const { scene } = diagram;

  it('draws participants left to right with lifelines down to the bottom', () => {
    const client = rectOf(scene, 'client');
    const server = rectOf(scene, 'server');
    expect(client.x + client.width).toBeLessThan(server.x);
    const lifeline = shapes(itemsOf(scene, 'client'), 'path')[0];
    expect(lifeline?.type === 'path' && pathEnds(lifeline.d).at(-1)?.[1]).toBeGreaterThan(scene.height - 20);
    expect(textsOf(scene, 'server')).toEqual(['서버', 'example.com']);
  });

  it('draws each message from its sender to its receiver, in the order written', () => {
    const centre = (element: string) => {
      const rect = rectOf(scene, element);
      return rect.x + rect.width / 2;
    };
    const arrowOf = (element: string) => {
      const line = shapes(itemsOf(scene, element), 'path').find((shape) => shape.className === 'dg-line');
      return line?.type === 'path' ? points(line.d) : [];
    };
    const hello = arrowOf('hello');
    const reply = arrowOf('reply');
    expect(hello[0]?.[0]).toBeCloseTo(centre('client'), -1);
    expect(hello.at(-1)?.[0]).toBeGreaterThan(centre('server') - 12);
    expect(reply[0]?.[0]).toBeCloseTo(centre('server'), -1);
    expect(reply.at(-1)?.[0]).toBeLessThan(centre('client') + 12);
    expect(hello[0]![1]).toBeLessThan(reply[0]![1]);
    expect(itemsOf(scene, 'reply')[0]?.className).toBe('dg-message dg-dashed');
    expect(itemsOf(scene, 'data')[0]?.className).toBe('dg-message dg-encrypted');
    expect(shapes(itemsOf(scene, 'data'), 'path').some((shape) => shape.className === 'dg-lock')).toBe(true);
  });

  it('spreads the lifelines so the widest label fits between them', () => {
    const wide = svg(sequenceYaml.replace('label: ClientHello', 'label: 아주 긴 메시지 이름이 여기에 들어간다'));
    expect(wide.scene.width).toBeGreaterThan(scene.width + 60);
  });

  it('puts group bands behind their messages and their titles above them', () => {
    const band = rectOf(scene, 'secret', 'dg-band-box');
    const line = shapes(itemsOf(scene, 'data'), 'path').find((shape) => shape.className === 'dg-line');
    const y = line?.type === 'path' ? points(line.d)[0]![1] : 0;
    expect(band.y).toBeLessThan(y);
    expect(band.y + band.height).toBeGreaterThan(y);
    expect(scene.items.findIndex((item) => item.element === 'secret')).toBeLessThan(
      scene.items.findIndex((item) => item.element === 'client'),
    );
  });

  it('keeps the smallest text at 12 px or more: the scene may shrink to 12/13 of its width', () => {
    expect(scene.minWidth).toBe(Math.ceil((scene.width * 12) / 13));
  });
});

describe('compileDiagram: flow (dagre)', () => {
  const { scene } = svg(flowYaml);
  const nodes = ['browser', 'nginx', 'app', 'files'];
  const box = (id: string) => rectOrPathBox(scene, id);

  it('lays nodes out left to right along the edges, without overlaps', () => {
    expect(box('browser').right).toBeLessThan(box('nginx').left);
    expect(box('nginx').right).toBeLessThan(box('app').left);
    for (const a of nodes) {
      for (const b of nodes) {
        if (a >= b) continue;
        const [p, q] = [box(a), box(b)];
        const apart = p.right <= q.left || q.right <= p.left || p.bottom <= q.top || q.bottom <= p.top;
        expect(apart, `${a} and ${b} overlap`).toBe(true);
      }
    }
  });

  it('routes each edge from its source to its target, with the head at the target', () => {
    const line = shapes(itemsOf(scene, 'request'), 'path').find((shape) => shape.className === 'dg-head');
    const tip = line?.type === 'path' ? points(line.d)[0]! : [0, 0];
    expect(tip[0]).toBeCloseTo(box('nginx').left, 0);
    expect(textsOf(scene, 'request')).toEqual(['HTTP 요청']);
    expect(itemsOf(scene, 'static')[0]?.className).toBe('dg-edge dg-dashed');
  });

  it('draws a group around its members, with its title on top', () => {
    const group = rectOf(scene, 'server', 'dg-group-box');
    for (const member of ['nginx', 'app', 'files']) {
      const b = box(member);
      expect(group.x).toBeLessThan(b.left);
      expect(group.y).toBeLessThan(b.top - 15);
      expect(group.x + group.width).toBeGreaterThan(b.right);
      expect(group.y + group.height).toBeGreaterThan(b.bottom);
    }
    expect(textsOf(scene, 'server')).toEqual(['서버']);
  });

  it('stacks ranks top to bottom with direction TB', () => {
    const tall = svg(flowYaml.replace('direction: LR', 'direction: TB')).scene;
    expect(rectOrPathBox(tall, 'browser').bottom).toBeLessThan(rectOrPathBox(tall, 'nginx').top);
  });

  it('draws cylinders and pages for those shapes', () => {
    expect(itemsOf(scene, 'files')[0]?.className).toBe('dg-node dg-shape-cylinder');
    expect(shapes(itemsOf(scene, 'files'), 'path').map((shape) => shape.className)).toEqual(['dg-box', 'dg-rim']);
  });
});

describe('compileDiagram: stack', () => {
  const { scene } = svg(stackYaml);

  it('puts layers of the same level on one row and stacks levels top to bottom', () => {
    expect(rectOf(scene, 'http-app').y).toBe(rectOf(scene, 'https-app').y);
    expect(rectOf(scene, 'http-tcp').y).toBe(rectOf(scene, 'https-tcp').y);
    expect(rectOf(scene, 'https-app').y).toBeLessThan(rectOf(scene, 'https-tls').y);
    expect(rectOf(scene, 'https-tls').y).toBeLessThan(rectOf(scene, 'https-tcp').y);
    expect(rectOf(scene, 'http-app').x).toBeLessThan(rectOf(scene, 'https-app').x);
  });

  it('shows a dashed gap where a stack has no layer at a level, and names the levels', () => {
    const gap = scene.items.find((item) => item.className === 'dg-stack-gap');
    expect(gap?.element).toBe('http');
    const gapBox = gap?.shapes.find((shape) => shape.type === 'rect');
    expect(gapBox?.type === 'rect' && gapBox.y).toBe(rectOf(scene, 'https-tls').y);
    expect(textsOf(scene, 'security')).toEqual(['보안']);
    expect(textsOf(scene, 'https-tls')).toEqual(['TLS', '암호화']);
  });
});

describe('compileDiagram: tables', () => {
  const diagram = diagramFrom(tablesYaml) as TablesDiagram;

  it('keeps tables as data for real HTML tables, with qualified element ids', () => {
    expect(diagram.tables[0]).toEqual({
      id: 'wide',
      label: '주문 (1NF)',
      keyElement: 'wide.key',
      columns: [
        { id: 'wide.주문번호', label: '주문번호', keys: ['primary'] },
        { id: 'wide.상품코드', label: '상품코드', keys: ['primary'] },
        { id: 'wide.상품명', label: '상품명', keys: [] },
        { id: 'wide.단가', label: '단가', keys: [] },
      ],
      rows: [{ cells: ['1001', '0001', '볼펜', '1.50'] }, { id: 'wide.r2', cells: ['1001', '0002', '노트', '3000'] }],
    });
    expect(diagram.dependencies).toEqual([
      { id: 'partial', table: 'wide', kind: 'partial', from: ['wide.상품코드'], to: ['wide.상품명', 'wide.단가'] },
    ]);
  });

  it('keeps cells exactly as written: leading zeros, trailing zeros, dates', () => {
    const products = diagram.tables[1];
    expect(products?.rows[0]?.cells).toEqual(['0001', '볼펜']);
  });

  it('removes a hidden table, with its parts, from that step on', () => {
    expect(diagram.spans.wide).toEqual({ from: 0, until: 2 });
    expect(diagram.spans['wide.상품명']).toEqual({ from: 0, until: 2 });
    expect(diagram.spans.partial).toEqual({ from: 1, until: 2 });
    expect(diagram.spans.products).toEqual({ from: 2 });
  });
});

/** The bounding box of a node's outline (rect, or the path of a cylinder or page). */
function rectOrPathBox(scene: SvgScene, element: string) {
  const outline = itemsOf(scene, element)[0]?.shapes.find((shape) => shape.className === 'dg-box');
  if (outline?.type === 'rect') {
    return { left: outline.x, top: outline.y, right: outline.x + outline.width, bottom: outline.y + outline.height };
  }
  if (outline?.type === 'path') {
    const ends = pathEnds(outline.d);
    const xs = ends.map(([x]) => x);
    const ys = ends.map(([, y]) => y);
    return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
  }
  throw new Error(`no outline for ${element}`);
}

/** The end point of every command of an absolute path (M, L, H, V, C, A, Z). */
function pathEnds(d: string): [number, number][] {
  const ends: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MLHVCAZ])([^MLHVCAZ]*)/g)) {
    const n = (args ?? '')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (command === 'H') x = n[0]!;
    else if (command === 'V') y = n[0]!;
    else if (command !== 'Z') [x, y] = [n[n.length - 2]!, n[n.length - 1]!];
    ends.push([x, y]);
  }
  return ends;
}
