import { scaleLinear } from 'd3-scale';
import { useMemo, useRef, type ReactNode } from 'react';
import { BarChart, barBand, barCentre } from '../../plots/BarChart';
import { formatFixed, formatNumber } from '../../plots/formatNumber';
import { legendLayout, type LegendItem, type LegendMetrics } from '../../plots/Legend';
import { PLOT_FONT, measureText, useMeasureText, type Measure } from '../../plots/measureText';
import { ChunkBounds, PlotFrame, innerSize } from '../../plots/PlotFrame';
import type { Margin } from '../../plots/PlotFrame';
import { usePlotSize } from '../../plots/usePlotSize';
import type { Lang, PlotProps } from '../../ui/card/types';
import { useWorkerCompute } from '../../ui/worker/useWorkerCompute';
import { MANY_DRAWS, manyShares } from './draws';
import { TOKENS, naiveLabel, naiveWrong } from './model';
import type { SoftmaxResult, SoftmaxValues } from './model';
import './softmax.css';

/** The large sample's worker (Vite bundles the file with its imports from src/math). */
const manySharesWorker = () =>
  new Worker(new URL('./manyShares.worker.ts', import.meta.url), { type: 'module' });

/** viewBox width before the column is measured (tests, presentation), and its bounds. */
const WIDTH = { fallback: 640, min: 320, max: 760 };
const HEIGHT = 422;
const MARGIN: Margin = { top: 60, right: 16, bottom: 138, left: 76 };
/** Below this viewBox width the legend starts at the left edge and the note wraps. */
const NARROW = 480;
const NOTE_LINE = 14;
/** Left margin on a narrow column: room for the row labels, more room for the bars. */
const NARROW_LEFT = 64;
/** The legend's spacing (its labels are 12px): swatches in a 24 px slot, one row of 18 px each. */
const LEGEND: LegendMetrics = { swatch: 24, gap: 6, spacing: 20, rowHeight: 18 };
/** A CSS font shorthand of the plots' font at `size` px, for measuring text drawn at that size. */
const fontAt = (size: number) => PLOT_FONT.replace(/\d+(\.\d+)?px/, `${size}px`);
const LEGEND_FONT = fontAt(12);

const WORDS = {
  en: {
    y: 'probability p',
    x: 'next token',
    bars: 'p = softmax((z + c)/T)',
    uniform: 'uniform 1/5',
    logits: 'z + c',
    naive: 'naive',
    drawn: 'drawn',
    share: 'share of the draws',
    many: 'Shares in {n} draws (seed {s}):',
    nats: 'nats',
    overflow:
      'Naive: e^s overflows to ∞, and ∞/∞ has no value. Stable: subtract max s first, exact.',
    underflow:
      'Naive: every e^s rounds to 0, and 0/0 has no value. Stable: subtract max s first, exact.',
    ok: 'Naive and stable agree here; push the shift c towards ±1000 to break the naive one.',
  },
  'zh-TW': {
    y: '機率 p',
    x: '下一個詞元',
    bars: 'p = softmax((z + c)/T)',
    uniform: '均勻分布 1/5',
    logits: 'z + c',
    naive: '直接計算',
    drawn: '抽到',
    share: '抽樣中的比例',
    many: '抽 {n} 次（種子 {s}）的比例：',
    nats: 'nats',
    overflow: '直接計算：e^s 溢位成 ∞，∞/∞ 沒有數值。穩定算法：先減去 max s，結果精確。',
    underflow: '直接計算：每個 e^s 都捨入成 0，0/0 沒有數值。穩定算法：先減去 max s，結果精確。',
    ok: '此時兩種算法結果相同；把平移量 c 推向 ±1000，直接計算就會出錯。',
  },
} satisfies Record<Lang, Record<string, string>>;

/** Splits `text` into lines at most `width` px wide in the plots' font at `size` px (measured). */
export function wrapText(
  text: string,
  width: number,
  size: number,
  measure: Measure = measureText,
): string[] {
  const tokens =
    text.match(
      /[\u3000-\u9fff\uff00-\uffef][\u3000-\u303f\uff00-\uffef]*|[^\s\u3000-\u9fff\uff00-\uffef]+\s*/g,
    ) ?? [];
  const font = fontAt(size);
  const lines: string[] = [];
  let cur = '';
  for (const t of tokens) {
    if (cur && measure((cur + t).trimEnd(), font) > width) {
      lines.push(cur.trimEnd());
      cur = '';
    }
    cur += t;
  }
  if (cur.trim()) lines.push(cur.trimEnd());
  return lines;
}

const readoutT = (T: number) => `T = ${formatFixed(T, 2)}`;
const readoutC = (c: number) => `c = ${formatFixed(c, 0)}`;
const readoutH = (r: SoftmaxResult, nats: string) =>
  `H(p) = ${formatFixed(r.entropy, 2)} ${nats} (max ${formatFixed(r.maxEntropy, 2)})`;

/** The legend's entries and how each swatch is drawn (a bar swatch at the end of its slot, next to its label). */
function legendEntries(w: (typeof WORDS)[Lang], shares: boolean) {
  const entries: { item: LegendItem; swatch: ReactNode }[] = [
    {
      item: { label: w.bars, tone: 'sym4', kind: 'area' },
      swatch: (
        <rect
          className="legend-swatch bar sym-4"
          x={LEGEND.swatch - 14}
          y={-9}
          width={14}
          height={10}
        />
      ),
    },
    {
      item: { label: w.uniform, tone: 'muted', kind: 'dashed' },
      swatch: <line className="uniform-line" x1={0} x2={LEGEND.swatch} y1={-4} y2={-4} />,
    },
  ];
  if (shares)
    entries.push({
      item: { label: w.share, tone: 'emphasis' },
      swatch: <line className="drawn-mark" x1={0} x2={LEGEND.swatch} y1={-4} y2={-4} />,
    });
  return entries;
}

/** Bars of the softmax probabilities, the logits under them and the naive formula's result beside the stable one. */
export function SoftmaxPlot({
  values,
  result,
  lang,
  highlight,
  setHighlight,
}: PlotProps<SoftmaxResult, SoftmaxValues>) {
  const w = WORDS[lang];
  const labels = TOKENS[lang];
  const n = result.p.length;
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(boxRef, WIDTH);
  const narrow = width < NARROW;
  const status = result.naiveStatus;
  const measure = useMeasureText();
  const note = useMemo(
    () => wrapText(w[status], width - 16, 11, measure),
    [w, status, width, measure],
  );
  // Narrow: the legend starts at the left edge; it takes another row where its labels need one.
  const shares = result.k > 0 && !narrow;
  const legendX = narrow ? -NARROW_LEFT + 8 : 0;
  const legendWidth = narrow ? width - 16 : width - MARGIN.left - MARGIN.right;
  const entries = useMemo(() => legendEntries(w, shares), [w, shares]);
  const legend = useMemo(
    () =>
      legendLayout(
        entries.map((e) => e.item),
        legendWidth,
        (t) => measure(t, LEGEND_FONT),
        LEGEND,
      ),
    [entries, legendWidth, measure],
  );
  const extraRows = Math.max(0, legend.rows - 1) * LEGEND.rowHeight;
  const margin: Margin = {
    ...MARGIN,
    top: MARGIN.top + extraRows,
    left: narrow ? NARROW_LEFT : MARGIN.left,
    bottom: MARGIN.bottom + NOTE_LINE * (note.length - 1),
  };
  const height = HEIGHT + NOTE_LINE * (note.length - 1) + extraRows;
  const { innerWidth, innerHeight } = innerSize(width, height, margin);
  const band = useMemo(() => barBand(n, innerWidth), [n, innerWidth]);
  const y = useMemo(() => scaleLinear().domain([0, 1]).range([innerHeight, 0]), [innerHeight]);
  const { T, c } = values;
  const hl = (name: string) => (highlight === name ? ' is-highlighted' : '');
  const enter = (name: string) => () => setHighlight(name);
  const leave = () => setHighlight(null);
  const rowY = innerHeight + 60;
  const naiveY = innerHeight + 82;
  const drawnY = innerHeight + 104;
  const { p } = result;
  // only beside drawn tokens: 100,000 draws are what the k draws are compared with
  const drawing = result.k > 0;
  const manyInput = useMemo(
    () => (drawing ? { p, seed: result.seed } : null),
    [drawing, p, result.seed],
  );
  const many = useWorkerCompute(manyShares, manyInput, manySharesWorker);

  return (
    <div className="softmax-plot-box" ref={boxRef}>
      <PlotFrame width={width} height={height} margin={margin} className="softmax-plot">
        <g className="legend" transform={`translate(${legendX},${-42 - extraRows})`}>
          {legend.items.map((it, i) => (
            <g key={i} transform={`translate(${it.x},${it.row * LEGEND.rowHeight})`}>
              {entries[i].swatch}
              <text x={LEGEND.swatch + LEGEND.gap} y={0}>
                {it.text}
              </text>
            </g>
          ))}
        </g>
        <ChunkBounds />
        <text className="plot-readout" x={innerWidth} y={-22} textAnchor="end">
          <tspan
            className={`sym-2 readout-sym${hl('T')}`}
            onMouseEnter={enter('T')}
            onMouseLeave={leave}
          >
            {readoutT(T)}
          </tspan>
          <tspan
            dx={12}
            className={`sym-3 readout-sym${hl('c')}`}
            onMouseEnter={enter('c')}
            onMouseLeave={leave}
          >
            {readoutC(c)}
          </tspan>
          <tspan dx={12} className="readout-entropy">
            {readoutH(result, w.nats)}
          </tspan>
        </text>
        <BarChart
          labels={labels}
          values={result.p}
          width={innerWidth}
          height={innerHeight}
          yLabel={w.y}
          xLabel={w.x}
          slot={4}
          emphasis={result.top}
          guides={
            <line className="uniform-line" x1={0} x2={innerWidth} y1={y(1 / n)} y2={y(1 / n)} />
          }
        />
        <g className={`logit-row sym-1${hl('z')}`} onMouseEnter={enter('z')} onMouseLeave={leave}>
          <text className="row-label" x={-10} y={rowY} textAnchor="end">
            {w.logits}
          </text>
          {result.logits.map((l, i) => (
            <text key={i} className="row-value" x={barCentre(band, i)} y={rowY} textAnchor="middle">
              {formatFixed(l, 1)}
            </text>
          ))}
        </g>
        <g className={`naive-row naive-${status}`}>
          <text className="row-label" x={-10} y={naiveY} textAnchor="end">
            {w.naive}
          </text>
          {result.naive.map((_, i) => (
            <text
              key={i}
              className={`row-value${naiveWrong(result, i) ? ' naive-wrong' : ''}`}
              x={barCentre(band, i)}
              y={naiveY}
              textAnchor="middle"
              data-index={i}
            >
              {naiveLabel(result, i)}
            </text>
          ))}
        </g>
        {result.k > 0 && (
          <g className="drawn-row" data-k={result.k}>
            <text className="row-label" x={-10} y={drawnY} textAnchor="end">
              {`${w.drawn} ${result.k}`}
            </text>
            {result.drawn.map((count, i) => (
              <g key={i} className={i === result.last ? 'is-last' : undefined}>
                <line
                  className="drawn-mark"
                  x1={barCentre(band, i) - band.bandwidth() / 2}
                  x2={barCentre(band, i) + band.bandwidth() / 2}
                  y1={y(count / result.k)}
                  y2={y(count / result.k)}
                />
                <text className="row-value" x={barCentre(band, i)} y={drawnY} textAnchor="middle">
                  {count}
                </text>
              </g>
            ))}
          </g>
        )}
        <text className={`naive-note naive-${status}`} x={-margin.left + 8} y={innerHeight + 128}>
          {note.map((line, i) => (
            <tspan key={i} x={-margin.left + 8} dy={i === 0 ? 0 : NOTE_LINE}>
              {line}
            </tspan>
          ))}
        </text>
      </PlotFrame>
      {drawing && (
        <p className="softmax-many" aria-busy={many.pending} data-seed={result.seed}>
          {w.many
            .replace('{n}', formatNumber(MANY_DRAWS, { digits: 0, group: true, lang }))
            .replace('{s}', String(result.seed))}{' '}
          {many.error ??
            (many.value && many.value.length === n
              ? labels.map((t, i) => `${t} ${many.value![i].toFixed(3)}`).join(' · ')
              : '…')}
        </p>
      )}
    </div>
  );
}
