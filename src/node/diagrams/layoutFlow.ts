import dagre from '@dagrejs/dagre';
import type { SceneItem, SvgScene, SvgShape } from '../../shared/diagram.ts';
import type { FlowSource } from './diagramSchema.ts';
import {
  arrow,
  basisPath,
  centeredText,
  cylinderPaths,
  documentPaths,
  LABEL_FONT,
  minWidthFor,
  pathSamples,
  round,
  SMALL_BOLD_FONT,
  SMALL_FONT,
  textBlockHeight,
  titleBackdrop,
  type Point,
} from './svgShapes.ts';
import { linesWidth, textWidth, wrapText } from './textWidth.ts';

const MARGIN = 6;
const PAD_X = 12;
const PAD_Y = 10;
const MIN_NODE_WIDTH = 92;
const LABEL_WRAP = 150;
const DETAIL_WRAP = 170;
const EDGE_LABEL_WRAP = 130;
const EDGE_LABEL_PAD = 4;
const GROUP_PAD = 12;
const GROUP_LABEL_HEIGHT = 22;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Lays out a flow (boxes, arrows, groups) with dagre, the layered graph
 * layout Mermaid also uses: nodes in ranks along `direction`, edges routed
 * between them, groups as compound nodes around their members. Runs at build
 * time only; the browser receives the finished scene.
 */
export function layoutFlow(source: FlowSource): SvgScene {
  const graph = new dagre.graphlib.Graph({ multigraph: true, compound: true });
  graph.setGraph({
    rankdir: source.direction,
    nodesep: source.direction === 'LR' ? 26 : 24,
    ranksep: source.direction === 'LR' ? 46 : 40,
    edgesep: 16,
    marginx: 0,
    marginy: 0,
  });

  const nodeText = new Map(
    source.nodes.map((node) => {
      const labels = wrapText(node.label, LABEL_FONT, LABEL_WRAP);
      const details = node.detail ? wrapText(node.detail, SMALL_FONT, DETAIL_WRAP) : [];
      const textHeight = textBlockHeight(labels.length, LABEL_FONT) + textBlockHeight(details.length, SMALL_FONT);
      const extraX = node.shape === 'round' ? 10 : node.shape === 'document' ? 8 : 0;
      const extraY = node.shape === 'cylinder' ? 12 : node.shape === 'document' ? 4 : 0;
      const width = Math.max(
        MIN_NODE_WIDTH,
        Math.max(linesWidth(labels, LABEL_FONT), linesWidth(details, SMALL_FONT)) + 2 * (PAD_X + extraX),
      );
      const height = textHeight + 2 * PAD_Y + extraY;
      graph.setNode(node.id, { width, height });
      return [node.id, { labels, details, width, height, extraY }];
    }),
  );

  // Groups: compound nodes. A group's label needs room, so its members keep a
  // little distance from its top (handled when drawing, below).
  for (const group of source.groups) graph.setNode(group.id, {});
  for (const group of source.groups) for (const member of group.contains) graph.setParent(member, group.id);

  const edgeText = new Map(
    source.edges.map((edge) => {
      const lines = edge.label ? wrapText(edge.label, SMALL_FONT, EDGE_LABEL_WRAP) : [];
      const width = lines.length > 0 ? linesWidth(lines, SMALL_FONT) + 2 * EDGE_LABEL_PAD : 0;
      const height = lines.length > 0 ? textBlockHeight(lines.length, SMALL_FONT) + 2 : 0;
      graph.setEdge(edge.from, edge.to, { width, height, labelpos: 'c' }, edge.id);
      return [edge.id, { lines, width, height }];
    }),
  );

  dagre.layout(graph);

  // Read positions back (dagre gives centres).
  const nodeBox = new Map<string, Box>();
  for (const node of source.nodes) {
    const laid = graph.node(node.id) as { x: number; y: number; width: number; height: number };
    nodeBox.set(node.id, {
      x: laid.x - laid.width / 2,
      y: laid.y - laid.height / 2,
      width: laid.width,
      height: laid.height,
    });
  }
  const edgeRoute = new Map<string, { points: Point[]; label?: Point }>();
  for (const edge of source.edges) {
    const laid = graph.edge({ v: edge.from, w: edge.to, name: edge.id }) as {
      points: Point[];
      x?: number;
      y?: number;
    };
    edgeRoute.set(edge.id, {
      points: laid.points.map((p) => ({ x: p.x, y: p.y })),
      ...(laid.x !== undefined && laid.y !== undefined ? { label: { x: laid.x, y: laid.y } } : {}),
    });
  }

  // Each edge's line as drawn (a smoothed curve, not dagre's polyline) and its label,
  // so group titles can be put where nothing runs through them.
  const lineSamples = source.edges.map((edge) => {
    const points = edgeRoute.get(edge.id)!.points;
    return pathSamples(arrow(points).line || basisPath(points));
  });
  const edgeLabels: Box[] = [];
  for (const [id, route] of edgeRoute) {
    const text = edgeText.get(id)!;
    if (!route.label || text.width === 0) continue;
    edgeLabels.push({
      x: route.label.x - text.width / 2,
      y: route.label.y - text.height / 2,
      width: text.width,
      height: text.height,
    });
  }

  // Group boxes: around their members (innermost first), with a band for the title.
  const groupBox = new Map<string, Box>();
  const titleAt = new Map<string, number>();
  const descendants = (id: string): string[] => {
    const group = source.groups.find((candidate) => candidate.id === id);
    return group ? group.contains.flatMap((member) => [member, ...descendants(member)]) : [];
  };
  const depthOf = (id: string): number => {
    const parent = source.groups.find((group) => group.contains.includes(id));
    return parent ? 1 + depthOf(parent.id) : 0;
  };
  const byDepth = [...source.groups].sort((a, b) => depthOf(b.id) - depthOf(a.id));
  for (const group of byDepth) {
    const members = group.contains.map((id) => nodeBox.get(id) ?? groupBox.get(id)).filter((box): box is Box => !!box);
    const laid = graph.node(group.id) as { x: number; y: number; width: number; height: number } | undefined;
    let box = union(members);
    box = {
      x: box.x - GROUP_PAD,
      y: box.y - GROUP_PAD - GROUP_LABEL_HEIGHT,
      width: box.width + 2 * GROUP_PAD,
      height: box.height + 2 * GROUP_PAD + GROUP_LABEL_HEIGHT,
    };
    if (laid && laid.width > 0) {
      // dagre also kept room around the cluster; use it where it is larger.
      box = union([box, { x: laid.x - laid.width / 2, y: box.y, width: laid.width, height: box.height }]);
    }
    const labelWidth = textWidth(group.label, SMALL_BOLD_FONT) + 2 * GROUP_PAD;
    if (box.width < labelWidth) box = { ...box, x: box.x - (labelWidth - box.width) / 2, width: labelWidth };
    const inside = new Set(descendants(group.id));
    const outsiders = source.nodes.filter((node) => !inside.has(node.id)).map((node) => nodeBox.get(node.id)!);
    const title = placeTitle(box, titleCenterY(box), textWidth(group.label, SMALL_BOLD_FONT), {
      lines: lineSamples,
      labels: edgeLabels,
      outsiders,
    });
    groupBox.set(group.id, title.box);
    titleAt.set(group.id, title.x);
  }

  // Everything as boxes, to find the extent and shift it to (MARGIN, MARGIN).
  const all: Box[] = [...nodeBox.values(), ...groupBox.values()];
  for (const [id, route] of edgeRoute) {
    for (const p of route.points) all.push({ x: p.x, y: p.y, width: 0, height: 0 });
    const text = edgeText.get(id);
    if (route.label && text && text.width > 0) {
      all.push({
        x: route.label.x - text.width / 2,
        y: route.label.y - text.height / 2,
        width: text.width,
        height: text.height,
      });
    }
  }
  const extent = union(all);
  const dx = MARGIN - extent.x;
  const dy = MARGIN - extent.y;
  const at = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
  const moved = (box: Box): Box => ({ ...box, x: box.x + dx, y: box.y + dy });

  // Group boxes go under everything; their titles over the edges (on a backdrop), so a
  // line entering a group never runs through its title.
  const outerFirst = [...source.groups].sort((a, b) => depthOf(a.id) - depthOf(b.id));
  const groupItems: SceneItem[] = outerFirst.map((group) => ({
    element: group.id,
    className: 'dg-group',
    shapes: [{ type: 'rect', ...rounded(moved(groupBox.get(group.id)!)), rx: 10, className: 'dg-group-box' }],
  }));
  const drawnEdges = new Map(
    source.edges.map((edge) => {
      const points = edgeRoute.get(edge.id)!.points.map(at);
      const drawn = arrow(points);
      return [edge.id, { line: drawn.line || basisPath(points), head: drawn.head }];
    }),
  );
  const groupTitles: SceneItem[] = outerFirst.map((group) => {
    const centerY = titleCenterY(moved(groupBox.get(group.id)!));
    const x = titleAt.get(group.id)! + dx;
    return {
      element: group.id,
      className: 'dg-group dg-title',
      shapes: [
        titleBackdrop(x, centerY, group.label),
        centeredText(x, centerY, [group.label], SMALL_BOLD_FONT, 'start', 'dg-small dg-group-label'),
      ],
    };
  });

  const edgeItems: SceneItem[] = source.edges.map((edge) => {
    const route = edgeRoute.get(edge.id)!;
    const drawn = drawnEdges.get(edge.id)!;
    const shapes: SvgShape[] = [{ type: 'path', d: drawn.line, className: 'dg-line' }];
    if (drawn.head) shapes.push({ type: 'path', d: drawn.head, className: 'dg-head' });
    const text = edgeText.get(edge.id)!;
    if (route.label && text.lines.length > 0) {
      const c = at(route.label);
      shapes.push({
        type: 'rect',
        x: round(c.x - text.width / 2),
        y: round(c.y - text.height / 2),
        width: round(text.width),
        height: round(text.height),
        rx: 3,
        className: 'dg-label-bg',
      });
      shapes.push(centeredText(c.x, c.y, text.lines, SMALL_FONT, 'middle', 'dg-small dg-edge-label'));
    }
    return { element: edge.id, className: `dg-edge${edge.line === 'dashed' ? ' dg-dashed' : ''}`, shapes };
  });

  const nodeItems: SceneItem[] = source.nodes.map((node) => {
    const box = moved(nodeBox.get(node.id)!);
    const text = nodeText.get(node.id)!;
    const shapes: SvgShape[] = [];
    if (node.shape === 'cylinder') {
      const paths = cylinderPaths(box.x, box.y, box.width, box.height);
      shapes.push(
        { type: 'path', d: paths.body, className: 'dg-box' },
        { type: 'path', d: paths.rim, className: 'dg-rim' },
      );
    } else if (node.shape === 'document') {
      const paths = documentPaths(box.x, box.y, box.width, box.height);
      shapes.push(
        { type: 'path', d: paths.body, className: 'dg-box' },
        { type: 'path', d: paths.fold, className: 'dg-rim' },
      );
    } else {
      shapes.push({
        type: 'rect',
        ...rounded(box),
        rx: node.shape === 'round' ? round(box.height / 2) : 6,
        className: 'dg-box',
      });
    }
    const labelHeight = textBlockHeight(text.labels.length, LABEL_FONT);
    const detailHeight = textBlockHeight(text.details.length, SMALL_FONT);
    const top =
      box.y + (box.height - labelHeight - detailHeight) / 2 + (node.shape === 'cylinder' ? text.extraY / 2 - 1 : 0);
    const cx = box.x + box.width / 2;
    shapes.push(centeredText(cx, top + labelHeight / 2, text.labels, LABEL_FONT, 'middle', 'dg-label'));
    if (text.details.length > 0) {
      shapes.push(
        centeredText(cx, top + labelHeight + detailHeight / 2, text.details, SMALL_FONT, 'middle', 'dg-small'),
      );
    }
    return { element: node.id, className: `dg-node dg-shape-${node.shape}`, shapes };
  });

  const width = Math.ceil(extent.width + 2 * MARGIN);
  return {
    width,
    height: Math.ceil(extent.height + 2 * MARGIN),
    minWidth: minWidthFor(width),
    items: [...groupItems, ...edgeItems, ...groupTitles, ...nodeItems],
  };
}

const titleCenterY = (box: Box) => box.y + GROUP_LABEL_HEIGHT / 2 + 4;

/**
 * Where a group's title goes on the group's top band: the leftmost spot that no drawn
 * line runs through and no edge label covers. Edges enter groups from above, so a title
 * fixed in a corner is often crossed, and its backdrop then cuts the line in two. When
 * the band is crossed everywhere (a narrow group with a line down its middle), the group
 * is widened just enough to hold the title beside the line, unless that would cover a
 * node outside it; failing both, the spot with the fewest crossings is taken.
 */
export function placeTitle(
  box: Box,
  centerY: number,
  labelWidth: number,
  avoid: { lines: readonly Point[][]; labels?: readonly Box[]; outsiders?: readonly Box[] },
): { x: number; box: Box } {
  const band = (x: number): Box => ({ x: x - 5, y: centerY - 10, width: labelWidth + 10, height: 20 });
  const blocked = (x: number) =>
    crossings(band(x), avoid.lines) + (avoid.labels ?? []).filter((label) => overlaps(band(x), label)).length;
  const covered = (b: Box) => (avoid.outsiders ?? []).filter((node) => overlaps(b, node)).length;
  const alreadyCovered = covered(box);
  const corner = box.x + GROUP_PAD;
  let best = { x: corner, box, cost: Infinity };
  // Every 2 px from a title's width left of the corner to just past the right edge.
  const first = -Math.ceil((labelWidth + 12) / 2);
  const last = Math.ceil((box.width - 2 * GROUP_PAD + 12) / 2);
  for (let k = first; k <= last; k++) {
    const x = corner + 2 * k;
    const left = Math.min(box.x, x - GROUP_PAD);
    const right = Math.max(box.x + box.width, x + labelWidth + GROUP_PAD);
    const widened = { ...box, x: left, width: right - left };
    const widenBy = widened.width - box.width;
    // A crossed title is ugly; a node drawn inside a group it is not in is wrong.
    const cost = 1000 * blocked(x) + 100_000 * (covered(widened) - alreadyCovered) + widenBy;
    // Left to right, so among equal spots the leftmost wins.
    if (cost < best.cost) best = { x, box: widened, cost };
  }
  return { x: best.x, box: best.box };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** How many of `routes` (points sampled along each drawn line) pass through `box`. */
export function crossings(box: Box, routes: readonly Point[][]): number {
  const inside = (p: Point) => p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
  return routes.filter((points) => points.some(inside)).length;
}

function union(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function rounded(box: Box): Box {
  return { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) };
}
