/**
 * Where the small network's labels go: a weight's beside its edge (never on it), a bias's
 * around its node, clear of the other edges, the nodes, the fixed texts and each other
 * where there is room.
 */

export interface Box {
  /** Centre. */
  x: number;
  y: number;
  /** Half width and half height. */
  hw: number;
  hh: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Circle {
  x: number;
  y: number;
  r: number;
}

/** A label to place: its half size, the spots it may take (each with a penalty), its edge if any. */
export interface LabelRequest {
  hw: number;
  hh: number;
  spots: readonly { x: number; y: number; penalty: number }[];
  /** The edge it labels: the label may not cross it, other labels may. */
  edge?: Segment;
}

export interface LabelObstacles {
  /** Every edge of the graph (a label's own edge, the same object, is skipped). */
  edges: readonly Segment[];
  nodes: readonly Circle[];
  /** Texts already placed (node values, bias labels). */
  boxes: readonly Box[];
  /** The area labels must stay inside. */
  bounds: { x0: number; y0: number; x1: number; y1: number };
}

/** Fractions along an edge tried for its label. */
const ALONG = Array.from({ length: 17 }, (_, i) => 0.1 + 0.05 * i);
/** Free space between a label and its edge, and around other texts. */
const GAP = 3;
/** What a spot costs per thing it runs into (labels and nodes hide text, an edge only crosses it). */
const COST = { outside: 1000, label: 1000, node: 1000, edge: 100 };

/**
 * The spots beside an edge for a label of half size hw × hh: at fractions along it, on
 * either side, pushed out along the edge's normal just far enough that the edge passes the
 * box by GAP (or a little farther); nearer `prefer` and nearer the edge cost less.
 */
export function edgeSpots(
  edge: Segment,
  hw: number,
  hh: number,
  prefer: number,
): { x: number; y: number; penalty: number }[] {
  const dx = edge.x2 - edge.x1;
  const dy = edge.y2 - edge.y1;
  const len = Math.hypot(dx, dy) || 1;
  // the unit normal, pointing up (or left on a vertical edge)
  let nx = -dy / len;
  let ny = dx / len;
  if (ny > 0 || (ny === 0 && nx > 0)) {
    nx = -nx;
    ny = -ny;
  }
  const push = hw * Math.abs(nx) + hh * Math.abs(ny) + GAP;
  return ALONG.flatMap((t) =>
    [1, -1, 1.6, -1.6].map((side) => ({
      x: edge.x1 + dx * t + side * nx * push,
      y: edge.y1 + dy * t + side * ny * push,
      penalty: Math.abs(t - prefer) + (Math.abs(side) > 1 ? 2 : 0),
    })),
  );
}

/** Whether a segment meets a box (Liang–Barsky clipping). */
export function segmentHitsBox(s: Segment, b: Box): boolean {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number) => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return (
    clip(-dx, s.x1 - (b.x - b.hw)) &&
    clip(dx, b.x + b.hw - s.x1) &&
    clip(-dy, s.y1 - (b.y - b.hh)) &&
    clip(dy, b.y + b.hh - s.y1)
  );
}

/** The area two boxes share. */
export function boxOverlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.hw, b.x + b.hw) - Math.max(a.x - a.hw, b.x - b.hw);
  const h = Math.min(a.y + a.hh, b.y + b.hh) - Math.max(a.y - a.hh, b.y - b.hh);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Whether a circle meets a box. */
export function circleHitsBox(c: Circle, b: Box): boolean {
  const dx = Math.max(0, Math.abs(c.x - b.x) - b.hw);
  const dy = Math.max(0, Math.abs(c.y - b.y) - b.hh);
  return dx * dx + dy * dy < c.r * c.r;
}

const grow = (b: Box, by: number): Box => ({ ...b, hw: b.hw + by, hh: b.hh + by });

/** Rounds of placing each label again against all the others, after the first pass. */
const ROUNDS = 3;

/**
 * Places each label at the spot of its list that runs into least (the other labels, the
 * fixed texts, nodes, edges other than its own, the bounds), the smaller penalty among
 * equals: first in order, each against those before it, then a few rounds in which each
 * moves to its best spot against all the others. Deterministic: the same input, the same
 * spots.
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: LabelObstacles): Box[] {
  const placed: (Box | null)[] = requests.map(() => null);
  const best = (k: number) => {
    const req = requests[k];
    const others = placed.filter((b, i): b is Box => b !== null && i !== k);
    let found: Box | null = null;
    let bestCost = Infinity;
    for (const spot of req.spots) {
      const box: Box = clampInto(
        { x: spot.x, y: spot.y, hw: req.hw, hh: req.hh },
        obstacles.bounds,
      );
      const cost = spotCost(box, req.edge, obstacles, others) + spot.penalty;
      if (cost < bestCost) {
        bestCost = cost;
        found = box;
      }
    }
    return found!;
  };
  for (let round = 0; round <= ROUNDS; round++)
    for (let k = 0; k < requests.length; k++) placed[k] = best(k);
  return placed as Box[];
}

function spotCost(
  box: Box,
  own: Segment | undefined,
  o: LabelObstacles,
  placed: readonly Box[],
): number {
  let cost = 0;
  const { bounds } = o;
  const out =
    Math.max(0, bounds.x0 - (box.x - box.hw)) +
    Math.max(0, box.x + box.hw - bounds.x1) +
    Math.max(0, bounds.y0 - (box.y - box.hh)) +
    Math.max(0, box.y + box.hh - bounds.y1);
  cost += COST.outside * out;
  const padded = grow(box, GAP);
  for (const b of [...placed, ...o.boxes]) {
    const a = boxOverlap(padded, b);
    if (a > 0) cost += COST.label + a;
  }
  for (const c of o.nodes) if (circleHitsBox({ ...c, r: c.r + GAP }, box)) cost += COST.node;
  for (const e of o.edges) if (e !== own && segmentHitsBox(e, box)) cost += COST.edge;
  return cost;
}

function clampInto(b: Box, bounds: LabelObstacles['bounds']): Box {
  const x = Math.min(Math.max(b.x, bounds.x0 + b.hw), Math.max(bounds.x0 + b.hw, bounds.x1 - b.hw));
  const y = Math.min(Math.max(b.y, bounds.y0 + b.hh), Math.max(bounds.y0 + b.hh, bounds.y1 - b.hh));
  return { ...b, x, y };
}
