import { scaleLinear } from 'd3-scale';
import { useId, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { AxisBottom, AxisLeft } from '../../plots/Axes';
import { Bars, barCenter } from '../../plots/Bars';
import { formatFixed, formatNumber } from '../../plots/formatNumber';
import {
  Graph,
  layeredLayout,
  type GraphEdge,
  type GraphNode,
  type PlacedNode,
} from '../../plots/Graph';
import { legendLayout, type LegendItem, type LegendMetrics } from '../../plots/Legend';
import { PLOT_FONT, estimateTextWidth, useMeasureText } from '../../plots/measureText';
import { ChunkBounds, PlotFrame, type Margin } from '../../plots/PlotFrame';
import { usePlotSize } from '../../plots/usePlotSize';
import type { Lang, PlotProps } from '../../ui/card/types';
import { PARAM_COUNT, PARAM_REFS, PHASES, LAST_PHASE, paramName, sub } from './model';
import type { BackpropResult, BackpropValues, ChainRule, ParamRef } from './model';
import { edgeSpots, placeLabels } from './labels';
import type { Box, Circle, LabelRequest, Segment } from './labels';
import './backpropagation.css';

/** viewBox width before the column is measured, and its bounds. */
const WIDTH = { fallback: 640, min: 320, max: 760 };
const HEIGHT = 380;
/** On a phone the layers stand closer together: the graph is taller, so that the labels of
 * the edges between them (seven to a column in 2-3-2) keep clear of each other. */
const PHONE_HEIGHT = 500;
const NARROW = 480;

/**
 * The graph's sizes: on a page (the viewBox as wide as the column, at most 760), on a phone,
 * and presenting, where the viewBox is the box the screen leaves it (drawn at 1:1, so the
 * text keeps the presenting sizes of presentation.css) and the type is larger.
 */
interface GraphSizes {
  margin: Margin;
  radius: number;
  /** The edge and bias labels', node values' and targets' font size. */
  label: number;
  legend: LegendMetrics;
  legendFont: string;
  /** Baselines below the inner area: the column names and the readout (and its second line). */
  columnsAt: number;
  readoutAt: number;
  lineGap: number;
  /** The step and loss line's baseline above the inner area. */
  stepAt: number;
}
const font = (px: number) => PLOT_FONT.replace(/\d+(\.\d+)?px/, `${px}px`);
const PAGE: GraphSizes = {
  margin: { top: 70, right: 84, bottom: 56, left: 34 },
  radius: 17,
  label: 11,
  legend: { swatch: 18, gap: 5, spacing: 16, rowHeight: 17 },
  legendFont: font(11),
  columnsAt: 22,
  readoutAt: 42,
  lineGap: 15,
  stepAt: 14,
};
const PHONE: GraphSizes = { ...PAGE, margin: { top: 88, right: 66, bottom: 70, left: 26 } };
const PRESENT: GraphSizes = {
  margin: { top: 88, right: 124, bottom: 76, left: 40 },
  radius: 22,
  label: 18,
  legend: { swatch: 26, gap: 8, spacing: 26, rowHeight: 26 },
  legendFont: font(18),
  columnsAt: 28,
  readoutAt: 60,
  lineGap: 24,
  stepAt: 22,
};
/** The widest label text kept clear of the others: every label gets a box this wide. */
const WIDEST_LABEL = '∂ −0.0000';
/** The deep network's plot. */
const DEEP_HEIGHT = 250;
const DEEP_MARGIN: Margin = { top: 34, right: 16, bottom: 50, left: 76 };
/** Presenting, for the axes at the presenting sizes (18px ticks, 20px titles). */
const DEEP_PRESENT_MARGIN: Margin = { top: 38, right: 24, bottom: 62, left: 118 };
/** Presenting, the log axis's ticks stand at least this far apart (about 1.5 lines). */
const DEEP_TICK_GAP = 28;
/**
 * The log axis's ticks on an axis `height` long: the powers of ten 10ᵉ of the domain with
 * e a multiple of k (1 always among them), k the smallest that keeps them `gap` apart.
 */
export function decadeTicks(height: number, gap: number): number[] {
  const [lo, hi] = DEEP_DOMAIN.map((d) => Math.round(Math.log10(d)));
  const k = Math.max(1, Math.ceil((gap * (hi - lo)) / Math.max(1, height)));
  const out: number[] = [];
  for (let e = lo; e <= hi; e++) if (e % k === 0) out.push(Number(`1e${e}`));
  return out;
}
/** Its log axis: gradients below FLOOR are drawn at the floor. */
const FLOOR = 1e-9;
const DEEP_DOMAIN: [number, number] = [FLOOR, 100];
/** Layers of the deepest network offered (8 hidden and the output). */
const DEEP_SLOTS = 9;

const WORDS = {
  en: {
    positive: 'positive weight',
    negative: 'negative weight',
    gradient: '∂L/∂w, once computed',
    selected: 'selected',
    input: 'input x',
    hidden: 'hidden a = f(z)',
    output: 'output ŷ',
    step: (t: number, phase: string) => `step ${t}/${LAST_PHASE}: ${phase}`,
    choose: 'Parameter to expand',
    expand: (name: string, value: string) => `Expand ${name} (${value})`,
    fd: 'finite difference',
    bp: 'backprop',
    deepTitle: 'Deep network: mean |∂L/∂W| of each layer',
    layer: 'layer (input side first)',
    grad: 'mean |∂L/∂W|',
    /** Presenting, where the axis is shorter than the full title (the chart's title says "mean"). */
    gradShort: '|∂L/∂W|',
    up: 'up: the step overshot',
  },
  'zh-TW': {
    positive: '正權重',
    negative: '負權重',
    gradient: '∂L/∂w（算出後顯示）',
    selected: '選取的參數',
    input: '輸入 x',
    hidden: '隱藏層 a = f(z)',
    output: '輸出 ŷ',
    step: (t: number, phase: string) => `第 ${t}/${LAST_PHASE} 步：${phase}`,
    choose: '要展開的參數',
    expand: (name: string, value: string) => `展開 ${name}（${value}）`,
    fd: '有限差分',
    bp: '反向傳播',
    deepTitle: '深層網路：每層的平均 |∂L/∂W|',
    layer: '層（由輸入端起算）',
    grad: '平均 |∂L/∂W|',
    gradShort: '|∂L/∂W|',
    up: '反而上升：步伐太大',
  },
} satisfies Record<Lang, Record<string, unknown>>;

const num = (x: number, d = 2) => formatFixed(x, d);
const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};
/** A power of ten as 10ⁿ (1 and 10 as themselves): short tick labels for the log axis. */
export function powerOfTen(d: number): string {
  const e = Math.round(Math.log10(d));
  if (e === 0) return '1';
  if (e === 1) return '10';
  return `10${String(e)
    .split('')
    .map((c) => SUPERSCRIPT[c])
    .join('')}`;
}
const sig = (x: number) => formatNumber(x, { digits: 3, notation: 'significant' });

/** The legend's entries and their swatches. */
function legendEntries(
  w: (typeof WORDS)[Lang],
  s: number,
): { item: LegendItem; swatch: ReactNode }[] {
  return [
    {
      item: { label: w.positive, tone: 'axis' },
      swatch: <path className="kd-graph-edge kd-positive" d={`M0,-4H${s}`} strokeWidth={3} />,
    },
    {
      item: { label: w.negative, tone: 'axis' },
      swatch: <path className="kd-graph-edge kd-negative" d={`M0,-4H${s}`} strokeWidth={3} />,
    },
    {
      item: { label: w.gradient, tone: 'accent' },
      swatch: (
        <text className="bp-grad" x={s / 2} y={0} textAnchor="middle">
          ∂
        </text>
      ),
    },
    {
      item: { label: w.selected, tone: 'sym5' },
      swatch: <path className="bp-selected-edge" d={`M0,-4H${s}`} />,
    },
  ];
}

/** Whether a parameter's gradient has been computed at this step (output layer first). */
const gradShown = (layer: 0 | 1, step: number) => step >= (layer === 1 ? 4 : 5);

/** The graph's nodes and edges at this step. */
function graphData(r: BackpropResult) {
  const { step } = r;
  const layers = step >= LAST_PHASE ? r.updated : r.layers;
  const nodes: GraphNode[] = [
    ...r.x.map((x, k) => ({
      id: `x${k}`,
      layer: 0,
      label: `x${sub(k + 1)}`,
      valueText: num(x),
      tone: 'sym1' as const,
    })),
    ...r.a1.map((a, i) => ({
      id: `h${i}`,
      layer: 1,
      label: `h${sub(i + 1)}`,
      valueText: step >= 1 ? num(a, 3) : undefined,
    })),
    ...r.yhat.map((v, j) => ({
      id: `o${j}`,
      layer: 2,
      label: `ŷ${sub(j + 1)}`,
      valueText: step >= 2 ? num(v, 3) : undefined,
      tone: 'emphasis' as const,
    })),
  ];
  const edges: GraphEdge[] = [];
  layers[0].W.forEach((row, i) =>
    row.forEach((w, k) => edges.push({ from: `x${k}`, to: `h${i}`, weight: w })),
  );
  layers[1].W.forEach((row, j) =>
    row.forEach((w, i) => edges.push({ from: `h${i}`, to: `o${j}`, weight: w })),
  );
  return { nodes, edges };
}

/** The ids of the nodes a parameter joins: a weight's source and target, a bias's node. */
const endpoints = (c: ChainRule) => refEnds(c.ref);

/** The ids of the nodes a parameter joins, by its reference. */
function refEnds(ref: ParamRef): { from: string | null; to: string } {
  if (ref.layer === 0) return { from: ref.kind === 'W' ? `x${ref.col}` : null, to: `h${ref.row}` };
  return { from: ref.kind === 'W' ? `h${ref.col}` : null, to: `o${ref.row}` };
}

/** Where a node's value text (drawn by Graph above the node) lies. */
const valueBox = (n: PlacedNode, fs: number): Box => ({
  x: n.x,
  y: n.y - n.r - 6 - 0.35 * fs,
  hw: estimateTextWidth('−0.000', font(fs)) / 2,
  hh: 0.6 * fs,
});

/**
 * The centre of every parameter's label, by index in PARAM_REFS: a bias's around its node
 * (under it where there is room), a weight's beside its edge, preferring 0.4 of the way
 * from the side with fewer nodes; all clear of the edges, nodes, node values and each other
 * where there is room (placeLabels).
 */
export function labelSpots(
  outputs: 1 | 2,
  nodes: readonly PlacedNode[],
  fs: number,
  bounds: { x0: number; y0: number; x1: number; y1: number },
): Map<number, { x: number; y: number }> {
  const at = new Map(nodes.map((n) => [n.id, n]));
  const refs = PARAM_REFS.slice(0, PARAM_COUNT[outputs]);
  const hh = 0.62 * fs;
  const hw = estimateTextWidth(WIDEST_LABEL, font(fs)) / 2;
  const segments: Segment[] = [];
  const requests = refs.map((ref): LabelRequest => {
    const { from, to } = refEnds(ref);
    const b = at.get(to)!;
    if (ref.kind === 'b') {
      const below = b.y + b.r + 4 + hh;
      const bw = 0.8 * hw;
      return {
        hw: bw,
        hh,
        spots: [
          { x: b.x, y: below, penalty: 0 },
          { x: b.x - 0.7 * bw, y: below, penalty: 1 },
          { x: b.x + 0.7 * bw, y: below, penalty: 1 },
          { x: b.x - b.r - bw - 4, y: b.y + b.r, penalty: 3 },
          { x: b.x + b.r + bw + 4, y: b.y + b.r, penalty: 3 },
        ],
      };
    }
    const a = at.get(from!)!;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    const edge: Segment = {
      x1: a.x + ux * a.r,
      y1: a.y + uy * a.r,
      x2: b.x - ux * b.r,
      y2: b.y - uy * b.r,
    };
    segments.push(edge);
    const t = ref.layer === 0 ? 0.4 : 0.6;
    // the fraction along the rim-to-rim segment where t of the centre-to-centre one lies
    const prefer = (t * len - a.r) / Math.max(1, len - a.r - b.r);
    return { hw, hh, edge, spots: edgeSpots(edge, hw, hh, prefer) };
  });
  // biases first: each has few good spots
  const order = refs
    .map((_, i) => i)
    .sort((i, j) => +(refs[j].kind === 'b') - +(refs[i].kind === 'b'));
  const circles: Circle[] = nodes.map((n) => ({ x: n.x, y: n.y, r: n.r }));
  // every node's value (shown from some step on: kept clear at every step) and the targets
  const boxes: Box[] = nodes.map((n) => valueBox(n, fs));
  for (const n of nodes) {
    if (n.layer !== 2) continue;
    const tw = estimateTextWidth('y₁ = −0.5', font(fs));
    boxes.push({ x: n.x + n.r + 8 + tw / 2, y: n.y, hw: tw / 2, hh });
  }
  const placed = placeLabels(
    order.map((i) => requests[i]),
    { edges: segments, nodes: circles, boxes, bounds },
  );
  const spots = new Map<number, { x: number; y: number }>();
  order.forEach((i, k) => spots.set(i, placed[k]));
  return spots;
}

/** The small network as a graph, stepped through one training step, and the deep network's gradients. */
export function BackpropPlot({
  result: r,
  lang,
  highlight,
  setHighlight,
  setValue,
}: PlotProps<BackpropResult, BackpropValues>) {
  const w = WORDS[lang];
  const graphRef = useRef<HTMLDivElement>(null);
  const deepRef = useRef<HTMLDivElement>(null);
  const selectId = useId();
  const graphBox = usePlotSize(graphRef, WIDTH);
  const deepBox = usePlotSize(deepRef, WIDTH);
  // presenting, each plot's viewBox is its box, measured (until then the page's sizes)
  const present =
    graphBox.presentHeight !== null && graphBox.columnWidth !== null
      ? { width: graphBox.columnWidth, height: graphBox.presentHeight }
      : null;
  const width = present ? Math.max(WIDTH.min, present.width) : graphBox.width;
  const narrow = width < NARROW;
  const size = present ? PRESENT : narrow ? PHONE : PAGE;
  const base = size.margin;
  const entries = useMemo(() => legendEntries(w, size.legend.swatch), [w, size]);
  const legendWidth = width - 16;
  const measure = useMeasureText();
  const legend = useMemo(
    () =>
      legendLayout(
        entries.map((e) => e.item),
        legendWidth,
        (t) => measure(t, size.legendFont),
        size.legend,
      ),
    [entries, legendWidth, size, measure],
  );
  const extra = Math.max(0, legend.rows - (narrow ? 2 : 1)) * size.legend.rowHeight;
  const margin: Margin = { ...base, top: base.top + extra };
  const height = present
    ? Math.max(HEIGHT * 0.75, present.height)
    : (narrow ? PHONE_HEIGHT : HEIGHT) + extra;
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const { nodes, edges } = useMemo(() => graphData(r), [r]);
  const spread = narrow && !present ? 8 : 5;
  const layout = useMemo(
    () =>
      layeredLayout(nodes, edges, {
        width: innerWidth,
        height: innerHeight,
        radius: size.radius,
        spread,
      }),
    [nodes, edges, innerWidth, innerHeight, size, spread],
  );
  const at = new Map(layout.nodes.map((n) => [n.id, n]));
  const rad = layout.radius;
  const { step } = r;
  const sel = r.selected;
  const ends = endpoints(sel);
  const hl = (name: string) => (highlight === name ? ' is-highlighted' : '');
  const enter = (name: string) => () => setHighlight(name);
  const leave = () => setHighlight(null);
  const choose = (index: number) => () => setValue('sel', index);
  const chooseByKey = (index: number) => (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    setValue('sel', index);
  };

  // Where the labels go depends on the layout alone (not on the step, the values or the
  // selection), so a tick changes their text and never moves them.
  const fs = size.label;
  const x0 = -margin.left + 4;
  const x1 = innerWidth + margin.right - 4;
  const placed = useMemo(
    () => labelSpots(r.outputs, layout.nodes, fs, { x0, y0: -4, x1, y1: innerHeight + 4 }),
    [r.outputs, layout.nodes, fs, x0, x1, innerHeight],
  );
  /** A weight until its gradient is computed, then the gradient, then the updated weight. */
  const label = (p: ChainRule) =>
    step >= LAST_PHASE
      ? { text: `→ ${num(p.updated)}`, kind: 'bp-updated' }
      : gradShown(p.ref.layer, step)
        ? { text: `∂ ${sig(p.grad)}`, kind: 'bp-grad' }
        : { text: num(p.value), kind: 'bp-weight' };
  const columns = [
    { x: at.get('x0')!.x, text: w.input },
    { x: at.get('h0')!.x, text: w.hidden },
    { x: at.get('o0')!.x, text: w.output },
  ];
  const lossText =
    step < 3
      ? ''
      : step < LAST_PHASE
        ? `L = ${num(r.loss, 4)}`
        : `L = ${num(r.loss, 4)} → ${num(r.lossAfter, 4)}${r.lossAfter > r.loss ? ` (${w.up})` : ''}`;
  const readout = [
    `∂L/∂${paramName(sel.ref)} = ${formatNumber(sel.grad, 5)} (${w.bp})`,
    `${narrow ? '≈' : ' ≈'} ${formatNumber(sel.finiteDiff, 5)} (${w.fd})`,
  ];

  // the deep network
  const deepPresent =
    deepBox.presentHeight !== null && deepBox.columnWidth !== null
      ? { width: deepBox.columnWidth, height: deepBox.presentHeight }
      : null;
  const deepWidth = deepPresent ? Math.max(WIDTH.min, deepPresent.width) : width;
  const deepHeight = deepPresent ? Math.max(DEEP_HEIGHT * 0.75, deepPresent.height) : DEEP_HEIGHT;
  const deepMargin = deepPresent ? DEEP_PRESENT_MARGIN : DEEP_MARGIN;
  const deepInner = deepWidth - deepMargin.left - deepMargin.right;
  const deepY = useMemo(() => ({ domain: DEEP_DOMAIN, scale: 'log' as const }), []);
  // one slot for each layer the deepest network has, so a tick of the depth adds or changes
  // no axis tick (a group of its own, a paint chunk) and moves no bar: the slots past the
  // output stay empty
  const n = DEEP_SLOTS;
  const deepData = useMemo(
    () =>
      Array.from({ length: DEEP_SLOTS }, (_, k) => {
        const g = k < r.deep.length ? r.deep[k].meanGrad : NaN;
        return {
          label: String(k + 1),
          value: g === 0 || !Number.isFinite(g) ? g : Math.max(FLOOR, g),
        };
      }),
    [r.deep],
  );
  const deepX = useMemo(
    () => scaleLinear().domain([0, deepInner]).range([0, deepInner]),
    [deepInner],
  );
  const deepTicks = useMemo(
    () => Array.from({ length: n }, (_, i) => barCenter(i, n, deepInner)),
    [n, deepInner],
  );
  const count = PARAM_COUNT[r.outputs];

  return (
    <div className="bp-plot-box">
      <div className="bp-graph-box" ref={graphRef}>
        <PlotFrame
          width={width}
          height={height}
          margin={margin}
          className="bp-plot bp-graph"
          interactive
        >
          {/* the parameters' labels are the buttons here; everything else is in the text alternative */}
          <g
            className="legend"
            transform={`translate(${-margin.left + 8},${-margin.top + size.legend.rowHeight - 1})`}
            aria-hidden="true"
          >
            {legend.items.map((it, i) => (
              <g key={i} transform={`translate(${it.x},${it.row * size.legend.rowHeight})`}>
                {entries[i].swatch}
                <text x={size.legend.swatch + size.legend.gap} y={0}>
                  {it.text}
                </text>
              </g>
            ))}
          </g>
          <ChunkBounds />
          <text
            className="bp-step"
            x={-margin.left + 8}
            // on a phone above the loss: side by side they ran into each other
            y={narrow ? -size.stepAt - 17 : -size.stepAt}
            data-step={step}
            aria-hidden="true"
          >
            {w.step(step, PHASES[step][lang])}
          </text>
          <text
            className={`bp-loss${hl('lr')}`}
            x={innerWidth + margin.right - 6}
            y={-size.stepAt}
            textAnchor="end"
            aria-hidden="true"
            onMouseEnter={enter('lr')}
            onMouseLeave={leave}
          >
            {lossText}
          </text>
          <Graph nodes={nodes} edges={edges} radius={size.radius} spread={spread} />
          {ends.from !== null ? (
            <line
              className="bp-selected-edge"
              aria-hidden="true"
              x1={at.get(ends.from)!.x + (at.get(ends.to)!.x - at.get(ends.from)!.x) * 0.12}
              y1={at.get(ends.from)!.y + (at.get(ends.to)!.y - at.get(ends.from)!.y) * 0.12}
              x2={at.get(ends.from)!.x + (at.get(ends.to)!.x - at.get(ends.from)!.x) * 0.88}
              y2={at.get(ends.from)!.y + (at.get(ends.to)!.y - at.get(ends.from)!.y) * 0.88}
            />
          ) : (
            <circle
              className="bp-selected-node"
              aria-hidden="true"
              cx={at.get(ends.to)!.x}
              cy={at.get(ends.to)!.y}
              r={rad + 5}
            />
          )}
          <g className="bp-labels">
            {r.params.map((p) => {
              const { x, y } = placed.get(p.index)!;
              const l = label(p);
              const bias = p.ref.kind === 'b';
              return (
                <text
                  key={p.index}
                  className={`bp-label ${l.kind}${p.index === sel.index ? ' is-selected' : ''}`}
                  data-index={p.index}
                  x={x}
                  y={y}
                  dy="0.35em"
                  textAnchor="middle"
                  role="button"
                  tabIndex={0}
                  aria-pressed={p.index === sel.index}
                  aria-label={w.expand(paramName(p.ref), l.text)}
                  onClick={choose(p.index)}
                  onKeyDown={chooseByKey(p.index)}
                >
                  {bias && l.kind === 'bp-weight' ? `b ${l.text}` : l.text}
                </text>
              );
            })}
          </g>
          <g
            className={`bp-targets sym-2${hl('y')}`}
            aria-hidden="true"
            onMouseEnter={enter('y')}
            onMouseLeave={leave}
          >
            {r.y.map((t, j) => {
              const o = at.get(`o${j}`)!;
              return (
                <text key={j} className="bp-target" x={o.x + rad + 8} y={o.y} dy="0.35em">
                  {`y${sub(j + 1)} = ${num(t, 1)}`}
                </text>
              );
            })}
          </g>
          <g className="bp-columns" aria-hidden="true">
            {columns.map((c, i) => (
              <text
                key={i}
                className="bp-column"
                x={c.x}
                y={innerHeight + size.columnsAt}
                textAnchor={i === 0 ? 'start' : i === 2 ? 'end' : 'middle'}
                dx={i === 0 ? -rad : i === 2 ? rad : 0}
              >
                {c.text}
              </text>
            ))}
          </g>
          <text
            className={`bp-readout sym-5${hl('sel')}`}
            x={-margin.left + 8}
            y={innerHeight + size.readoutAt}
            aria-hidden="true"
            onMouseEnter={enter('sel')}
            onMouseLeave={leave}
          >
            <tspan>{readout[0]}</tspan>
            {narrow ? (
              <tspan x={-margin.left + 8} dy={size.lineGap}>
                {readout[1]}
              </tspan>
            ) : (
              <tspan>{readout[1]}</tspan>
            )}
          </text>
        </PlotFrame>
      </div>
      <p className="bp-choose">
        <label htmlFor={selectId}>{w.choose}</label>{' '}
        <select
          id={selectId}
          className="choice-select"
          value={String(sel.index)}
          onChange={(e) => setValue('sel', Number(e.target.value))}
          onFocus={enter('sel')}
          onBlur={leave}
        >
          {PARAM_REFS.slice(0, count).map((ref, i) => (
            <option key={i} value={String(i)}>
              {paramName(ref)}
            </option>
          ))}
        </select>
      </p>
      <div className="bp-deep-box" ref={deepRef}>
        <PlotFrame
          width={deepWidth}
          height={deepHeight}
          margin={deepMargin}
          className="bp-plot bp-deep"
          y={deepY}
        >
          <text
            className={`bp-deep-title${hl('L')}`}
            x={-deepMargin.left + 8}
            y={deepPresent ? -20 : -16}
            onMouseEnter={enter('L')}
            onMouseLeave={leave}
          >
            {w.deepTitle}
          </text>
          <AxisLeft
            label={deepPresent ? w.gradShort : w.grad}
            format={powerOfTen}
            tickValues={
              deepPresent
                ? decadeTicks(deepHeight - deepMargin.top - deepMargin.bottom, DEEP_TICK_GAP)
                : undefined
            }
          />
          <AxisBottom
            scale={deepX}
            size={deepHeight - deepMargin.top - deepMargin.bottom}
            label={w.layer}
            tickValues={deepTicks}
            format={(d) => String(deepTicks.findIndex((t) => Math.abs(t - d) < 1e-6) + 1)}
          />
          <ChunkBounds />
          <g className="sym-4">
            <Bars
              data={deepData}
              tone="sym4"
              labels={deepInner / n >= (deepPresent ? 70 : 44)}
              format={(v) =>
                Number.isNaN(v)
                  ? ''
                  : v === 0
                    ? '0'
                    : v <= FLOOR
                      ? '≤ 10⁻⁹'
                      : formatNumber(v, { digits: 2, notation: 'significant' })
              }
            />
          </g>
        </PlotFrame>
      </div>
    </div>
  );
}
