import { scaleLinear } from 'd3-scale';
import { Fragment, useMemo, useRef } from 'react';
import { AxisBottom, AxisLeft } from '../../plots/Axes';
import { BarChart, barBand, barCentre } from '../../plots/BarChart';
import { Curve } from '../../plots/Curve';
import { DraggablePoint } from '../../plots/DraggablePoint';
import { formatFixed } from '../../plots/formatNumber';
import { LEGEND_METRICS, Legend, legendLayout } from '../../plots/Legend';
import { Point } from '../../plots/marks';
import { PLOT_FONT, useMeasureText } from '../../plots/measureText';
import { ChunkBounds, PlotFrame, innerSize } from '../../plots/PlotFrame';
import type { Margin } from '../../plots/PlotFrame';
import { usePlotSize } from '../../plots/usePlotSize';
import { binaryEntropy } from '../../math';
import type { Lang, PlotProps } from '../../ui/card/types';
import { OUTCOMES, dragTo } from './model';
import type { EntropyResult, EntropyValues } from './model';
import './entropy.css';

const WIDTH = { fallback: 640, min: 300, max: 760 };
const BARS_HEIGHT = 330;
/** Below this viewBox width the readouts take a line each. */
const NARROW = 520;
const BARS_MARGIN: Margin = { top: 58, right: 16, bottom: 92, left: 64 };
const SURPRISE_HEIGHT = 230;
const SURPRISE_MARGIN: Margin = { top: 30, right: 16, bottom: 56, left: 64 };
const SPLIT_HEIGHT = 150;
const SPLIT_MARGIN: Margin = { top: 40, right: 24, bottom: 52, left: 64 };
const BINARY_HEIGHT = 240;
const BINARY_MARGIN: Margin = { top: 30, right: 24, bottom: 52, left: 64 };
/** The surprisal axis tops out here; an outcome of probability 0 is marked ∞ instead. */
const SURPRISE_TOP_MIN = 4;

/** The plot's words in each language. */
const WORDS = {
  en: {
    p: 'probability',
    outcome: 'outcome',
    uniform: 'uniform 1/n',
    qMark: 'q (the model)',
    pRow: 'p',
    qRow: 'q',
    handle: (t: string) => `probability of ${t}`,
    handleText: (t: string, v: string) => `${t}: p = ${v}`,
    roleDescription: 'draggable bar',
    H: (bits: string, nats: string) => `H(p) = ${bits} bits = ${nats} nats`,
    max: (m: string) => `max log₂ n = ${m} bits`,
    ppl: (v: string) => `perplexity 2^H = ${v}: like ${v} equally likely choices`,
    pplShort: (v: string) => `perplexity 2^H = ${v} equal choices`,
    pBars: 'p (drag the bars)',
    surprise: 'surprisal −log₂ p',
    bits: 'bits',
    avg: (h: string) => `dashed line: the average surprisal, H = ${h} bits`,
    never: 'never',
    split: 'H(p, q) = H(p) + KL(p‖q)',
    hPart: (h: string) => `H(p) ${h}`,
    klPart: (k: string) => `KL ${k}`,
    infinite: 'H(p, q) = ∞: q gives 0 to an outcome p produces',
    total: (c: string) => `H(p, q) = ${c} bits`,
    axisBits: 'bits',
    binary: 'binary entropy H(p₁)',
    p1: 'p₁',
    zero: 'All weights are 0: p is taken as uniform until one is raised.',
    qZero: 'All weights of q are 0: q is taken as uniform.',
  },
  'zh-TW': {
    p: '機率',
    outcome: '結果',
    uniform: '均勻分布 1/n',
    qMark: 'q（模型）',
    pRow: 'p',
    qRow: 'q',
    handle: (t: string) => `${t}的機率`,
    handleText: (t: string, v: string) => `${t}：p = ${v}`,
    roleDescription: '可拖曳的長條',
    H: (bits: string, nats: string) => `H(p) = ${bits} bits = ${nats} nats`,
    max: (m: string) => `最大值 log₂ n = ${m} bits`,
    ppl: (v: string) => `困惑度 2^H = ${v}：相當於 ${v} 個等可能的選擇`,
    pplShort: (v: string) => `困惑度 2^H = ${v} 個等可能的選擇`,
    pBars: 'p（可拖曳長條）',
    surprise: '驚奇度 −log₂ p',
    bits: 'bits',
    avg: (h: string) => `虛線：驚奇度的平均值，H = ${h} bits`,
    never: '不會發生',
    split: 'H(p, q) = H(p) + KL(p‖q)',
    hPart: (h: string) => `H(p) ${h}`,
    klPart: (k: string) => `KL ${k}`,
    infinite: 'H(p, q) = ∞：q 給了 p 會產生的結果機率 0',
    total: (c: string) => `H(p, q) = ${c} bits`,
    axisBits: 'bits',
    binary: '二元熵 H(p₁)',
    p1: 'p₁',
    zero: '所有權重都是 0：在調高任何一個之前，p 視為均勻分布。',
    qZero: 'q 的權重全是 0：q 視為均勻分布。',
  },
} as const;

type Words = (typeof WORDS)[Lang];
type Hl = { hl: (name: string) => string; enter: (name: string) => () => void; leave: () => void };

/** A linear x scale over outcome indices whose value i lands on the centre of bar i. */
function indexScale(n: number, innerWidth: number) {
  const band = barBand(n, innerWidth);
  const c0 = barCentre(band, 0);
  const step = band.step();
  return { band, x: scaleLinear().domain([-c0 / step, (innerWidth - c0) / step]) };
}

/** p as bars the reader drags, q's marks across them and the uniform line. */
function DistributionPanel({
  r,
  width,
  w,
  labels,
  onDrag,
  hl,
}: {
  r: EntropyResult;
  width: number;
  w: Words;
  labels: readonly string[];
  onDrag: (i: number, y: number) => void;
  hl: Hl;
}) {
  const narrow = width < NARROW;
  const legendItems = useMemo(
    () => [
      { label: w.pBars, tone: 'sym1' as const, kind: 'area' as const },
      { label: w.qMark, tone: 'sym3' as const },
      { label: w.uniform, tone: 'muted' as const, kind: 'dashed' as const },
    ],
    [w],
  );
  const legendWidth = width - 16;
  const measure = useMeasureText();
  const legend = useMemo(
    () => legendLayout(legendItems, legendWidth, (t) => measure(t, PLOT_FONT)),
    [legendItems, legendWidth, measure],
  );
  const readouts = narrow
    ? [
        w.H(formatFixed(r.bits, 3), formatFixed(r.nats, 3)),
        w.max(formatFixed(r.maxBits, 3)),
        w.pplShort(formatFixed(r.perplexity, 2)),
      ]
    : [
        `${w.H(formatFixed(r.bits, 3), formatFixed(r.nats, 3))}   ${w.max(formatFixed(r.maxBits, 3))}`,
        w.ppl(formatFixed(r.perplexity, 2)),
      ];
  const legendH = legend.rows * LEGEND_METRICS.rowHeight;
  const margin = { ...BARS_MARGIN, top: 12 + readouts.length * 16 + legendH + 8 };
  const height = BARS_HEIGHT - BARS_MARGIN.top + margin.top;
  const { innerWidth, innerHeight } = innerSize(width, height, margin);
  const { band, x } = useMemo(() => indexScale(r.n, innerWidth), [r.n, innerWidth]);
  const y = (v: number) => innerHeight * (1 - v);
  const bw = band.bandwidth();
  const empty = useMemo(() => r.p.map(() => ''), [r.p]);
  const rowP = innerHeight + 58;
  const rowQ = innerHeight + 76;
  const left = -margin.left + 8;
  return (
    <PlotFrame
      width={width}
      height={height}
      margin={margin}
      className="entropy-plot entropy-bars"
      x={x}
      y={{ domain: [0, 1] }}
      interactive
    >
      <g aria-hidden="true">
        {readouts.map((line, i) => (
          <text
            key={i}
            className={`plot-readout${i === 0 ? ' readout-h' : ''}${narrow && i === 1 ? ` sym-2 readout-sym${hl.hl('n')}` : ''}`}
            x={left}
            y={-margin.top + 16 + i * 16}
          >
            {line}
          </text>
        ))}
        <Legend items={legendItems} x={left} y={-legendH - 6} width={legendWidth} />
      </g>
      <g aria-hidden="true">
        <BarChart
          labels={labels}
          values={r.p}
          valueLabels={empty}
          width={innerWidth}
          height={innerHeight}
          yLabel={w.p}
          xLabel={w.outcome}
          slot={1}
          guides={
            <>
              <line
                className={`uniform-line${hl.hl('n')}`}
                x1={0}
                x2={innerWidth}
                y1={y(1 / r.n)}
                y2={y(1 / r.n)}
              />
              <g className={`q-marks sym-3${hl.hl('v')}`}>
                {r.q.map((qi, i) => (
                  <line
                    key={i}
                    className="q-mark"
                    x1={barCentre(band, i) - bw / 2}
                    x2={barCentre(band, i) + bw / 2}
                    y1={y(qi)}
                    y2={y(qi)}
                  />
                ))}
              </g>
            </>
          }
        />
        <g
          className={`value-row sym-1${hl.hl('w')}`}
          onMouseEnter={hl.enter('w')}
          onMouseLeave={hl.leave}
        >
          <text className="row-label" x={-10} y={rowP} textAnchor="end">
            {w.pRow}
          </text>
          {r.p.map((pi, i) => (
            <text key={i} className="row-value" x={barCentre(band, i)} y={rowP} textAnchor="middle">
              {formatFixed(pi, 2)}
            </text>
          ))}
        </g>
        <g
          className={`value-row sym-3${hl.hl('v')}`}
          onMouseEnter={hl.enter('v')}
          onMouseLeave={hl.leave}
        >
          <text className="row-label" x={-10} y={rowQ} textAnchor="end">
            {w.qRow}
          </text>
          {r.q.map((qi, i) => (
            <text key={i} className="row-value" x={barCentre(band, i)} y={rowQ} textAnchor="middle">
              {formatFixed(qi, 2)}
            </text>
          ))}
        </g>
      </g>
      <g className="bar-handles" onMouseEnter={hl.enter('w')} onMouseLeave={hl.leave}>
        {r.p.map((pi, i) => (
          <Fragment key={i}>
            <DraggablePoint
              x={i}
              y={pi}
              r={6}
              tone="sym1"
              label={w.handle(labels[i])}
              roleDescription={w.roleDescription}
              valueText={(_x, v) => w.handleText(labels[i], formatFixed(v, 2))}
              constrain={(_x, v) => [i, Math.min(1, Math.max(0, v))]}
              onMove={(_x, v) => onDrag(i, v)}
            />
            {/* a handle is a group with its own transform; what follows starts a chunk */}
            <ChunkBounds />
          </Fragment>
        ))}
      </g>
    </PlotFrame>
  );
}

/** The surprisal −log₂ pᵢ of each outcome, with the entropy (their average) as a line. */
function SurprisalPanel({
  r,
  width,
  w,
  labels,
}: {
  r: EntropyResult;
  width: number;
  w: Words;
  labels: readonly string[];
}) {
  const { innerWidth, innerHeight } = innerSize(width, SURPRISE_HEIGHT, SURPRISE_MARGIN);
  const finite = r.surprisal.filter(Number.isFinite);
  const top = Math.max(SURPRISE_TOP_MIN, Math.ceil(Math.max(0, ...finite) + 0.5));
  const domain = useMemo(() => [0, top] as const, [top]);
  const values = useMemo(
    () => r.surprisal.map((s) => (Number.isFinite(s) ? s : NaN)),
    [r.surprisal],
  );
  const texts = useMemo(
    () => r.surprisal.map((s) => (Number.isFinite(s) ? formatFixed(s, 2) : `∞ (${w.never})`)),
    [r.surprisal, w.never],
  );
  const yH = innerHeight * (1 - r.bits / top);
  return (
    <PlotFrame
      width={width}
      height={SURPRISE_HEIGHT}
      margin={SURPRISE_MARGIN}
      className="entropy-plot entropy-surprisal"
    >
      <text className="plot-readout" x={-SURPRISE_MARGIN.left + 8} y={-12}>
        {w.avg(formatFixed(r.bits, 2))}
      </text>
      <BarChart
        labels={labels}
        values={values}
        valueLabels={texts}
        width={innerWidth}
        height={innerHeight}
        yDomain={domain}
        yLabel={`${w.surprise} (${w.bits})`}
        xLabel=""
        slot={5}
        guides={
          <g className="entropy-line">
            <line x1={0} x2={innerWidth} y1={yH} y2={yH} />
          </g>
        }
      />
    </PlotFrame>
  );
}

/** A rectangle as a path. */
const boxPath = (x: number, y: number, w: number, h: number) => `M${x},${y}h${w}v${h}h${-w}z`;

/** H(p, q) as one bar split into H(p) and KL(p‖q), with log₂ n marked. */
function SplitPanel({ r, width, w, hl }: { r: EntropyResult; width: number; w: Words; hl: Hl }) {
  const { innerWidth, innerHeight } = innerSize(width, SPLIT_HEIGHT, SPLIT_MARGIN);
  const infinite = !Number.isFinite(r.cross);
  const top = Math.max(3, Math.ceil(infinite ? r.bits + 2 : r.cross + 0.25));
  const x = useMemo(() => scaleLinear().domain([0, top]).range([0, innerWidth]), [top, innerWidth]);
  const h = Math.min(32, innerHeight - 8);
  const y0 = (innerHeight - h) / 2;
  const klEnd = infinite ? innerWidth : x(r.cross);
  return (
    <PlotFrame
      width={width}
      height={SPLIT_HEIGHT}
      margin={SPLIT_MARGIN}
      className="entropy-plot entropy-split"
    >
      <text className="plot-readout" x={0} y={-20}>
        {infinite ? w.infinite : `${w.split}: ${w.total(formatFixed(r.cross, 3))}`}
      </text>
      <AxisBottom scale={x} size={innerHeight} label={w.axisBits} ticks={Math.min(8, top)} />
      <ChunkBounds />
      {/* paths, not rects: a large rect that a tick resizes changes the paint chunk's
          background colour and opaque area, which makes Chromium work out the compositing
          layers again (see ChunkBounds) */}
      <path
        className={`split-h sym-1${hl.hl('w')}`}
        d={boxPath(0, y0, x(r.bits), h)}
        onMouseEnter={hl.enter('w')}
        onMouseLeave={hl.leave}
      />
      <path
        className={`split-kl sym-3${hl.hl('v')}${infinite ? ' is-infinite' : ''}`}
        d={boxPath(x(r.bits), y0, Math.max(0, klEnd - x(r.bits)), h)}
        onMouseEnter={hl.enter('v')}
        onMouseLeave={hl.leave}
      />
      <text className="split-label plot-halo" x={4} y={y0 - 6}>
        {w.hPart(formatFixed(r.bits, 2))}
      </text>
      <text className="split-label plot-halo" x={klEnd - 4} y={y0 + h + 16} textAnchor="end">
        {w.klPart(infinite ? '∞' : formatFixed(r.kl, 2))}
      </text>
      <line
        className={`max-line sym-2${hl.hl('n')}`}
        x1={x(r.maxBits)}
        x2={x(r.maxBits)}
        y1={y0 - 4}
        y2={y0 + h + 4}
      />
    </PlotFrame>
  );
}

const binaryBits = (x: number) => binaryEntropy(Math.min(1, Math.max(0, x)), 2);

/** The binary-entropy curve H(p₁) with the current point (two outcomes only). */
function BinaryPanel({ r, width, w }: { r: EntropyResult; width: number; w: Words }) {
  return (
    <PlotFrame
      width={width}
      height={BINARY_HEIGHT}
      margin={BINARY_MARGIN}
      className="entropy-plot entropy-binary"
      x={{ domain: [0, 1] }}
      y={{ domain: [0, 1.05] }}
    >
      <AxisLeft label={w.binary} unit={w.bits} ticks={5} grid />
      <AxisBottom label={w.p1} ticks={5} />
      <ChunkBounds />
      <Curve f={binaryBits} tone="sym5" />
      <Point x={r.p[0]} y={r.binary ?? 0} tone="sym1" />
    </PlotFrame>
  );
}

/** The entropy card's panels: p (draggable), surprisal, the split cross-entropy bar, the binary curve. */
export function EntropyPlot({
  values,
  result,
  lang,
  highlight,
  setHighlight,
  setValue,
}: PlotProps<EntropyResult, EntropyValues>) {
  const w = WORDS[lang];
  const labels = OUTCOMES[lang].slice(0, result.n);
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(boxRef, WIDTH);
  const hl: Hl = {
    hl: (name) => (highlight === name ? ' is-highlighted' : ''),
    enter: (name) => () => setHighlight(name),
    leave: () => setHighlight(null),
  };
  const onDrag = (i: number, target: number) => {
    const next = dragTo(result.p, i, target).map((x) => Math.round(x * 100) / 100);
    const full = values.w.slice();
    next.forEach((x, j) => (full[j] = x));
    setValue('w', full);
  };
  return (
    <div className="entropy-plot-box" ref={boxRef}>
      {result.pZero && <p className="entropy-note">{w.zero}</p>}
      {result.qZero && <p className="entropy-note">{w.qZero}</p>}
      <DistributionPanel r={result} width={width} w={w} labels={labels} onDrag={onDrag} hl={hl} />
      <SurprisalPanel r={result} width={width} w={w} labels={labels} />
      <SplitPanel r={result} width={width} w={w} hl={hl} />
      {result.binary !== null && <BinaryPanel r={result} width={width} w={w} />}
    </div>
  );
}
