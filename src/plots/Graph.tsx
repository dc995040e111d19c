import { memo, useMemo } from 'react';
import { denseClass, type DenseStyle } from './denseStyles';
import { useFrame } from './frame';
import { cx, toneClass, type Tone } from './tones';
import './kit-dense.css';

/** A node of a layered graph (a neuron, an operation of a computation graph). */
export interface GraphNode {
  id: string;
  /** Its layer: layers are drawn left to right in increasing order. */
  layer: number;
  /** Short text inside the circle ("x₁", "+", "σ"). */
  label?: string;
  /** Text beside the node (its value, its gradient). */
  valueText?: string;
  /** The accessible name when the graph is interactive; default label and value. */
  name?: string;
  tone?: Tone;
}

/** An edge from one node to another; `weight` sets its width and its sign its colour. */
export interface GraphEdge {
  from: string;
  to: string;
  weight?: number;
  /** Text at the edge's middle (a weight, a local gradient). */
  valueText?: string;
}

/** A node placed in the frame's inner pixels. */
export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
  r: number;
  /** Its layer's index among the graph's layers (0 on the left). */
  column: number;
}

/** An edge laid out between its nodes' rims. */
export interface PlacedEdge extends GraphEdge {
  d: string;
  /** Where its value text goes. */
  labelX: number;
  labelY: number;
  width: number;
  style: Extract<DenseStyle, 'graph-edge' | 'graph-edge-positive' | 'graph-edge-negative'>;
}

/** What `layeredLayout` arranges. */
export interface LayeredLayoutOptions {
  width: number;
  height: number;
  /** Largest node radius; smaller when the layers are crowded. Default 18. */
  radius?: number;
  /** Room kept free at the left and right (labels beside the outer nodes). Default 8. */
  padding?: number;
  /** Edges as straight lines or as horizontal S-curves. */
  curve?: 'line' | 'curve';
  /** Edge widths for |weight| from 0 to the largest |weight|. Default [0.75, 5]. */
  widthRange?: readonly [number, number];
  /** The most a layer's nodes stand apart, centre to centre, in radii. Default 5. */
  spread?: number;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * A layered layout: one column per distinct layer value, in increasing order from left
 * to right, spread evenly across the width; each layer's nodes spread evenly down the
 * height in the order given, centred. Every circle lies inside [0, width] × [0, height].
 * Edges run from rim to rim; one naming an unknown node is left out.
 */
export function layeredLayout(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  {
    width,
    height,
    radius = 18,
    padding = 8,
    curve = 'line',
    widthRange = [0.75, 5],
    spread = 5,
  }: LayeredLayoutOptions,
): { nodes: PlacedNode[]; edges: PlacedEdge[]; radius: number } {
  const layers = [...new Set(nodes.map((n) => n.layer))].sort((a, b) => a - b);
  const byLayer = layers.map((l) => nodes.filter((n) => n.layer === l));
  const most = Math.max(1, ...byLayer.map((l) => l.length));
  const cols = Math.max(1, layers.length);
  // a radius that leaves a gap of at least half a radius between circles, and fits the frame
  const fitY = height / (most * 2 + (most - 1) * 0.5);
  const fitX = cols > 1 ? (width - 2 * padding) / (cols * 2 + (cols - 1) * 0.5) : width / 2;
  const r = Math.max(0, Math.min(radius, fitY, fitX, width / 2, height / 2));
  const left = Math.min(padding + r, width / 2);
  const right = Math.max(width - padding - r, width / 2);
  const colX = (c: number) => (cols === 1 ? width / 2 : left + ((right - left) * c) / (cols - 1));
  const placed: PlacedNode[] = [];
  byLayer.forEach((layer, c) => {
    const n = layer.length;
    const spacing = n > 1 ? Math.min((height - 2 * r) / (n - 1), r * spread) : 0;
    const top = height / 2 - (spacing * (n - 1)) / 2;
    layer.forEach((node, i) =>
      placed.push({ ...node, x: colX(c), y: top + spacing * i, r, column: c }),
    );
  });
  const at = new Map(placed.map((p) => [p.id, p]));
  const maxW = Math.max(0, ...edges.map((e) => Math.abs(e.weight ?? 0)).filter(Number.isFinite));
  const [w0, w1] = widthRange;
  const placedEdges: PlacedEdge[] = [];
  for (const e of edges) {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b || a === b) continue;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const sx = a.x + ux * a.r;
    const sy = a.y + uy * a.r;
    const ex = b.x - ux * b.r;
    const ey = b.y - uy * b.r;
    let d: string;
    if (curve === 'curve' && Math.abs(dx) > 1) {
      // leave and enter horizontally: from the side of each circle
      const s = Math.sign(dx);
      const ax = a.x + s * a.r;
      const bx = b.x - s * b.r;
      const mid = (ax + bx) / 2;
      d = `M${r2(ax)},${r2(a.y)}C${r2(mid)},${r2(a.y)} ${r2(mid)},${r2(b.y)} ${r2(bx)},${r2(b.y)}`;
    } else {
      d = `M${r2(sx)},${r2(sy)}L${r2(ex)},${r2(ey)}`;
    }
    const wv = e.weight;
    const hasWeight = wv !== undefined && Number.isFinite(wv);
    placedEdges.push({
      ...e,
      d,
      labelX: r2((a.x + b.x) / 2),
      labelY: r2((a.y + b.y) / 2),
      width: hasWeight && maxW > 0 ? r2(w0 + ((w1 - w0) * Math.abs(wv)) / maxW) : 1.5,
      style:
        !hasWeight || wv === 0
          ? 'graph-edge'
          : wv > 0
            ? 'graph-edge-positive'
            : 'graph-edge-negative',
    });
  }
  return { nodes: placed, edges: placedEdges, radius: r };
}

/** Props of `Graph`. */
export interface GraphProps {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  radius?: number;
  curve?: 'line' | 'curve';
  widthRange?: readonly [number, number];
  /** The most a layer's nodes stand apart, in radii (see `layeredLayout`). */
  spread?: number;
  /** The highlighted node: it and its edges stand out, the rest fade. */
  highlight?: string | null;
  /**
   * Nodes are focusable and hoverable, named for screen readers, and report the node
   * they highlight; put the graph in a `<PlotFrame interactive>`.
   */
  interactive?: boolean;
  onHighlight?: (id: string | null) => void;
  /** Where node value texts go. Default above the node. */
  valuePosition?: 'above' | 'below';
}

/**
 * A node-and-edge graph laid out in layers across the frame (a network, a computation
 * graph): edges with width and colour from their weights, circles with labels, values on
 * nodes and edges, and a highlighted node with its edges.
 */
export const Graph = memo(function Graph({
  nodes,
  edges,
  radius = 18,
  curve = 'line',
  widthRange,
  spread,
  highlight = null,
  interactive = false,
  onHighlight,
  valuePosition = 'above',
}: GraphProps) {
  const frame = useFrame();
  const layout = useMemo(
    () =>
      layeredLayout(nodes, edges, {
        width: frame.innerWidth,
        height: frame.innerHeight,
        radius,
        curve,
        widthRange,
        spread,
      }),
    [nodes, edges, frame.innerWidth, frame.innerHeight, radius, curve, widthRange, spread],
  );
  const lit = (e: GraphEdge) => highlight !== null && (e.from === highlight || e.to === highlight);
  const neighbours = new Set<string>();
  if (highlight !== null) {
    neighbours.add(highlight);
    for (const e of layout.edges) if (lit(e)) neighbours.add(e.from === highlight ? e.to : e.from);
  }
  return (
    <g className={cx('kd-graph', highlight !== null && 'has-highlight')}>
      <g className="kd-graph-edges" aria-hidden="true">
        {layout.edges.map((e, i) => (
          <g
            key={`${e.from}>${e.to}#${i}`}
            className={cx('kd-graph-edge-group', lit(e) && 'is-highlighted')}
          >
            <path className={denseClass(e.style)} d={e.d} strokeWidth={e.width} />
          </g>
        ))}
      </g>
      <g className="kd-graph-nodes">
        {layout.nodes.map((n) => {
          const name = n.name ?? [n.label ?? n.id, n.valueText].filter(Boolean).join(': ');
          return (
            <g
              key={n.id}
              className={cx(
                'kd-graph-node-group',
                toneClass(n.tone ?? 'axis'),
                neighbours.has(n.id) && 'is-highlighted',
              )}
              data-id={n.id}
              tabIndex={interactive ? 0 : undefined}
              role={interactive ? 'graphics-symbol' : undefined}
              aria-label={interactive ? name : undefined}
              aria-hidden={interactive ? undefined : 'true'}
              onMouseEnter={interactive ? () => onHighlight?.(n.id) : undefined}
              onMouseLeave={interactive ? () => onHighlight?.(null) : undefined}
              onFocus={interactive ? () => onHighlight?.(n.id) : undefined}
              onBlur={interactive ? () => onHighlight?.(null) : undefined}
            >
              <circle className={denseClass('graph-node')} cx={n.x} cy={n.y} r={n.r} />
              {n.label && (
                <text
                  className={denseClass('graph-node-label')}
                  x={n.x}
                  y={n.y}
                  dy="0.35em"
                  textAnchor="middle"
                  aria-hidden="true"
                >
                  {n.label}
                </text>
              )}
              {n.valueText && (
                <text
                  className={denseClass('graph-value')}
                  x={n.x}
                  y={valuePosition === 'above' ? n.y - n.r - 6 : n.y + n.r + 15}
                  textAnchor="middle"
                  aria-hidden="true"
                >
                  {n.valueText}
                </text>
              )}
            </g>
          );
        })}
      </g>
      <g className="kd-graph-edge-values" aria-hidden="true">
        {layout.edges.map((e, i) =>
          e.valueText ? (
            <text
              key={`${e.from}>${e.to}#${i}`}
              className={cx(denseClass('graph-value'), lit(e) && 'is-highlighted')}
              x={e.labelX}
              y={e.labelY}
              dy="0.32em"
              textAnchor="middle"
            >
              {e.valueText}
            </text>
          ) : null,
        )}
      </g>
    </g>
  );
});
