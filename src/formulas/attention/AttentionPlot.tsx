import { scaleBand, scaleLinear } from 'd3-scale';
import { memo, useId, useMemo, useRef, type PointerEvent } from 'react';
import { AxisBottom, AxisLeft } from '../../plots/Axes';
import type { Mark } from '../../plots/canvasMarks';
import { formatFixed } from '../../plots/formatNumber';
import type { MarkStyles } from '../../plots/markStyles';
import { LayeredPlotFrame } from '../../plots/MarksCanvas';
import { innerSize } from '../../plots/PlotFrame';
import type { Bilingual, Lang, PlotProps } from '../../ui/card/types';
import type { AttentionPageResult } from './compute';
import { TOKENS } from './compute';
import './attention.css';

const PANEL = 300;
const GRID_MARGIN = { top: 44, right: 8, bottom: 8, left: 56 };
const GRID_SIZE = PANEL - GRID_MARGIN.left - GRID_MARGIN.right;
const GRID_HEIGHT = GRID_MARGIN.top + GRID_SIZE + GRID_MARGIN.bottom;

const BAR_MARGIN = { top: 36, right: 8, bottom: 40, left: 58 };
const BAR_HEIGHT = 260;

const VEC_MARGIN = { top: 46, right: 12, bottom: 44, left: 52 };
const VEC_SIZE = PANEL - VEC_MARGIN.left - VEC_MARGIN.right;
const VEC_HEIGHT = VEC_MARGIN.top + VEC_SIZE + VEC_MARGIN.bottom;
const VEC_DOMAIN = [-3.2, 3.2] as const;
const VEC_TICKS = [-3, -2, -1, 0, 1, 2, 3];
/** The panels have fixed sizes, so their scales are built once. */
const BAR_INNER = innerSize(PANEL, BAR_HEIGHT, BAR_MARGIN);
const BAR_Y = scaleLinear().domain([0, 1]).range([BAR_INNER.innerHeight, 0]);
const VEC_X = scaleLinear().domain(VEC_DOMAIN).range([0, VEC_SIZE]);
const VEC_Y = scaleLinear().domain(VEC_DOMAIN).range([VEC_SIZE, 0]);

const WORDS = {
  key: { en: 'key →', 'zh-TW': '鍵 →' },
  query: { en: 'query ↓', 'zh-TW': '查詢 ↓' },
  scaled: { en: 'scaled ÷√2', 'zh-TW': '縮放 ÷√2' },
  unscaled: { en: 'not scaled', 'zh-TW': '未縮放' },
  weight: { en: 'weight', 'zh-TW': '權重' },
  dim1: { en: 'dimension 1', 'zh-TW': '第 1 維' },
  dim2: { en: 'dimension 2', 'zh-TW': '第 2 維' },
  values: { en: 'values vⱼ', 'zh-TW': '值向量 vⱼ' },
} satisfies Record<string, Bilingual>;

function titles(r: AttentionPageResult, lang: Lang, token: string) {
  const en = lang === 'en';
  const mask = r.causal ? (en ? ' + causal mask' : '＋因果遮罩') : '';
  return {
    scores: r.scaled
      ? `${en ? 'Scores' : '分數'} QKᵀ/√2${mask}`
      : `${en ? 'Scores' : '分數'} QKᵀ${en ? ' (not scaled)' : '（未縮放）'}${mask}`,
    weights: en ? 'Weights: softmax of each row' : '注意力權重：每一列做 Softmax',
    bars: en ? `Weights of “${token}”: scaled vs not` : `「${token}」的權重：縮放與未縮放`,
    vectors: en ? `Values vⱼ and the output of “${token}”` : `值向量 vⱼ 與「${token}」的輸出`,
  };
}

/** An arrow from (x1, y1) to (x2, y2) as one stroked path: shaft and open head. */
function arrow(x1: number, y1: number, x2: number, y2: number, head = 7): string {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  const shaft = `M${x1},${y1}L${x2},${y2}`;
  if (len < 2) return shaft;
  const ux = dx / len;
  const uy = dy / len;
  const h = Math.min(head, len / 2);
  const bx = x2 - ux * h;
  const by = y2 - uy * h;
  const px = -uy * h * 0.55;
  const py = ux * h * 0.55;
  return `${shaft}M${bx + px},${by + py}L${x2},${y2}L${bx - px},${by - py}`;
}

type Kind = 'scores' | 'weights';

/** How a cell shows its value: its shade and its text. */
function cellLook(v: number, strength: number) {
  return { fillOpacity: 0.06 + 0.84 * strength, text: formatFixed(v, 2) };
}

/** What shades a grid's cells: the weight itself, or a score's size against the largest. */
function gridStrength(kind: Kind, r: AttentionPageResult) {
  if (kind === 'weights') return (v: number) => v;
  const maxAbs = Math.max(1e-9, ...r.scores.flat().map(Math.abs));
  return (v: number) => Math.abs(v) / maxAbs;
}

const MASKED_TEXT = { scores: '−∞', weights: '0' } as const;

/** The font size of a grid's cell values: smaller for 5 and 6 tokens. */
function cellFont(n: number) {
  return n >= 6 ? 11 : n === 5 ? 12 : 13;
}

/** The styles of a score or weight grid's marks. */
export type GridStyle = 'cell' | 'cell-negative' | 'cell-value' | 'row-outline';
/** The styles of the row bars' marks. */
export type BarStyle = 'bar' | 'bar-other' | 'bar-label' | 'axis-line';
/** The styles of the vector plane's marks. */
export type VectorStyle =
  | 'value-arrow'
  | 'value-arrow-masked'
  | 'value-label'
  | 'value-label-masked'
  | 'contribution'
  | 'output-arrow'
  | 'output-point'
  | 'output-label';
/** Every style the attention page's marks name. */
export type AttentionStyle = GridStyle | BarStyle | VectorStyle;

/** The classes of each panel's mark styles: the canvas reads the CSS of these in the panel. */
const GRID_STYLES: MarkStyles<GridStyle> = {
  cell: { className: 'cell-bg' },
  'cell-negative': { className: 'cell-bg negative' },
  'cell-value': { className: 'cell-value', text: true },
  'row-outline': { className: 'row-outline sym-5' },
};
const BAR_STYLES: MarkStyles<BarStyle> = {
  bar: { className: 'bar sym-7' },
  'bar-other': { className: 'bar-other sym-7' },
  'bar-label': { className: 'bar-label', text: true },
  'axis-line': { className: 'axis-line' },
};
const VEC_STYLES: MarkStyles<VectorStyle> = {
  'value-arrow': { className: 'value-arrow sym-3', group: 'value' },
  'value-arrow-masked': { className: 'value-arrow sym-3', group: 'value is-masked' },
  'value-label': { className: 'token-label value-label sym-3', text: true, group: 'value' },
  'value-label-masked': {
    className: 'token-label value-label sym-3',
    text: true,
    group: 'value is-masked',
  },
  contribution: { className: 'contribution sym-3' },
  'output-arrow': { className: 'output-arrow sym-6' },
  'output-point': { className: 'current-point output-point sym-6' },
  'output-label': { className: 'output-label sym-6', text: true, group: 'legend' },
};

/**
 * The changing marks of a score or weight grid: every unmasked cell, shaded by its
 * value and labelled with it, and the outline of the selected query row. (The masked
 * cells never change with the vectors: the SVG draws them.)
 */
export function gridMarks(kind: Kind, r: AttentionPageResult): Mark<GridStyle>[] {
  const c = GRID_SIZE / r.n;
  const size = cellFont(r.n);
  const m = kind === 'scores' ? r.scores : r.weights;
  const strengthOf = gridStrength(kind, r);
  const cells: Mark<GridStyle>[] = [];
  const values: Mark<GridStyle>[] = [];
  m.forEach((row, i) =>
    row.forEach((v, j) => {
      if (r.hidden[i][j]) return;
      const look = cellLook(v, strengthOf(v));
      const style = kind === 'scores' && v < 0 ? 'cell-negative' : 'cell';
      cells.push({
        type: 'rect',
        style,
        x: j * c,
        y: i * c,
        width: c,
        height: c,
        fillOpacity: look.fillOpacity,
      });
      values.push({
        type: 'text',
        style: 'cell-value',
        x: j * c + c / 2,
        y: i * c + c / 2,
        dy: 0.32,
        anchor: 'middle',
        size,
        text: look.text,
      });
    }),
  );
  const outline: Mark<GridStyle> = {
    type: 'rect',
    style: 'row-outline',
    x: 0,
    y: r.row * c,
    width: GRID_SIZE,
    height: c,
  };
  return [...cells, ...values, outline];
}

/** What every panel takes: the result, the tokens, the language and the highlight. */
interface PanelProps {
  r: AttentionPageResult;
  tokens: readonly string[];
  lang: Lang;
  /** The card's highlight: the panel renders again with it, and its canvas reads the marks' styles anew. */
  highlight: string | null;
}

interface GridProps extends PanelProps {
  kind: Kind;
  hatchId: string;
  setValue: PlotProps<AttentionPageResult>['setValue'];
  setHighlight: PlotProps<AttentionPageResult>['setHighlight'];
}

/**
 * An n×n grid of scores or weights with the selected query row outlined; a click on a row
 * selects it. Labels, masked cells and the rows' click targets are SVG; the cells that
 * change with the vectors are drawn on a canvas over it.
 */
const MatrixGrid = memo(function MatrixGrid({
  kind,
  r,
  tokens,
  lang,
  hatchId,
  setValue,
  setHighlight,
  highlight,
}: GridProps) {
  const c = GRID_SIZE / r.n;
  const font = cellFont(r.n);
  return (
    <LayeredPlotFrame
      width={PANEL}
      height={GRID_HEIGHT}
      margin={GRID_MARGIN}
      className={`grid-${kind}`}
      styles={GRID_STYLES}
      marks={gridMarks(kind, r)}
      lang={lang}
      styleKey={`${highlight}|${lang}|${r.row}|${r.scaled}|${r.causal}`}
    >
      <text className="grid-caption" x={-6} y={-30} textAnchor="end">
        {WORDS.key[lang]}
      </text>
      <text className="grid-caption" x={-6} y={-14} textAnchor="end">
        {WORDS.query[lang]}
      </text>
      {tokens.slice(0, r.n).map((t, j) => (
        <text
          key={`k${j}`}
          className="token-label key-label sym-2"
          x={j * c + c / 2}
          y={-10}
          textAnchor="middle"
        >
          {t}
        </text>
      ))}
      {r.hidden.map((row, i) => (
        <g
          key={i}
          className={i === r.row ? 'grid-row is-selected' : 'grid-row'}
          onClick={() => setValue('row', i)}
          onPointerEnter={() => setHighlight('row')}
          onPointerLeave={() => setHighlight(null)}
        >
          <rect className="row-target" x={0} y={i * c} width={GRID_SIZE} height={c} />
          <text
            className="token-label query-label sym-1"
            x={-8}
            y={i * c + c / 2}
            dy="0.32em"
            textAnchor="end"
          >
            {tokens[i]}
          </text>
          {row.map((hidden, j) =>
            hidden ? (
              <g key={j} className="cell is-masked">
                <rect
                  className="cell-bg masked"
                  x={j * c}
                  y={i * c}
                  width={c}
                  height={c}
                  // An inline style: the stylesheet's cell fill would beat a fill attribute.
                  style={{ fill: `url(#${hatchId})` }}
                />
                <text
                  className="cell-value"
                  x={j * c + c / 2}
                  y={i * c + c / 2}
                  dy="0.32em"
                  textAnchor="middle"
                  fontSize={font}
                >
                  {MASKED_TEXT[kind]}
                </text>
              </g>
            ) : null,
          )}
        </g>
      ))}
    </LayeredPlotFrame>
  );
});

/** The band scale of the row bars for n tokens. */
function makeRowBand(n: number) {
  return scaleBand<number>()
    .domain(Array.from({ length: n }, (_, j) => j))
    .range([0, BAR_INNER.innerWidth])
    .padding(0.25);
}
/** The bands for 0–8 tokens, built once (a tick draws the bars with them). */
const ROW_BANDS = Array.from({ length: 9 }, (_, n) => makeRowBand(n));
function rowBand(n: number) {
  return ROW_BANDS[n] ?? makeRowBand(n);
}

/**
 * The changing marks of the row bars: the selected row's weights as bars, the other
 * scaling's weights outlined, their values above them, and the axis line over their feet.
 */
export function rowBarMarks(r: AttentionPageResult): Mark<BarStyle>[] {
  const x = rowBand(r.n);
  const y = BAR_Y;
  const { innerWidth, innerHeight } = BAR_INNER;
  const bw = x.bandwidth();
  const bars: Mark<BarStyle>[] = [];
  const labels: Mark<BarStyle>[] = [];
  r.weights[r.row].forEach((v, j) => {
    const o = r.otherWeights[j];
    const bx = x(j) ?? 0;
    bars.push(
      {
        type: 'rect',
        style: 'bar',
        x: bx,
        y: y(v),
        width: bw,
        height: Math.max(0, innerHeight - y(v)),
      },
      {
        type: 'rect',
        style: 'bar-other',
        x: bx + bw * 0.15,
        y: y(o),
        width: bw * 0.7,
        height: Math.max(0, innerHeight - y(o)),
      },
    );
    labels.push({
      type: 'text',
      style: 'bar-label',
      x: bx + bw / 2,
      y: y(Math.max(v, o)) - 4,
      anchor: 'middle',
      text: r.hidden[r.row][j] ? '0' : formatFixed(v, 2),
    });
  });
  const axis: Mark<BarStyle> = {
    type: 'path',
    style: 'axis-line',
    d: `M0,${innerHeight}H${innerWidth}`,
  };
  return [...bars, axis, ...labels];
}

/** The selected row's weights as bars, with the other scaling setting outlined. */
const RowBars = memo(function RowBars({ r, tokens, lang, highlight }: PanelProps) {
  const { innerWidth, innerHeight } = BAR_INNER;
  const n = r.n;
  const x = useMemo(() => rowBand(n), [n]);
  const shown = r.scaled ? WORDS.scaled[lang] : WORDS.unscaled[lang];
  const other = r.scaled ? WORDS.unscaled[lang] : WORDS.scaled[lang];
  return (
    <LayeredPlotFrame
      width={PANEL}
      height={BAR_HEIGHT}
      margin={BAR_MARGIN}
      className="row-bars"
      styles={BAR_STYLES}
      marks={rowBarMarks(r)}
      lang={lang}
      styleKey={`${highlight}|${lang}|${r.row}|${r.scaled}|${r.causal}`}
    >
      <g className="legend" transform={`translate(0,${-BAR_MARGIN.top + 14})`}>
        <rect className="bar sym-7" x={0} y={-6} width={14} height={12} />
        <text x={20} dy="0.32em">
          {shown}
        </text>
        <rect className="bar-other sym-7" x={130} y={-6} width={14} height={12} />
        <text x={150} dy="0.32em">
          {other}
        </text>
      </g>
      <AxisLeft scale={BAR_Y} size={innerWidth} label={WORDS.weight[lang]} ticks={4} grid />
      {tokens.slice(0, n).map((t, j) => (
        <text
          key={j}
          className="token-label key-label sym-2"
          x={(x(j) ?? 0) + x.bandwidth() / 2}
          y={innerHeight + 18}
          textAnchor="middle"
        >
          {t}
        </text>
      ))}
    </LayeredPlotFrame>
  );
});

/** The partial sums of w_j v_j of the selected row: contribution j runs from sums[j] to sums[j + 1]. */
function partialSums(r: AttentionPageResult): (readonly [number, number])[] {
  const w = r.weights[r.row];
  const sums: (readonly [number, number])[] = [[0, 0]];
  for (let j = 0; j < w.length; j++) {
    const [px, py] = sums[j];
    sums.push([px + w[j] * r.V[j][0], py + w[j] * r.V[j][1]]);
  }
  return sums;
}

/** The output label's text: the selected query's output vector. */
export function outputText(r: AttentionPageResult): string {
  const o = r.output[r.row];
  return `o = Σ wⱼ vⱼ = (${formatFixed(o[0], 2)}, ${formatFixed(o[1], 2)})`;
}

/**
 * The changing marks of the vector plane: the value arrows and their tokens, the selected
 * row's contributions w_j v_j head to tail (those above 0.005, none for a masked key),
 * its output arrow and point, and the output's value in the legend.
 */
export function vectorMarks(
  r: AttentionPageResult,
  tokens: readonly string[],
): Mark<VectorStyle>[] {
  const x = VEC_X;
  const y = VEC_Y;
  const w = r.weights[r.row];
  const o = r.output[r.row];
  const sums = partialSums(r);
  const marks: Mark<VectorStyle>[] = [];
  r.V.forEach((v, j) => {
    const masked = r.hidden[r.row][j];
    marks.push(
      {
        type: 'path',
        style: masked ? 'value-arrow-masked' : 'value-arrow',
        d: arrow(x(0), y(0), x(v[0]), y(v[1])),
      },
      {
        type: 'text',
        style: masked ? 'value-label-masked' : 'value-label',
        x: x(v[0]) + (v[0] >= 0 ? 5 : -5),
        y: y(v[1]) + (v[1] >= 0 ? -5 : 14),
        anchor: v[0] >= 0 ? 'start' : 'end',
        text: tokens[j],
      },
    );
  });
  w.forEach((wj, j) => {
    if (r.hidden[r.row][j] || !(wj > 0.005)) return;
    const [from, to] = [sums[j], sums[j + 1]];
    marks.push({
      type: 'path',
      style: 'contribution',
      d: arrow(x(from[0]), y(from[1]), x(to[0]), y(to[1]), 6),
    });
  });
  marks.push(
    { type: 'path', style: 'output-arrow', d: arrow(x(0), y(0), x(o[0]), y(o[1]), 9) },
    { type: 'circle', style: 'output-point', cx: x(o[0]), cy: y(o[1]), r: 4 },
    {
      type: 'text',
      style: 'output-label',
      x: 32,
      y: -VEC_MARGIN.top + 12 + 20,
      dy: 0.32,
      text: outputText(r),
    },
  );
  return marks;
}

/** The distance from (px, py) to the segment from (x1, y1) to (x2, y2). */
function segmentDistance(px: number, py: number, x1: number, y1: number, x2: number, y2: number) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2)) : 0;
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/** Whether a point (inner viewBox units) lies within `reach` of a value arrow. */
export function nearValueArrow(r: AttentionPageResult, px: number, py: number, reach = 6): boolean {
  const x0 = VEC_X(0);
  const y0 = VEC_Y(0);
  return r.V.some((v) => segmentDistance(px, py, x0, y0, VEC_X(v[0]), VEC_Y(v[1])) <= reach);
}

/**
 * What the contribution under a point (inner viewBox units) adds, e.g. "0.65 · v(sat)", for
 * its tooltip; the one drawn last where several meet; null away from them.
 */
export function contributionAt(
  r: AttentionPageResult,
  tokens: readonly string[],
  px: number,
  py: number,
  reach = 5,
): string | null {
  const w = r.weights[r.row];
  const sums = partialSums(r);
  for (let j = w.length - 1; j >= 0; j--) {
    if (r.hidden[r.row][j] || !(w[j] > 0.005)) continue;
    const [a, b] = [sums[j], sums[j + 1]];
    if (segmentDistance(px, py, VEC_X(a[0]), VEC_Y(a[1]), VEC_X(b[0]), VEC_Y(b[1])) <= reach)
      return `${formatFixed(w[j], 2)} · v(${tokens[j]})`;
  }
  return null;
}

/** Value vectors, the selected row's weighted contributions head to tail, and their sum. */
const VectorPlane = memo(function VectorPlane({ r, tokens, lang, highlight }: PanelProps) {
  const x = VEC_X;
  const y = VEC_Y;
  const ticks = VEC_TICKS;
  return (
    <LayeredPlotFrame
      width={PANEL}
      height={VEC_HEIGHT}
      margin={VEC_MARGIN}
      className="vector-plane"
      styles={VEC_STYLES}
      marks={vectorMarks(r, tokens)}
      lang={lang}
      styleKey={`${highlight}|${lang}|${r.row}|${r.scaled}|${r.causal}`}
    >
      <AxisLeft scale={y} size={VEC_SIZE} label={WORDS.dim2[lang]} tickValues={ticks} grid />
      <AxisBottom scale={x} size={VEC_SIZE} label={WORDS.dim1[lang]} tickValues={ticks} grid />
      <line className="origin-line" x1={x(0)} x2={x(0)} y1={0} y2={VEC_SIZE} />
      <line className="origin-line" x1={0} x2={VEC_SIZE} y1={y(0)} y2={y(0)} />
      <g className="legend" transform={`translate(0,${-VEC_MARGIN.top + 12})`}>
        <path className="value-arrow sym-3" d={arrow(0, 0, 26, 0, 5)} />
        <text x={32} dy="0.32em">
          {WORDS.values[lang]}
        </text>
        <path className="contribution sym-3" d={arrow(120, 0, 146, 0, 5)} />
        <text x={152} dy="0.32em">
          wⱼ vⱼ
        </text>
        <path className="output-arrow sym-6" d={arrow(0, 20, 26, 20, 6)} />
      </g>
    </LayeredPlotFrame>
  );
});

/**
 * Scaled dot-product attention in four small panels: the score matrix (with
 * the causal mask hatched), the softmax weights heatmap, the selected query's
 * weights with and without √d_k scaling, and the value vectors with that
 * query's output as their weighted sum.
 */
export function AttentionPlot({
  result: r,
  lang,
  highlight,
  setHighlight,
  setValue,
}: PlotProps<AttentionPageResult>) {
  const hatchId = `att-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const tokens = TOKENS[lang];
  /** Whether the pointer is over a value arrow (it highlights the values). */
  const overValues = useRef(false);

  // Hovering a value arrow highlights the values; hovering a contribution tells its size.
  const onPlanePointer = (e: PointerEvent<HTMLDivElement>) => {
    const body = e.currentTarget;
    const ctm = body.querySelector('svg')?.getScreenCTM();
    let over = false;
    let tip: string | null = null;
    if (e.type === 'pointermove' && ctm) {
      const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
      const [px, py] = [p.x - VEC_MARGIN.left, p.y - VEC_MARGIN.top];
      over = nearValueArrow(r, px, py);
      tip = contributionAt(r, tokens, px, py);
    }
    if (tip !== body.getAttribute('title')) {
      if (tip) body.setAttribute('title', tip);
      else body.removeAttribute('title');
    }
    if (over === overValues.current) return;
    overValues.current = over;
    setHighlight(over ? 'V' : null);
  };

  const t = titles(r, lang, tokens[r.row]);
  const hl = highlight ? ` hl-${highlight}` : '';
  return (
    <div className="attention-plot-wrap">
      <svg className="attention-defs" width={0} height={0} aria-hidden="true" focusable="false">
        <defs>
          <pattern
            id={hatchId}
            patternUnits="userSpaceOnUse"
            width={6}
            height={6}
            patternTransform="rotate(45)"
          >
            <rect className="hatch-bg" width={6} height={6} />
            <line className="hatch-line" x1={0} y1={0} x2={0} y2={6} />
          </pattern>
        </defs>
      </svg>
      <div className={`attention-plot${hl}`}>
        {(['scores', 'weights'] as const).map((kind) => (
          <div key={kind} className={`attention-panel panel-${kind}`}>
            <div className="panel-title">{t[kind]}</div>
            <div className="panel-body">
              <MatrixGrid
                kind={kind}
                r={r}
                tokens={tokens}
                lang={lang}
                hatchId={hatchId}
                setValue={setValue}
                setHighlight={setHighlight}
                highlight={highlight}
              />
            </div>
          </div>
        ))}
        <div className="attention-panel panel-bars">
          <div className="panel-title">{t.bars}</div>
          <div className="panel-body">
            <RowBars r={r} tokens={tokens} lang={lang} highlight={highlight} />
          </div>
        </div>
        <div className="attention-panel panel-vectors">
          <div className="panel-title">{t.vectors}</div>
          <div
            className="panel-body"
            onPointerMove={onPlanePointer}
            onPointerLeave={onPlanePointer}
          >
            <VectorPlane r={r} tokens={tokens} lang={lang} highlight={highlight} />
          </div>
        </div>
      </div>
    </div>
  );
}
