import { scaleLinear } from 'd3-scale';
import { useMemo, useRef } from 'react';
import { AxisLeft } from '../../plots/Axes';
import { barBand, barCentre } from '../../plots/BarChart';
import { formatFixed } from '../../plots/formatNumber';
import { Histogram, categoryDomain } from '../../plots/Histogram';
import { PLOT_FONT, measureText, useMeasureText } from '../../plots/measureText';
import { ChunkBounds, PlotFrame, innerSize } from '../../plots/PlotFrame';
import type { Margin } from '../../plots/PlotFrame';
import { usePlotSize } from '../../plots/usePlotSize';
import type { Lang, PlotProps } from '../../ui/card/types';
import { joinWords } from './bigrams';
import { MAX_DRAWS, MAX_WORDS, PROMPT, TOKENS } from './model';
import type { NextTokenResult, NextTokenValues, StageInfo } from './model';
import './next-token.css';

const WIDTH = { fallback: 640, min: 300, max: 760 };
const ROW_H = 46;
const ROW_GAP = 12;
const STAGES = 5;
const PIPE_MARGIN: Margin = { top: 30, right: 12, bottom: 20, left: 112 };
const HIST_HEIGHT = 266;
const HIST_MARGIN: Margin = { top: 56, right: 12, bottom: 20, left: 56 };
/** Height of the token labels under a panel: level, or turned when they do not fit. */
const LABELS_FLAT = 22;
const LABELS_TURNED = 62;
const LABEL_FONT = PLOT_FONT.replace(/\d+(\.\d+)?px/, '12px');

const WORDS = {
  en: {
    stage: ['logits z', 'z / T', 'softmax', 'top-k', 'top-p'],
    off: 'off',
    info: (s: StageInfo) => `H ${formatFixed(s.entropy, 2)} · PPL ${formatFixed(s.perplexity, 1)}`,
    prompt: (p: string) => `“${p}”`,
    cut: 'cut',
    hist: (n: number, seed: number) =>
      n === 0 ? 'No tokens sampled yet' : `${n.toLocaleString('en')} tokens sampled (seed ${seed})`,
    gap: (g: string) => `largest gap from p: ${g}`,
    share: 'share of draws',
    expected: 'dots: probability p',
    greedy: (t: string) => `greedy picks “${t}” every time`,
    sample: (k: number) => `Sample ${k.toLocaleString('en')}`,
    clear: 'Clear',
    full: `(at most ${MAX_DRAWS.toLocaleString('en')})`,
    gen: 'Generating text with the same sampler',
    next: 'Next word',
    restart: 'Start over',
    empty: 'No words yet: press Next word.',
    ended: 'the sentence is finished',
    chain: (terms: string, prod: string) => `P(sentence) = ${terms} = ${prod}`,
    logp: (s: string, n: number, ppl: string) =>
      `Σ ln P = ${s} nats over ${n} words; perplexity ${ppl}`,
  },
  'zh-TW': {
    stage: ['logits z', 'z / T', 'Softmax', 'top-k', 'top-p'],
    off: '關閉',
    info: (s: StageInfo) =>
      `H ${formatFixed(s.entropy, 2)} · 困惑度 ${formatFixed(s.perplexity, 1)}`,
    prompt: (p: string) => `「${p}」`,
    cut: '刪去',
    hist: (n: number, seed: number) =>
      n === 0 ? '尚未抽樣' : `已抽出 ${n.toLocaleString('zh-TW')} 個詞元（種子 ${seed}）`,
    gap: (g: string) => `與 p 的最大差距：${g}`,
    share: '抽樣中的比例',
    expected: '圓點：機率 p',
    greedy: (t: string) => `貪婪解碼每次都選「${t}」`,
    sample: (k: number) => `抽 ${k.toLocaleString('zh-TW')} 個`,
    clear: '清除',
    full: `（最多 ${MAX_DRAWS.toLocaleString('zh-TW')} 個）`,
    gen: '用同一個抽樣器生成文字',
    next: '下一個詞',
    restart: '重新開始',
    empty: '還沒有詞：按「下一個詞」。',
    ended: '句子已經結束',
    chain: (terms: string, prod: string) => `P(句子) = ${terms} = ${prod}`,
    logp: (s: string, n: number, ppl: string) => `Σ ln P = ${s} nats，共 ${n} 個詞；困惑度 ${ppl}`,
  },
} as const;

type Words = (typeof WORDS)[Lang];

/** Whether token labels lie level under bars `step` px apart, or must be turned. */
function labelsFit(labels: readonly string[], step: number): boolean {
  return labels.every((t) => measureText(t, LABEL_FONT) + 6 <= step);
}

/** Token labels under a row of bars, level or turned 45°. */
function TokenLabels({
  labels,
  centre,
  y,
  flat,
}: {
  labels: readonly string[];
  centre: (i: number) => number;
  y: number;
  flat: boolean;
}) {
  return (
    <g className="token-labels">
      {labels.map((t, i) =>
        flat ? (
          <text key={i} x={centre(i)} y={y + 14} textAnchor="middle">
            {t}
          </text>
        ) : (
          <text
            key={i}
            x={0}
            y={0}
            transform={`translate(${centre(i)},${y + 10}) rotate(-45)`}
            textAnchor="end"
            dy="0.32em"
          >
            {t}
          </text>
        ),
      )}
    </g>
  );
}

/** The five stages of the sampler as rows of bars over the same tokens; cut tokens greyed. */
function PipelinePanel({
  r,
  values,
  width,
  w,
  labels,
  lang,
  hl,
}: {
  r: NextTokenResult;
  values: NextTokenValues;
  width: number;
  w: Words;
  labels: readonly string[];
  lang: Lang;
  hl: (name: string) => string;
}) {
  const innerWidth = width - PIPE_MARGIN.left - PIPE_MARGIN.right;
  const band = useMemo(() => barBand(labels.length, innerWidth), [labels.length, innerWidth]);
  const flat = labelsFit(labels, band.step());
  const rowsH = STAGES * ROW_H + (STAGES - 1) * ROW_GAP;
  const margin = {
    ...PIPE_MARGIN,
    bottom: PIPE_MARGIN.bottom + (flat ? LABELS_FLAT : LABELS_TURNED),
  };
  const height = margin.top + rowsH + margin.bottom;
  const { pipe, stages } = r;
  const pMax = Math.max(...pipe.softmax, ...pipe.afterK, ...pipe.afterP, 1e-9);
  const signed = (xs: readonly number[]) => {
    const lo = Math.min(0, ...xs);
    const hi = Math.max(0, ...xs);
    return hi - lo > 0 ? { lo, hi } : { lo: -1, hi: 1 };
  };
  const rows: {
    name: string;
    slot: number;
    vals: readonly number[];
    ghost?: readonly number[];
    cut?: readonly boolean[];
    info?: StageInfo;
    note?: string;
    signedRange?: { lo: number; hi: number };
    off?: boolean;
    param?: string;
  }[] = [
    { name: w.stage[0], slot: 1, vals: pipe.logits, signedRange: signed(pipe.logits), param: 'z' },
    {
      name: w.stage[1],
      note: `T = ${formatFixed(values.T, 2, lang)}`,
      slot: 2,
      vals: pipe.scaled,
      signedRange: signed(pipe.scaled),
      param: 'T',
    },
    { name: w.stage[2], slot: 2, vals: pipe.softmax, info: stages.softmax, param: 'T' },
    {
      name: values.useK ? `${w.stage[3]}, k = ${pipe.k}` : `${w.stage[3]} (${w.off})`,
      slot: 3,
      vals: pipe.afterK,
      ghost: pipe.softmax,
      cut: r.cutK,
      info: stages.afterK,
      off: !values.useK,
      param: 'k',
    },
    {
      name: values.useP
        ? `${w.stage[4]}, p = ${formatFixed(values.p, 2, lang)}`
        : `${w.stage[4]} (${w.off})`,
      slot: 4,
      vals: pipe.afterP,
      ghost: pipe.softmax,
      cut: pipe.afterP.map((x, i) => x === 0 && pipe.softmax[i] > 0),
      info: stages.afterP,
      off: !values.useP,
      param: 'p',
    },
  ];
  const bw = band.bandwidth();
  return (
    <PlotFrame width={width} height={height} margin={margin} className="next-token-plot pipeline">
      <text className="prompt" x={-margin.left + 8} y={-12}>
        {w.prompt(PROMPT[lang])}
      </text>
      <ChunkBounds />
      {rows.map((row, ri) => {
        const top = ri * (ROW_H + ROW_GAP);
        let y: (v: number) => number;
        let base: number;
        if (row.signedRange) {
          const { lo, hi } = row.signedRange;
          const s = scaleLinear()
            .domain([lo, hi])
            .range([top + ROW_H, top]);
          y = (v) => s(v);
          base = s(0);
        } else {
          const s = scaleLinear()
            .domain([0, pMax])
            .range([top + ROW_H, top]);
          y = (v) => s(v);
          base = top + ROW_H;
        }
        return (
          <g
            key={ri}
            className={`stage stage-${ri} sym-${row.slot}${row.off ? ' is-off' : ''}${row.param ? hl(row.param) : ''}`}
          >
            <text className="stage-name" x={-8} y={top + 14} textAnchor="end">
              {row.name}
            </text>
            {(row.info || row.note) && (
              <text className="stage-info" x={-8} y={top + 30} textAnchor="end">
                {row.info ? w.info(row.info) : row.note}
              </text>
            )}
            <line className="stage-base" x1={0} x2={innerWidth} y1={base} y2={base} />
            {row.vals.map((v, i) => {
              const x = band(i) ?? 0;
              const isCut = row.cut?.[i] ?? false;
              const shown = isCut ? (row.ghost?.[i] ?? 0) : v;
              const yv = y(shown);
              return (
                <rect
                  key={i}
                  className={`stage-bar${isCut ? ' is-cut' : ''}${i === pipe.argmax ? ' is-top' : ''}`}
                  x={x}
                  y={Math.min(yv, base)}
                  width={bw}
                  height={Math.max(0.5, Math.abs(base - yv))}
                  data-index={i}
                />
              );
            })}
            {row.cut?.map((c, i) =>
              c ? (
                <text
                  key={`c${i}`}
                  className="cut-label"
                  x={barCentre(band, i)}
                  y={top + ROW_H + 10}
                  textAnchor="middle"
                >
                  ×
                </text>
              ) : null,
            )}
          </g>
        );
      })}
      <TokenLabels labels={labels} centre={(i) => barCentre(band, i)} y={rowsH + 4} flat={flat} />
    </PlotFrame>
  );
}

/** The running histogram of the seeded draws against the probabilities they are drawn from. */
function SamplePanel({
  r,
  width,
  w,
  labels,
  lang,
}: {
  r: NextTokenResult;
  width: number;
  w: Words;
  labels: readonly string[];
  lang: Lang;
}) {
  const innerW = width - HIST_MARGIN.left - HIST_MARGIN.right;
  const step = innerW / labels.length;
  const flat = labelsFit(labels, step);
  const margin = {
    ...HIST_MARGIN,
    bottom: HIST_MARGIN.bottom + (flat ? LABELS_FLAT : LABELS_TURNED),
  };
  const height = HIST_HEIGHT + (flat ? LABELS_FLAT : LABELS_TURNED);
  const { innerHeight } = innerSize(width, height, margin);
  const shares = r.draws > 0 ? r.counts.map((c) => c / r.draws) : [];
  const top = Math.min(1, Math.max(0.1, ...r.pipe.final, ...shares) * 1.12);
  const domain = useMemo(() => categoryDomain(labels.length), [labels.length]);
  const x = scaleLinear().domain(domain).range([0, innerW]);
  return (
    <PlotFrame
      width={width}
      height={height}
      margin={margin}
      className="next-token-plot sampling"
      x={{ domain }}
      y={{ domain: [0, top] }}
    >
      <text className="plot-readout readout-main" x={-margin.left + 8} y={-38}>
        {w.hist(r.draws, r.seed)}
      </text>
      <text className="plot-readout" x={-margin.left + 8} y={-22}>
        {r.draws > 0 ? w.gap(formatFixed(r.maxGap, 3, lang)) : ''}
      </text>
      <text className="plot-readout" x={-margin.left + 8} y={-6}>
        {`${w.expected}${r.pipe.final[r.pipe.argmax] === 1 ? ` · ${w.greedy(labels[r.pipe.argmax])}` : ''}`}
      </text>
      <AxisLeft label={w.share} ticks={4} grid />
      <line className="axis-line" x1={0} x2={innerW} y1={innerHeight} y2={innerHeight} />
      <ChunkBounds />
      <Histogram counts={r.counts} normalize="frequency" expected={r.pipe.final} tone="sym6" />
      <TokenLabels labels={labels} centre={(i) => x(i)} y={innerHeight} flat={flat} />
    </PlotFrame>
  );
}

/** The sentence generated word by word, each word with its probability, and the chain rule. */
function Generation({
  r,
  values,
  w,
  lang,
  setValue,
  hl,
}: {
  r: NextTokenResult;
  values: NextTokenValues;
  w: Words;
  lang: Lang;
  setValue: PlotProps<NextTokenResult, NextTokenValues>['setValue'];
  hl: (name: string) => string;
}) {
  const gen = r.sentence[lang];
  const done = gen.ended || values.g >= MAX_WORDS;
  const terms = gen.words.map((x) => formatFixed(x.prob, 2, lang)).join(' × ');
  const ppl = gen.words.length > 0 ? Math.exp(-gen.logProb / gen.words.length) : 1;
  return (
    <section className={`next-token-gen${hl('g')}`} aria-label={w.gen}>
      <h3 className="next-token-gen-title">{w.gen}</h3>
      {/* the sentence grows on a tick of m: a box of its own size, laid out on its own, so
          the tick never lays out the page from its root */}
      <div className="next-token-gen-body">
        <p className="next-token-sentence" lang={lang}>
          {gen.words.length === 0 ? (
            <span className="gen-empty">{w.empty}</span>
          ) : (
            gen.words.map((x, i) => (
              <span key={i} className="gen-word">
                <span className="gen-text">{joinWords(lang, [x.word])}</span>
                <span className="gen-prob">{formatFixed(x.prob, 2, lang)}</span>
              </span>
            ))
          )}
        </p>
        {gen.words.length > 0 && (
          <p className="next-token-chain">
            {w.chain(terms, formatFixed(gen.prob, gen.prob < 0.001 ? 6 : 4, lang))}
            <br />
            {w.logp(formatFixed(gen.logProb, 2, lang), gen.words.length, formatFixed(ppl, 2, lang))}
          </p>
        )}
        <p className="next-token-buttons">
          <button
            type="button"
            className="button"
            disabled={done}
            onClick={() => setValue('g', Math.min(MAX_WORDS, values.g + 1))}
          >
            {w.next}
          </button>{' '}
          <button
            type="button"
            className="button"
            disabled={values.g === 0}
            onClick={() => setValue('g', 0)}
          >
            {w.restart}
          </button>{' '}
          {gen.ended && <span className="gen-ended">{w.ended}</span>}
        </p>
      </div>
    </section>
  );
}

/** The next-token card: the sampling pipeline, the seeded sampler's histogram, generated text. */
export function NextTokenPlot({
  values,
  result,
  lang,
  highlight,
  setValue,
}: PlotProps<NextTokenResult, NextTokenValues>) {
  const w = WORDS[lang];
  const labels = TOKENS[lang];
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(boxRef, WIDTH);
  useMeasureText(); // drawn again once measured: the panels measure their token labels
  const hl = (name: string) => (highlight === name ? ' is-highlighted' : '');
  const add = (k: number) => setValue('n', Math.min(MAX_DRAWS, values.n + k));
  const full = values.n >= MAX_DRAWS;
  return (
    <div className="next-token-plot-box" ref={boxRef}>
      <PipelinePanel
        r={result}
        values={values}
        width={width}
        w={w}
        labels={labels}
        lang={lang}
        hl={hl}
      />
      <p className="next-token-buttons">
        {[1, 100, 1000].map((k) => (
          <button key={k} type="button" className="button" disabled={full} onClick={() => add(k)}>
            {w.sample(k)}
          </button>
        ))}{' '}
        <button type="button" className="button" onClick={() => setValue('n', 0)}>
          {w.clear}
        </button>{' '}
        {full && <span>{w.full}</span>}
      </p>
      <SamplePanel r={result} width={width} w={w} labels={labels} lang={lang} />
      <Generation r={result} values={values} w={w} lang={lang} setValue={setValue} hl={hl} />
    </div>
  );
}
