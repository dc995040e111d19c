import { scaleLinear } from 'd3-scale';
import { useMemo, useRef } from 'react';
import { AxisBottom } from '../../plots/Axes';
import { formatFixed } from '../../plots/formatNumber';
import { legendLayout, type LegendMetrics } from '../../plots/Legend';
import { Arrow, Point } from '../../plots/marks';
import { PLOT_FONT, measureText, useMeasureText } from '../../plots/measureText';
import { ChunkBounds, PlotFrame, innerSize } from '../../plots/PlotFrame';
import type { Margin } from '../../plots/PlotFrame';
import { usePlotSize } from '../../plots/usePlotSize';
import type { Lang, PlotProps } from '../../ui/card/types';
import { MAX_TESTS, PEOPLE, TOPICS } from './model';
import type { BayesResult, BayesValues, Counts } from './model';
import './bayes.css';

const WIDTH = { fallback: 640, min: 300, max: 760 };
const COLS = 40;
const ROWS = PEOPLE / COLS;
const ICON_MARGIN: Margin = { top: 78, right: 12, bottom: 12, left: 12 };
const LEGEND: LegendMetrics = { swatch: 14, gap: 6, spacing: 16, rowHeight: 18 };
const LEGEND_FONT = PLOT_FONT.replace(/\d+(\.\d+)?px/, '12px');
const READOUT_FONT = `bold ${PLOT_FONT.replace(/\d+(\.\d+)?px/, '14px')}`;
const ODDS_MARGIN: Margin = { top: 56, right: 24, bottom: 52, left: 72 };
const ODDS_ROW = 22;
const TOPIC_MARGIN: Margin = { top: 48, right: 16, bottom: 12, left: 72 };
const TOPIC_ROW = 28;
/** A topic's share is written inside its segment when the segment is this wide. */
const LABEL_MIN = 40;

const WORDS = {
  en: {
    k0: (ill: number) => `Before any test: ${ill} of ${PEOPLE} people are ill.`,
    nat: (tp: number, pos: number, k: number) =>
      `Test ${k}: ${tp} of the ${pos} who test positive are ill.`,
    post: (p: string) => `P(ill | +) = ${p}`,
    ill: 'ill',
    healthy: 'healthy',
    tp: 'ill, test +',
    fn: 'ill, test −',
    fp: 'healthy, test +',
    tn: 'healthy, test −',
    again: 'Test again',
    againNote: 'a second positive test: the posterior becomes the prior',
    last: `(at most ${MAX_TESTS} tests)`,
    odds: (a: string, lr: string, b: string) => `odds  ${a} × LR ${lr} = ${b}`,
    logOdds: (a: string, l: string, b: string) => `log-odds  ${a} + ${l} = ${b}`,
    oddsAxis: 'log-odds ln(P / (1 − P))',
    start: 'prior',
    test: (i: number) => `test ${i}`,
    reading: 'Which topic wrote it? Naive Bayes, word by word',
    prior: 'prior',
  },
  'zh-TW': {
    k0: (ill: number) => `尚未檢驗：${PEOPLE} 人之中有 ${ill} 人患病。`,
    nat: (tp: number, pos: number, k: number) =>
      `第 ${k} 次檢驗：${pos} 位陽性的人之中，只有 ${tp} 位真的患病。`,
    post: (p: string) => `P(患病 | +) = ${p}`,
    ill: '患病',
    healthy: '健康',
    tp: '患病、陽性',
    fn: '患病、陰性',
    fp: '健康、陽性',
    tn: '健康、陰性',
    again: '再檢驗一次',
    againNote: '再一次陽性：後驗機率成為新的先驗機率',
    last: `（最多 ${MAX_TESTS} 次）`,
    odds: (a: string, lr: string, b: string) => `勝算  ${a} × 似然比 ${lr} = ${b}`,
    logOdds: (a: string, l: string, b: string) => `對數勝算  ${a} + ${l} = ${b}`,
    oddsAxis: '對數勝算 ln(P / (1 − P))',
    start: '先驗',
    test: (i: number) => `第 ${i} 次`,
    reading: '這句話是哪個主題寫的？單純貝氏，逐字更新',
    prior: '先驗',
  },
} as const;

type Words = (typeof WORDS)[Lang];
type Hl = (name: string) => string;

/** A percentage with one decimal (two below 1%). */
export function percent(p: number, lang: Lang = 'en'): string {
  const v = p * 100;
  return `${formatFixed(v, v < 1 ? 2 : 1, lang)}%`;
}

/** Odds p / (1 − p) written as "1 : 99" (or "9.2 : 1" when above even). */
export function oddsText(o: number, lang: Lang = 'en'): string {
  const digits = (v: number) => (v >= 100 ? 0 : v >= 10 ? 1 : 2);
  if (o >= 1) return `${formatFixed(o, digits(o), lang)} : 1`;
  const inv = 1 / o;
  return `1 : ${formatFixed(inv, digits(inv), lang)}`;
}

/** A readout split after its colon when it is wider than `width` in the plots' 14px bold font. */
export function splitReadout(text: string, width: number): string[] {
  if (measureText(text, READOUT_FONT) <= width) return [text];
  const m = /^(.*?[:：])\s*(.*)$/.exec(text);
  return m ? [m[1], m[2]] : [text];
}

type Category = 'tp' | 'fn' | 'fp' | 'tn';

/** The icons of each category as one path of squares, filled column by column in the order tp, fn, fp, tn. */
export function iconPaths(counts: Counts, cell: number, tested: boolean): Record<Category, string> {
  const order: [Category, number][] = tested
    ? [
        ['tp', counts.truePos],
        ['fn', counts.falseNeg],
        ['fp', counts.falsePos],
        ['tn', counts.trueNeg],
      ]
    : [
        ['tp', counts.ill],
        ['fn', 0],
        ['fp', 0],
        ['tn', PEOPLE - counts.ill],
      ];
  const size = Math.max(1, cell - 2);
  const out: Record<Category, string> = { tp: '', fn: '', fp: '', tn: '' };
  let i = 0;
  for (const [cat, count] of order) {
    const parts: string[] = [];
    for (let c = 0; c < count; c++, i++) {
      const col = Math.floor(i / ROWS);
      const row = i % ROWS;
      parts.push(`M${col * cell + 1},${row * cell + 1}h${size}v${size}h${-size}z`);
    }
    out[cat] = parts.join('');
  }
  return out;
}

/** The 1000 people split by illness and test result at the current test. */
function IconPanel({ r, width, w, hl }: { r: BayesResult; width: number; w: Words; hl: Hl }) {
  const inner = width - ICON_MARGIN.left - ICON_MARGIN.right;
  const cell = Math.max(4, Math.min(12, Math.floor(inner / COLS)));
  const gridW = cell * COLS;
  const tested = r.k > 0;
  const c = r.counts;
  const items = tested
    ? [
        { cat: 'tp' as const, label: `${w.tp} ${c.truePos}` },
        { cat: 'fn' as const, label: `${w.fn} ${c.falseNeg}` },
        { cat: 'fp' as const, label: `${w.fp} ${c.falsePos}` },
        { cat: 'tn' as const, label: `${w.tn} ${c.trueNeg}` },
      ]
    : [
        { cat: 'tp' as const, label: `${w.ill} ${c.ill}` },
        { cat: 'tn' as const, label: `${w.healthy} ${PEOPLE - c.ill}` },
      ];
  const legend = legendLayout(
    items.map((it) => ({ label: it.label, tone: 'sym1' as const })),
    inner,
    LEGEND_FONT,
    LEGEND,
  );
  const head = splitReadout(tested ? w.nat(c.truePos, c.positive, r.k) : w.k0(c.ill), width - 16);
  const extra = (legend.rows - 1) * LEGEND.rowHeight + (head.length - 1) * 18;
  const margin = { ...ICON_MARGIN, top: ICON_MARGIN.top + extra };
  const height = margin.top + cell * ROWS + margin.bottom;
  const paths = useMemo(() => iconPaths(c, cell, tested), [c, cell, tested]);
  const x0 = Math.max(0, (inner - gridW) / 2);
  return (
    <PlotFrame width={width} height={height} margin={margin} className="bayes-plot bayes-icons">
      <text className="plot-readout readout-main" x={0} y={-56 - extra}>
        {head.map((line, i) => (
          <tspan key={i} x={0} dy={i === 0 ? 0 : 18}>
            {line}
          </tspan>
        ))}
      </text>
      <text
        className={`plot-readout sym-4 readout-sym${hl('tests')}`}
        x={0}
        y={-38 - (legend.rows - 1) * LEGEND.rowHeight}
      >
        {tested
          ? `${w.post(percent(r.belief))}  (${w.test(r.k)})`
          : `P(${w.ill}) = ${percent(r.current)}`}
      </text>
      <g
        className="legend"
        transform={`translate(0,${-18 - (legend.rows - 1) * LEGEND.rowHeight})`}
      >
        {/* placed by x and y, not a transform a tick would change (see ChunkBounds) */}
        {legend.items.map((it, i) => (
          <g key={items[i].cat}>
            <rect
              className={`icon icon-${items[i].cat}`}
              x={it.x}
              y={it.row * LEGEND.rowHeight - 10}
              width={12}
              height={12}
            />
            <text x={it.x + LEGEND.swatch + LEGEND.gap} y={it.row * LEGEND.rowHeight}>
              {it.text}
            </text>
          </g>
        ))}
      </g>
      <ChunkBounds />
      <g transform={`translate(${x0},0)`}>
        <path className={`icon icon-tp${hl('prior')}`} d={paths.tp} />
        <path className="icon icon-fn" d={paths.fn} />
        <path className={`icon icon-fp${hl('fpr')}`} d={paths.fp} />
        <path className="icon icon-tn" d={paths.tn} />
      </g>
    </PlotFrame>
  );
}

/** The log-odds walk: each positive test adds ln LR, a row per test; the odds form above it. */
function OddsPanel({
  r,
  width,
  w,
  lang,
  hl,
}: {
  r: BayesResult;
  width: number;
  w: Words;
  lang: Lang;
  hl: Hl;
}) {
  const height = ODDS_MARGIN.top + ODDS_ROW * (MAX_TESTS + 1) + ODDS_MARGIN.bottom;
  const { innerWidth } = innerSize(width, height, ODDS_MARGIN);
  const los = [r.steps[0].priorLogOdds, ...r.steps.map((s) => s.posteriorLogOdds)];
  const lo = Math.floor(Math.min(-1, ...los) - 0.5);
  const hi = Math.ceil(Math.max(1, ...los) + 0.5);
  const x = useMemo(
    () => scaleLinear().domain([lo, hi]).range([0, innerWidth]),
    [lo, hi, innerWidth],
  );
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([MAX_TESTS + 0.5, -0.5])
        .range([ODDS_ROW * (MAX_TESTS + 1), 0]),
    [],
  );
  const s = r.k > 0 ? r.steps[r.k - 1] : null;
  const f = (v: number) => formatFixed(v, 2, lang);
  return (
    <PlotFrame
      width={width}
      height={height}
      margin={ODDS_MARGIN}
      className="bayes-plot bayes-odds"
      x={x}
      y={y}
    >
      <text className="plot-readout" x={-ODDS_MARGIN.left + 8} y={-34}>
        {s
          ? w.odds(oddsText(s.priorOdds, lang), f(r.lr), oddsText(s.posteriorOdds, lang))
          : w.odds(oddsText(r.steps[0].priorOdds, lang), f(r.lr), '…')}
      </text>
      <text className="plot-readout" x={-ODDS_MARGIN.left + 8} y={-16}>
        {s
          ? w.logOdds(f(s.priorLogOdds), f(r.logLr), f(s.posteriorLogOdds))
          : w.logOdds(f(r.steps[0].priorLogOdds), f(r.logLr), '…')}
      </text>
      <AxisBottom
        label={w.oddsAxis}
        ticks={Math.max(2, Math.min(10, hi - lo, Math.floor(innerWidth / 36)))}
        grid
      />
      <line className="even-line" x1={x(0)} x2={x(0)} y1={0} y2={ODDS_ROW * (MAX_TESTS + 1)} />
      <ChunkBounds />
      {los.map((v, i) => (
        <g
          key={i}
          className={`odds-row${i <= r.k ? ' is-done' : ''}${i === r.k ? ' is-current' : ''}`}
        >
          <text className="row-label" x={-8} y={y(i)} dy="0.32em" textAnchor="end">
            {i === 0 ? w.start : w.test(i)}
          </text>
          {i > 0 && <Arrow tail={[los[i - 1], i]} head={[v, i]} tone="sym2" headSize={9} />}
          <Point x={v} y={i} tone={i === 0 ? 'sym1' : 'sym4'} r={i === r.k ? 6 : 4} />
          <text
            className={`row-value plot-halo${i === r.k ? hl('tests') : ''}`}
            x={x(v) + (x(v) > innerWidth - 60 ? -10 : 10)}
            y={y(i)}
            dy="0.32em"
            textAnchor={x(v) > innerWidth - 60 ? 'end' : 'start'}
          >
            {percent(i === 0 ? r.steps[0].prior : r.steps[i - 1].posterior, lang)}
          </text>
        </g>
      ))}
    </PlotFrame>
  );
}

/** The posterior over topics after each word of the sentence, one stacked bar per prefix. */
function TopicPanel({
  r,
  width,
  w,
  lang,
  hl,
}: {
  r: BayesResult;
  width: number;
  w: Words;
  lang: Lang;
  hl: Hl;
}) {
  const steps = r.topics[lang];
  const height = TOPIC_MARGIN.top + TOPIC_ROW * steps.length + TOPIC_MARGIN.bottom;
  const { innerWidth } = innerSize(width, height, TOPIC_MARGIN);
  const topics = TOPICS[lang];
  const legend = legendLayout(
    topics.map((t) => ({ label: t, tone: 'sym6' as const })),
    innerWidth,
    LEGEND_FONT,
    LEGEND,
  );
  return (
    <PlotFrame
      width={width}
      height={height}
      margin={TOPIC_MARGIN}
      className="bayes-plot bayes-topics"
    >
      <text className={`plot-readout${hl('sentence')}`} x={-TOPIC_MARGIN.left + 8} y={-30}>
        {w.reading}
      </text>
      <g className="legend" transform="translate(0,-10)">
        {legend.items.map((it, i) => (
          <g key={i} transform={`translate(${it.x},0)`}>
            <rect className={`topic topic-${i}`} x={0} y={-10} width={12} height={12} />
            <text x={LEGEND.swatch + LEGEND.gap} y={0}>
              {it.text}
            </text>
          </g>
        ))}
      </g>
      <ChunkBounds />
      {steps.map((st, row) => {
        let acc = 0;
        const y0 = row * TOPIC_ROW + 4;
        return (
          <g key={row} className="topic-row">
            <text
              className={`row-label sym-5${row > 0 ? hl('sentence') : ''}`}
              x={-8}
              y={y0 + 10}
              dy="0.32em"
              textAnchor="end"
            >
              {st.word === null ? w.prior : `+ ${st.word}`}
            </text>
            {st.posterior.map((p, t) => {
              const x = acc * innerWidth;
              const segW = p * innerWidth;
              acc += p;
              const label = percent(p, lang);
              return (
                <g key={t}>
                  <rect
                    className={`topic topic-${t}`}
                    x={x}
                    y={y0}
                    width={segW}
                    height={TOPIC_ROW - 8}
                  />
                  {segW >= Math.max(LABEL_MIN, measureText(label, LEGEND_FONT) + 6) && (
                    <text
                      className="topic-label"
                      x={x + segW / 2}
                      y={y0 + 10}
                      dy="0.32em"
                      textAnchor="middle"
                    >
                      {label}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
    </PlotFrame>
  );
}

/** The Bayes card: the icon array, the odds walk and the language reading, with "test again". */
export function BayesPlot({
  result,
  lang,
  highlight,
  setValue,
}: PlotProps<BayesResult, BayesValues>) {
  const w = WORDS[lang];
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(boxRef, WIDTH);
  useMeasureText(); // drawn again once measured: the panels measure legends and readouts
  const hl: Hl = (name) => (highlight === name ? ' is-highlighted' : '');
  const atEnd = result.k >= MAX_TESTS;
  return (
    <div className="bayes-plot-box" ref={boxRef}>
      <IconPanel r={result} width={width} w={w} hl={hl} />
      <p className="bayes-again">
        <button
          type="button"
          className="button bayes-again-button"
          disabled={atEnd}
          onClick={() => setValue('tests', Math.min(MAX_TESTS, result.k + 1))}
        >
          {w.again}
        </button>{' '}
        <span>{atEnd ? w.last : w.againNote}</span>
      </p>
      <OddsPanel r={result} width={width} w={w} lang={lang} hl={hl} />
      <TopicPanel r={result} width={width} w={w} lang={lang} hl={hl} />
    </div>
  );
}
