import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo, useRef, type ReactNode } from 'react';
import { AxisBottom, AxisLeft } from '../../plots/Axes';
import { BarChart } from '../../plots/BarChart';
import { ChunkBounds, PlotFrame } from '../../plots/PlotFrame';
import type { Margin } from '../../plots/PlotFrame';
import { formatFixed } from '../../plots/formatNumber';
import { usePlotSize } from '../../plots/usePlotSize';
import type { Lang, PlotProps } from '../../ui/card/types';
import { BINARY_P, TOKENS } from './model';
import type { CrossEntropyResult } from './model';
import './cross-entropy.css';

/** Largest loss drawn on both plots; larger values are marked at the top edge with an arrow. */
export const LOSS_MAX = 7;

/** viewBox width before the column is measured (tests, presentation), and its bounds. */
const WIDTH = { fallback: 640, min: 320, max: 760 };
/** Below this viewBox width the plots stack, each as wide as the column. */
const NARROW = 560;
const MAIN_HEIGHT = 300;
/** The top leaves room for the "true ▾" marker above the value label of a bar at q = 1. */
const MAIN_MARGIN: Margin = { top: 36, right: 16, bottom: 48, left: 56 };
/** Height of each stacked plot (bars, curve) on a narrow column. */
const STACK_HEIGHT = 260;
/** Room between the bars and the curve's value axis when side by side. */
const PANEL_GAP = 70;
/** Share of the side-by-side width given to the bars (236 of 498 at the 640 fallback). */
const BARS_SHARE = 236 / 498;

const BIN_HEIGHT = 260;
const BIN_MARGIN: Margin = { top: 24, right: 200, bottom: 48, left: 56 };
const LEGEND_ROW = 22;
/** The binary plot's legend under its axis title on a narrow column. */
const BIN_LEGEND_TOP = 62;
const BIN_LEGEND_HEIGHT = BIN_LEGEND_TOP + 5 * LEGEND_ROW + 12;

const WORDS = {
  en: {
    q: 'predicted q = softmax(z)',
    token: 'token',
    truth: 'true',
    qy: 'q of the true token y',
    loss: 'loss −ln q',
    p: 'predicted probability p',
    bce: 'binary loss',
    curve1: 't = 1: −ln p',
    curve0: 't = 0: −ln(1 − p)',
    curveT: 'label t',
    entropy: 'H(t), the minimum',
    kl: 'KL',
    klLong: 'gap KL(t‖p)',
  },
  'zh-TW': {
    q: '預測 q = softmax(z)',
    token: '詞元',
    truth: '正確',
    qy: '正確詞元 y 的預測機率 q',
    loss: '損失 −ln q',
    p: '預測機率 p',
    bce: '二分類損失',
    curve1: 't = 1：−ln p',
    curve0: 't = 0：−ln(1 − p)',
    curveT: '標籤 t',
    entropy: 'H(t)：最小值',
    kl: 'KL',
    klLong: '差距 KL(t‖p)',
  },
} satisfies Record<Lang, Record<string, string>>;

/** −ln q sampled for q from e^−LOSS_MAX to 1. */
const NEG_LOG: [number, number][] = Array.from({ length: 121 }, (_, k) => {
  const u = (LOSS_MAX * k) / 120;
  return [Math.exp(-u), u];
});

/** Sizes, scales and fixed curves of the plots for a viewBox width. */
export function crossEntropyLayout(width: number) {
  const narrow = width < NARROW;
  const mainHeight = narrow ? STACK_HEIGHT : MAIN_HEIGHT;
  const mainInner = width - MAIN_MARGIN.left - MAIN_MARGIN.right;
  const mainH = mainHeight - MAIN_MARGIN.top - MAIN_MARGIN.bottom;
  const barsW = narrow ? mainInner : Math.round((mainInner - PANEL_GAP) * BARS_SHARE);
  const curveX = narrow ? 0 : barsW + PANEL_GAP;
  const curveW = mainInner - curveX;
  const binMargin: Margin = narrow
    ? { ...BIN_MARGIN, right: MAIN_MARGIN.right, bottom: BIN_MARGIN.bottom + BIN_LEGEND_HEIGHT }
    : BIN_MARGIN;
  const binHeight = BIN_HEIGHT + (narrow ? BIN_LEGEND_HEIGHT : 0);
  const binW = width - binMargin.left - binMargin.right;
  const binH = binHeight - binMargin.top - binMargin.bottom;

  const curveX0 = scaleLinear().domain([0, 1]).range([0, curveW]);
  const curveY = scaleLinear().domain([0, LOSS_MAX]).range([mainH, 0]);
  const binX = scaleLinear().domain([0, 1]).range([0, binW]);
  const binY = scaleLinear().domain([0, LOSS_MAX]).range([binH, 0]);
  const curvePath = line<[number, number]>()
    .x((d) => curveX0(d[0]))
    .y((d) => curveY(d[1]));
  const binPath = line<[number, number]>()
    .x((d) => binX(d[0]))
    .y((d) => binY(Math.min(d[1], LOSS_MAX)));
  return {
    narrow,
    mainHeight,
    mainH,
    barsW,
    curveX,
    curveW,
    binMargin,
    binHeight,
    binW,
    binH,
    curveScaleX: curveX0,
    curveY,
    binX,
    binY,
    binPath,
    negLogD: curvePath(NEG_LOG) ?? '',
    binOneD: binPath(BINARY_P.map((p) => [p, -Math.log(p)])) ?? '',
    binZeroD: binPath(BINARY_P.map((p) => [p, -Math.log1p(-p)])) ?? '',
  };
}

type CrossEntropyLayout = ReturnType<typeof crossEntropyLayout>;
type Words = (typeof WORDS)[Lang];
/** Where a label stands: the props its text is rendered with. */
interface LabelAt {
  x: number;
  y: number;
  'text-anchor': 'start' | 'middle' | 'end';
}

/** Where a result puts the current point on the −ln q curve and its label. */
function curveMarks(result: CrossEntropyResult, L: CrossEntropyLayout) {
  const px = L.curveScaleX(result.qy);
  const py = L.curveY(Math.min(result.loss, LOSS_MAX));
  return {
    px,
    py,
    label: {
      x: Math.min(px + 10, L.curveW - 4),
      y: Math.max(py - 10, 12),
      'text-anchor': px > L.curveW - 90 ? 'end' : 'start',
    } satisfies LabelAt,
    text: `L = ${formatFixed(result.loss)}${result.loss > LOSS_MAX ? ' ↑' : ''}`,
  };
}

/** Where a result puts the marks of the binary plot (point, curve, entropy, KL gap) and its legend's labels. */
function binaryMarks(result: CrossEntropyResult, L: CrossEntropyLayout, w: Words) {
  const bx = L.binX(result.p);
  const by = L.binY(Math.min(result.bce, LOSS_MAX));
  const hy = L.binY(result.binaryEntropy);
  return {
    bx,
    by,
    hy,
    bceD: L.binPath(result.bceCurve) ?? '',
    /** The KL gap is drawn when there is one, and named when there is room. */
    kl: result.binaryKL > 1e-3,
    klNamed: result.binaryKL > 1e-3 && hy - by > 18,
    klLabel: {
      x: bx + (bx > L.binW - 60 ? -8 : 8),
      y: (hy + by) / 2,
      'text-anchor': bx > L.binW - 60 ? 'end' : 'start',
    } satisfies LabelAt,
    label: {
      x: bx,
      y: Math.max(by - 12, -8),
      'text-anchor': bx < 40 ? 'start' : bx > L.binW - 40 ? 'end' : 'middle',
    } satisfies LabelAt,
    text: `BCE = ${formatFixed(result.bce)}`,
    legend: [
      w.curve1,
      w.curve0,
      `${w.curveT} = ${formatFixed(result.t)}`,
      `${w.entropy} = ${formatFixed(result.binaryEntropy)}`,
      `p = ${formatFixed(result.p, 3)}, BCE = ${formatFixed(result.bce)}`,
      `${w.klLong} = ${formatFixed(result.binaryKL)}`,
    ],
  };
}

/** The binary legend's swatches, one a row (22 px wide, centred on the row's middle). */
const legendSwatches = [
  <line key="one" className="series-faint curve-one" x1={0} x2={22} y1={0} y2={0} />,
  <line key="zero" className="series-faint curve-zero" x1={0} x2={22} y1={0} y2={0} />,
  <line key="bce" className="series sym-3" x1={0} x2={22} y1={0} y2={0} />,
  <line key="h" className="entropy-line" x1={0} x2={22} y1={0} y2={0} />,
  <circle key="p" className="current-point sym-4" cx={11} cy={0} r={5} />,
  <line key="kl" className="kl-swatch" x1={11} x2={11} y1={-8} y2={8} />,
];

/** Predicted distribution, the −ln q_y curve with the current loss, and the binary loss curve. */
export function CrossEntropyPlot({
  result,
  lang,
  highlight,
  setHighlight,
}: PlotProps<CrossEntropyResult>) {
  const w = WORDS[lang];
  const labels = TOKENS[lang];
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(boxRef, WIDTH);
  const L = useMemo(() => crossEntropyLayout(width), [width]);
  const hl = (name: string) => (highlight === name ? ' is-highlighted' : '');
  const enter = (name: string) => () => setHighlight(name);
  const leave = () => setHighlight(null);

  const c = curveMarks(result, L);
  const { px, py } = c;
  const b = binaryMarks(result, L, w);
  const { bx, by, hy } = b;

  const bars = (
    <g onMouseEnter={enter('z')} onMouseLeave={leave} className={`bars-panel${hl('z')}`}>
      <BarChart
        labels={labels}
        values={result.q}
        width={L.barsW}
        height={L.mainH}
        yLabel={w.q}
        xLabel={w.token}
        slot={5}
        emphasis={result.y}
        marker={{
          index: result.y,
          node: (
            <text
              className={`true-marker plot-halo sym-1${hl('y')}`}
              textAnchor="middle"
              onMouseEnter={enter('y')}
              // still over the bars panel, which gets no new mouseenter
              onMouseLeave={enter('z')}
            >
              {w.truth} ▾
            </text>
          ),
        }}
      />
    </g>
  );
  const curve = (
    <g className="curve-panel" transform={`translate(${L.curveX},0)`}>
      <AxisLeft scale={L.curveY} size={L.curveW} label={w.loss} ticks={7} grid />
      <AxisBottom scale={L.curveScaleX} size={L.mainH} label={w.qy} ticks={5} />
      <ChunkBounds dx={L.curveX} />
      <path className="series sym-5 neg-log" d={L.negLogD} />
      <line className="drop-line" x1={px} x2={px} y1={L.mainH} y2={py} />
      <line className="drop-line" x1={0} x2={px} y1={py} y2={py} />
      <circle className="current-point sym-5" cx={px} cy={py} r={6} />
      <text
        className="point-label plot-halo"
        x={c.label.x}
        y={c.label.y}
        textAnchor={c.label['text-anchor']}
      >
        {c.text}
      </text>
    </g>
  );
  const legendAt = L.narrow
    ? { x: -L.binMargin.left + 8, y: L.binH + BIN_LEGEND_TOP }
    : { x: L.binW + 20, y: 8 };

  /** The bars and the curve: two stacked plots on a narrow column, else side by side in one. */
  const mainPanel = (content: ReactNode) => (
    <div className="cross-entropy-panel">
      <PlotFrame
        width={width}
        height={L.mainHeight}
        margin={MAIN_MARGIN}
        className="cross-entropy-plot"
      >
        {content}
      </PlotFrame>
    </div>
  );

  return (
    <div className="cross-entropy-plots" ref={boxRef}>
      {L.narrow ? (
        <>
          {mainPanel(bars)}
          {mainPanel(curve)}
        </>
      ) : (
        mainPanel(
          <>
            {bars}
            {curve}
          </>,
        )
      )}
      <div className="cross-entropy-panel">
        <PlotFrame width={width} height={L.binHeight} margin={L.binMargin} className="binary-plot">
          <AxisLeft scale={L.binY} size={L.binW} label={w.bce} ticks={7} grid />
          <AxisBottom scale={L.binX} size={L.binH} label={w.p} ticks={5} />
          <ChunkBounds />
          <path className="series-faint curve-one" d={L.binOneD} />
          <path className="series-faint curve-zero" d={L.binZeroD} />
          <line className="entropy-line" x1={0} x2={L.binW} y1={hy} y2={hy} />
          <path
            className={`series sym-3 bce-curve${hl('by')}`}
            d={b.bceD}
            onMouseEnter={enter('by')}
            onMouseLeave={leave}
          />
          {b.kl && (
            <g className="kl-gap">
              <line x1={bx} x2={bx} y1={hy} y2={by} />
              {b.klNamed && (
                <text
                  x={b.klLabel.x}
                  y={b.klLabel.y}
                  dy="0.32em"
                  textAnchor={b.klLabel['text-anchor']}
                >
                  {w.kl}
                </text>
              )}
            </g>
          )}
          <circle
            className={`current-point sym-4${hl('bp')}`}
            cx={bx}
            cy={by}
            r={6}
            onMouseEnter={enter('bp')}
            onMouseLeave={leave}
          />
          <text
            className="point-label plot-halo"
            x={b.label.x}
            y={b.label.y}
            textAnchor={b.label['text-anchor']}
          >
            {b.text}
          </text>
          <g className="legend" transform={`translate(${legendAt.x},${legendAt.y})`}>
            <ChunkBounds dx={legendAt.x} dy={legendAt.y} />
            {legendSwatches.map((swatch, i) => (
              <g key={i} transform={`translate(0,${i * LEGEND_ROW})`}>
                {swatch}
                <text x={28} y={0} dy="0.32em">
                  {b.legend[i]}
                </text>
              </g>
            ))}
          </g>
        </PlotFrame>
      </div>
    </div>
  );
}
