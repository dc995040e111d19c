import { formatNumber } from '../../plots/formatNumber';
import { sym } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { texFactor, texSig } from '../optimization/tex';
import { LearningRatePlot } from './LearningRatePlot';
import { PARAMS, computeLr } from './model';
import type { LrResult, LrValues } from './model';
import { TEXT } from './text';
import { LR_WORDS } from './words';
import { lrCode } from './code';

const SLOTS = [1, 2, 5] as const;
const TH = (i: string) => sym(3, `\\theta_{${i}}`);
const ETA = sym(2, '\\eta');
const L = sym(4, 'L');

/** One step on the quadratic Lθ²/2, and the stability condition. */
const TEX = `\\begin{aligned} ${TH('k+1')} &= ${TH('k')} - ${ETA}_k\\, ${L}\\,${TH('k')} \\\\ &= (1 - ${ETA}_k ${L})\\,${TH('k')} \\\\ |1 - ${ETA} ${L}| < 1 &\\iff ${ETA} < \\tfrac{2}{${L}} \\end{aligned}`;

function worked(r: LrResult): string {
  const lines = r.runs.map((run) => {
    const slot = SLOTS[run.index - 1];
    const e = sym(slot, `\\eta_{${run.index}}`);
    const q = `1 - ${sym(slot, texSig(run.rateK))} \\cdot ${sym(4, texSig(r.L))} = ${texSig(run.factorK)}`;
    const next = run.next === null ? '\\infty' : texSig(run.next);
    return `${e}: \\ ${q} &\\Rightarrow\\ ${TH(String(run.k + 1))} = ${texFactor(run.factorK)} \\cdot ${texFactor(run.theta)} = ${next}`;
  });
  lines.push(
    `\\tfrac{1}{${L}} = ${texSig(r.oscillation)}, \\quad \\tfrac{2}{${L}} &= ${texSig(r.threshold)}`,
  );
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

const WORDS = bilingual({
  en: {
    sep: '; ',
    summary: (L: string, t: string, runs: string) =>
      `Gradient descent on the quadratic of curvature L = ${L} at three learning rates, threshold 2/L = ${t}: ${runs}.`,
    run: (i: number, eta: string, what: string, k: number, th: string, gap: string) =>
      `η${'₁₂₃'[i - 1]} = ${eta} (${what}) at step ${k}: θ = ${th}, loss ${gap}`,
    schedule: (name: string) => ` Schedule: ${name}.`,
    caption: 'θ and the loss of the three runs at every step, with the scheduled rates',
    columns: [
      'step k',
      'η₁,k',
      'θ (η₁)',
      'loss (η₁)',
      'η₂,k',
      'θ (η₂)',
      'loss (η₂)',
      'η₃,k',
      'θ (η₃)',
      'loss (η₃)',
    ],
    stopped: '—',
  },
  'zh-TW': {
    sep: '；',
    summary: (L, t, runs) =>
      `在曲率 L = ${L} 的二次函數上，以三個學習率做梯度下降，門檻 2/L = ${t}：${runs}。`,
    run: (i, eta, what, k, th, gap) =>
      `η${'₁₂₃'[i - 1]} = ${eta}（${what}）第 ${k} 步：θ = ${th}，損失 ${gap}`,
    schedule: (name) => `排程：${name}。`,
    caption: '三組執行每一步的 θ、損失與排程後的學習率',
    columns: [
      '步數 k',
      'η₁,k',
      'θ（η₁）',
      '損失（η₁）',
      'η₂,k',
      'θ（η₂）',
      '損失（η₂）',
      'η₃,k',
      'θ（η₃）',
      '損失（η₃）',
    ],
    stopped: '—',
  },
});

const num = (x: number, lang: Lang) =>
  formatNumber(x, { digits: 3, notation: 'significant', lang });

function summary(values: LrValues, r: LrResult, lang: Lang): string {
  const w = WORDS[lang];
  const lw = LR_WORDS[lang];
  const runs = r.runs
    .map((run) =>
      w.run(
        run.index,
        num(run.lr, lang),
        lw.regime[run.regime],
        run.k,
        num(run.theta, lang),
        num(run.gaps[run.k], lang),
      ),
    )
    .join(w.sep);
  const sched = PARAMS[5].options[Math.round(values.sched)]?.label[lang] ?? '';
  let text = w.summary(num(r.L, lang), num(r.threshold, lang), runs);
  if (r.config) text += w.schedule(sched);
  const diverged = r.runs.find((run) => run.run.status === 'diverged');
  if (diverged)
    text += ` ${r.config ? lw.whySchedule(diverged, lang, r.L) : lw.why(diverged, lang, r.L)}`;
  return text;
}

const cell = (x: number) => Number(x.toPrecision(6));

function table(values: LrValues, r: LrResult, lang: Lang): DataTable {
  const w = WORDS[lang];
  const n = Math.round(values.n);
  return {
    caption: w.caption,
    columns: w.columns,
    rows: Array.from({ length: n + 1 }, (_, k) => [
      k,
      ...r.runs.flatMap((run) => {
        const rate = k < n ? cell(run.rates[k]) : w.stopped;
        return k < run.run.points.length
          ? [rate, cell(run.run.points[k][0]), cell(run.gaps[k])]
          : [rate, w.stopped, w.stopped];
      }),
    ]),
  };
}

/** Too small, about right and too large on L = 2 for 40 steps at a constant rate: what the presets vary. */
const THREE_RATES = { L: 2, lr1: 0.05, lr2: 0.4, lr3: 1.05, sched: 0, n: 40, k: 40 } as const;

export default defineFormula({
  id: 'learning-rate',
  tex: TEX,
  params: PARAMS,
  compute: computeLr,
  worked: (_values, r) => worked(r),
  Plot: LearningRatePlot,
  interactivePlot: true,
  summary,
  table,
  presets: [
    {
      id: 'three-regimes',
      label: { en: 'too small, about right, too large', 'zh-TW': '太小、剛好、太大' },
      values: THREE_RATES,
      note: {
        en: 'With L = 2 the limit is 2/L = 1. η₁ = 0.05 removes only 10% of the distance a step; η₂ = 0.4 removes 80%; η₃ = 1.05 multiplies it by −1.1 and the run grows.',
        'zh-TW':
          'L = 2 時上限是 2/L = 1。η₁ = 0.05 每步只縮短 10% 的距離；η₂ = 0.4 縮短 80%；η₃ = 1.05 則把距離乘上 −1.1，越走越遠。',
      },
    },
    {
      id: 'oscillates',
      label: { en: 'oscillates past 1/L', 'zh-TW': '超過 1/L 開始震盪' },
      values: { ...THREE_RATES, lr1: 0.3, lr2: 0.5, lr3: 0.8, n: 30, k: 30 },
      note: {
        en: 'η₂ = 1/L lands on the minimum in one step. η₁ below it slides in from one side; η₃ above it overshoots and flips side every step, yet still converges because 0.8 < 2/L.',
        'zh-TW':
          'η₂ = 1/L 一步就落在最小值上。比它小的 η₁ 從同一側滑進去；比它大的 η₃ 每一步都衝過頭、換邊，但因為 0.8 < 2/L，仍然會收斂。',
      },
    },
    {
      id: 'on-the-edge',
      label: { en: 'on the edge: η = 2/L', 'zh-TW': '剛好在邊界：η = 2/L' },
      values: { ...THREE_RATES, lr1: 0.9, lr2: 1, lr3: 1.1, n: 60, k: 60 },
      note: {
        en: 'Just below, on and just above the limit: η₂ = 2/L bounces between ±θ₀ for ever, a flat line on the loss chart, with a converging run below it and a diverging one above.',
        'zh-TW':
          '略低於、剛好等於、略高於上限：η₂ = 2/L 在 ±θ₀ 之間永遠彈跳，損失圖上是一條水平線；它下方那組收斂，上方那組發散。',
      },
    },
    {
      id: 'steeper',
      label: { en: 'a steeper curve', 'zh-TW': '更陡的曲線' },
      values: { ...THREE_RATES, L: 8 },
      note: {
        en: 'The same three rates on a curvature of 8: the limit drops to 2/L = 0.25, so η₂ = 0.4, comfortable before, now diverges too, and η₁ = 0.05 has become the good one.',
        'zh-TW':
          '同樣三個學習率放到曲率 8 上：上限降到 2/L = 0.25，原本舒服的 η₂ = 0.4 也發散了，η₁ = 0.05 反而變成最好的。',
      },
    },
    {
      id: 'step-decay',
      label: { en: 'step decay rescues a large rate', 'zh-TW': '階梯衰減救回過大的學習率' },
      values: { ...THREE_RATES, sched: 1, gamma: 0.5, s: 10 },
      note: {
        en: 'η₃ = 1.05 swings out for ten steps; then the rate halves to 0.525, below 2/L = 1, and the run comes back. The slow η₁ only gets slower.',
        'zh-TW':
          'η₃ = 1.05 先向外擺盪十步；接著學習率減半成 0.525，低於 2/L = 1，執行就回來了。原本就慢的 η₁ 只會更慢。',
      },
    },
    {
      id: 'warmup-cosine',
      label: { en: 'warm-up, then cosine', 'zh-TW': '暖身後接餘弦' },
      values: { ...THREE_RATES, lr3: 1.2, sched: 4, warm: 8 },
      note: {
        en: 'The schedule of LLM training: the rates climb for 8 steps and glide down to 0. η₃ spends a few steps above 2/L and swings out, then the cosine brings its rate under the limit and it settles.',
        'zh-TW':
          '大型語言模型訓練用的排程：學習率先爬升 8 步，再平滑降到 0。η₃ 有幾步高於 2/L、向外擺盪，接著餘弦把學習率壓到門檻以下，它就安定下來了。',
      },
    },
  ],
  code: lrCode,
  text: TEXT,
});
