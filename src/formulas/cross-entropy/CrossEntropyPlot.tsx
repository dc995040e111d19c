import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { AxisBottom, AxisLeft } from '../../plots/Axes';
import { BarChart, barBand, barCentre } from '../../plots/BarChart';
import { PlotFrame } from '../../plots/PlotFrame';
import type { Margin } from '../../plots/PlotFrame';
import type { Lang, PlotProps } from '../types';
import { BINARY_P, TOKENS } from './model';
import type { CrossEntropyResult } from './model';
import './cross-entropy.css';

/** Largest loss drawn on both plots; larger values are marked at the top edge with an arrow. */
export const LOSS_MAX = 7;

const WIDTH = 640;
const MAIN_HEIGHT = 300;
const MAIN_MARGIN: Margin = { top: 28, right: 16, bottom: 48, left: 56 };
const MAIN_H = MAIN_HEIGHT - MAIN_MARGIN.top - MAIN_MARGIN.bottom;
const BARS_W = 236;
const CURVE_X = 306;
const CURVE_W = WIDTH - MAIN_MARGIN.left - MAIN_MARGIN.right - CURVE_X;

const BIN_HEIGHT = 260;
const BIN_MARGIN: Margin = { top: 24, right: 200, bottom: 48, left: 56 };
const BIN_W = WIDTH - BIN_MARGIN.left - BIN_MARGIN.right;
const BIN_H = BIN_HEIGHT - BIN_MARGIN.top - BIN_MARGIN.bottom;

const WORDS = {
  en: {
    q: 'predicted q = softmax(z)',
    token: 'token',
    truth: 'true',
    qy: 'q_y, probability of the true token',
    loss: 'loss −ln q_y',
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
    qy: 'q_y：正確詞元的預測機率',
    loss: '損失 −ln q_y',
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

function fmt(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const s = x.toFixed(digits);
  return (/^-0(\.0*)?$/.test(s) ? s.slice(1) : s).replace('-', '−');
}

/** −ln q sampled for q from e^−LOSS_MAX to 1. */
const NEG_LOG: [number, number][] = Array.from({ length: 121 }, (_, k) => {
  const u = (LOSS_MAX * k) / 120;
  return [Math.exp(-u), u];
});

const xUnit = scaleLinear().domain([0, 1]);
const curveX = xUnit.copy().range([0, CURVE_W]);
const curveY = scaleLinear().domain([0, LOSS_MAX]).range([MAIN_H, 0]);
const binX = xUnit.copy().range([0, BIN_W]);
const binY = scaleLinear().domain([0, LOSS_MAX]).range([BIN_H, 0]);

const curvePath = line<[number, number]>()
  .x((d) => curveX(d[0]))
  .y((d) => curveY(d[1]));
const binPath = line<[number, number]>()
  .x((d) => binX(d[0]))
  .y((d) => binY(Math.min(d[1], LOSS_MAX)));

const NEG_LOG_D = curvePath(NEG_LOG) ?? '';
const BIN_ONE_D = binPath(BINARY_P.map((p) => [p, -Math.log(p)])) ?? '';
const BIN_ZERO_D = binPath(BINARY_P.map((p) => [p, -Math.log1p(-p)])) ?? '';

/** Predicted distribution, the −ln q_y curve with the current loss, and the binary loss curve. */
export function CrossEntropyPlot({
  result,
  lang,
  highlight,
  setHighlight,
}: PlotProps<CrossEntropyResult>) {
  const w = WORDS[lang];
  const labels = TOKENS[lang];
  const band = useMemo(() => barBand(labels.length, BARS_W), [labels.length]);
  const hl = (name: string) => (highlight === name ? ' is-highlighted' : '');
  const enter = (name: string) => () => setHighlight(name);
  const leave = () => setHighlight(null);

  const over = result.loss > LOSS_MAX;
  const px = curveX(result.qy);
  const py = curveY(Math.min(result.loss, LOSS_MAX));
  const trueTop = MAIN_H * (1 - result.qy);

  const bx = binX(result.p);
  const by = binY(Math.min(result.bce, LOSS_MAX));
  const hy = binY(result.binaryEntropy);
  const bceD = binPath(result.bceCurve) ?? '';

  return (
    <div className="cross-entropy-plots">
      <PlotFrame
        width={WIDTH}
        height={MAIN_HEIGHT}
        margin={MAIN_MARGIN}
        className="cross-entropy-plot"
      >
        <g onMouseEnter={enter('z')} onMouseLeave={leave} className={`bars-panel${hl('z')}`}>
          <BarChart
            labels={labels}
            values={result.q}
            width={BARS_W}
            height={MAIN_H}
            yLabel={w.q}
            xLabel={w.token}
            slot={5}
            emphasis={result.y}
          />
        </g>
        <text
          className={`true-marker sym-1${hl('y')}`}
          x={barCentre(band, result.y)}
          y={Math.max(trueTop - 22, -16)}
          textAnchor="middle"
          onMouseEnter={enter('y')}
          onMouseLeave={leave}
        >
          {w.truth} ▾
        </text>
        <g className="curve-panel" transform={`translate(${CURVE_X},0)`}>
          <AxisLeft scale={curveY} size={CURVE_W} label={w.loss} ticks={7} grid />
          <AxisBottom scale={curveX} size={MAIN_H} label={w.qy} ticks={5} />
          <path className="series sym-5 neg-log" d={NEG_LOG_D} />
          <line className="drop-line" x1={px} x2={px} y1={MAIN_H} y2={py} />
          <line className="drop-line" x1={0} x2={px} y1={py} y2={py} />
          <circle className="current-point sym-5" cx={px} cy={py} r={6} />
          <text
            className="point-label"
            x={Math.min(px + 10, CURVE_W - 4)}
            y={Math.max(py - 10, 12)}
            textAnchor={px > CURVE_W - 90 ? 'end' : 'start'}
          >
            {`L = ${fmt(result.loss)}${over ? ' ↑' : ''}`}
          </text>
        </g>
      </PlotFrame>
      <PlotFrame width={WIDTH} height={BIN_HEIGHT} margin={BIN_MARGIN} className="binary-plot">
        <AxisLeft scale={binY} size={BIN_W} label={w.bce} ticks={7} grid />
        <AxisBottom scale={binX} size={BIN_H} label={w.p} ticks={5} />
        <path className="series-faint curve-one" d={BIN_ONE_D} />
        <path className="series-faint curve-zero" d={BIN_ZERO_D} />
        <line className="entropy-line" x1={0} x2={BIN_W} y1={hy} y2={hy} />
        <path
          className={`series sym-3 bce-curve${hl('by')}`}
          d={bceD}
          onMouseEnter={enter('by')}
          onMouseLeave={leave}
        />
        {result.binaryKL > 1e-3 && (
          <g className="kl-gap">
            <line x1={bx} x2={bx} y1={hy} y2={by} />
            {hy - by > 18 && (
              <text
                x={bx + (bx > BIN_W - 60 ? -8 : 8)}
                y={(hy + by) / 2}
                dy="0.32em"
                textAnchor={bx > BIN_W - 60 ? 'end' : 'start'}
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
          className="point-label"
          x={bx}
          y={Math.max(by - 12, -8)}
          textAnchor={bx < 40 ? 'start' : bx > BIN_W - 40 ? 'end' : 'middle'}
        >
          {`BCE = ${fmt(result.bce)}`}
        </text>
        <g className="legend" transform={`translate(${BIN_W + 20},8)`}>
          <line className="series-faint curve-one" x1={0} x2={22} y1={0} y2={0} />
          <text x={28} y={0} dy="0.32em">
            {w.curve1}
          </text>
          <line className="series-faint curve-zero" x1={0} x2={22} y1={22} y2={22} />
          <text x={28} y={22} dy="0.32em">
            {w.curve0}
          </text>
          <line className="series sym-3" x1={0} x2={22} y1={44} y2={44} />
          <text x={28} y={44} dy="0.32em">
            {`${w.curveT} = ${fmt(result.t)}`}
          </text>
          <line className="entropy-line" x1={0} x2={22} y1={66} y2={66} />
          <text x={28} y={66} dy="0.32em">
            {`${w.entropy} = ${fmt(result.binaryEntropy)}`}
          </text>
          <circle className="current-point sym-4" cx={11} cy={88} r={5} />
          <text x={28} y={88} dy="0.32em">
            {`p = ${fmt(result.p, 3)}, BCE = ${fmt(result.bce)}`}
          </text>
          <line className="kl-swatch" x1={11} x2={11} y1={102} y2={118} />
          <text x={28} y={110} dy="0.32em">
            {`${w.klLong} = ${fmt(result.binaryKL)}`}
          </text>
        </g>
      </PlotFrame>
    </div>
  );
}
