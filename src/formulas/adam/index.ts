import { formatFixed, formatNumber } from '../../plots/formatNumber';
import { sym } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { texSig } from '../optimization/tex';
import { gapAnswer, adaptiveWhy, runNotice } from '../optimization/words';
import { AdamPlot } from './AdamPlot';
import { PARAMS, computeAdam } from './model';
import type { AdamResult, AdamValues } from './model';
import { TEXT } from './text';
import { adamCode } from './code';

const TH = (i: string) => sym(1, `\\theta_{${i}}`);
const ETA = sym(2, '\\eta');
const B1 = sym(6, '\\beta_1');
const B2 = sym(7, '\\beta_2');
const EPS = sym(8, '\\epsilon');
const LAM = sym(5, '\\lambda');

/** Adam's update (AdamW adds the decoupled decay −ηλθ). */
const TEX = `\\begin{aligned} m_t &= ${B1} m_{t-1} + (1 - ${B1})\\, g_t \\\\ v_t &= ${B2} v_{t-1} + (1 - ${B2})\\, g_t^2 \\\\ \\hat m_t &= \\frac{m_t}{1 - ${B1}^t}, \\quad \\hat v_t = \\frac{v_t}{1 - ${B2}^t} \\\\ ${TH('t')} &= ${TH('t-1')} - ${ETA}\\, \\frac{\\hat m_t}{\\sqrt{\\hat v_t} + ${EPS}} \\;\\left[-\\, ${ETA}${LAM}\\, ${TH('t-1')}\\right] \\end{aligned}`;

const pair = (v: readonly number[]) => `\\left(${v.map((x) => texSig(x)).join(',\\ ')}\\right)`;

function worked(r: AdamResult): string {
  const s = r.step;
  if (!s) return `${TH(String(r.k))} = ${pair(r.theta)}`;
  const t = String(s.t);
  const c1 = r.bias ? `1 - ${sym(6, texSig(r.b1))}^{${t}}` : '1';
  const c2 = r.bias ? `1 - ${sym(7, texSig(r.b2, 4))}^{${t}}` : '1';
  const lines = [
    `g_{${t}} = \\nabla L(${TH(String(r.k))}) &= ${pair(s.g)}`,
    `m_{${t}} = ${pair(s.m)}, \\quad v_{${t}} &= ${pair(s.v)}`,
    `\\hat m_{${t}} = m_{${t}} / (${c1}) = ${pair(s.mHat)}, \\quad \\hat v_{${t}} &= v_{${t}} / (${c2}) = ${pair(s.vHat)}`,
    `${ETA}\\,\\hat m / (\\sqrt{\\hat v} + ${EPS}) &= ${pair(s.delta)}`,
  ];
  const decay = r.adamw ? ` \\;(${LAM} = ${sym(5, texSig(r.wd))})` : '';
  lines.push(`${TH(String(r.k + 1))} &= ${r.next ? pair(r.next) : '\\infty'}${decay}`);
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

const WORDS = bilingual({
  en: {
    summary: (name: string, opt: string, k: number, th: string, gap: string, d: string) =>
      `Contour plot of the ${name} with a run of ${opt} at step ${k}: θ = ${th}, loss above the minimum ${gap}; this step moves the coordinates by ${d}.`,
    caption: (opt: string) =>
      `Every step of ${opt}: the point, the loss, m, v and the step per coordinate`,
    columns: ['step k', 'θ₁', 'θ₂', 'loss', 'm₁', 'm₂', 'v₁', 'v₂', '|Δθ₁|', '|Δθ₂|'],
    opt: (r: AdamResult) =>
      `${r.adamw ? 'AdamW' : 'Adam'} (η = ${formatNumber(r.lr, { digits: 3, notation: 'significant' })}, β₁ = ${r.b1}, β₂ = ${r.b2}${r.bias ? '' : ', no bias correction'})`,
  },
  'zh-TW': {
    summary: (name, opt, k, th, gap, d) =>
      `等高線圖：${name}上 ${opt} 的第 ${k} 步：θ = ${th}，高出最小值的損失 ${gap}；這一步讓各座標移動 ${d}。`,
    caption: (opt) => `${opt} 的每一步：位置、損失、m、v 與各座標的步長`,
    columns: ['步數 k', 'θ₁', 'θ₂', '損失', 'm₁', 'm₂', 'v₁', 'v₂', '|Δθ₁|', '|Δθ₂|'],
    opt: (r) =>
      `${r.adamw ? 'AdamW' : 'Adam'}（η = ${formatNumber(r.lr, { digits: 3, notation: 'significant', lang: 'zh-TW' })}，β₁ = ${r.b1}，β₂ = ${r.b2}${r.bias ? '' : '，不做偏差修正'}）`,
  },
});

const num = (x: number, lang: Lang) =>
  formatNumber(x, { digits: 3, notation: 'significant', lang });

function summary(_v: AdamValues, r: AdamResult, lang: Lang): string {
  const w = WORDS[lang];
  const th = `(${formatFixed(r.theta[0], 3, lang)}, ${formatFixed(r.theta[1], 3, lang)})`;
  const d = r.step ? `(${r.step.delta.map((x) => num(x, lang)).join(', ')})` : '—';
  const s = w.summary(r.problem.label[lang], w.opt(r), r.k, th, num(r.gaps[r.k], lang), d);
  const notice = runNotice(
    r.run,
    lang,
    r.run.status === 'diverged' ? adaptiveWhy(r.adamw ? 'AdamW' : 'Adam', r.lr, lang) : '',
  );
  return notice ? `${s} ${notice.text}` : s;
}

const cell = (x: number) => Number(x.toPrecision(6));

function table(v: AdamValues, r: AdamResult, lang: Lang): DataTable {
  const w = WORDS[lang];
  const n = Math.min(Math.round(v.n), r.run.points.length - 1);
  return {
    caption: w.caption(w.opt(r)),
    columns: w.columns,
    rows: r.run.points.slice(0, n + 1).map((p, k) => {
      const m = r.run.first[k];
      const s = r.run.second[k];
      const dash = '—';
      return [
        k,
        cell(p[0]),
        cell(p[1]),
        cell(r.run.losses[k]),
        m ? cell(m[0]) : dash,
        m ? cell(m[1]) : dash,
        s ? cell(s[0]) : dash,
        s ? cell(s[1]) : dash,
        k < r.effective[0].length ? cell(r.effective[0][k]) : dash,
        k < r.effective[1].length ? cell(r.effective[1][k]) : dash,
      ];
    }),
  };
}

/** The narrow valley from the default start with Adam's usual settings, which most presets vary. */
const VALLEY = {
  surface: 1,
  lr: 0.1,
  b1: 0.9,
  b2: 0.999,
  bias: true,
  adamw: false,
  x0: -2.5,
  y0: 2,
} as const;

export default defineFormula({
  id: 'adam',
  tex: TEX,
  params: PARAMS,
  compute: computeAdam,
  worked: (_values, r) => worked(r),
  Plot: AdamPlot,
  interactivePlot: true,
  answer: (_values, r, lang) => gapAnswer(r.gaps[r.k], r.k, lang),
  summary,
  table,
  presets: [
    {
      id: 'narrow-valley',
      label: { en: 'equal steps in a narrow valley', 'zh-TW': '狹長山谷中步伐一樣大' },
      values: { ...VALLEY, n: 60, k: 20 },
      note: {
        en: 'The gradient is 10 times steeper across the valley than along it, yet both coordinates step by about η = 0.1: Adam divides each by its own √v̂.',
        'zh-TW':
          '橫越山谷的梯度比沿著山谷陡 10 倍，兩個座標的步伐卻都大約是 η = 0.1：Adam 把每個座標各自除以自己的 √v̂。',
      },
    },
    {
      id: 'no-bias-correction',
      label: { en: 'no bias correction', 'zh-TW': '不做偏差修正' },
      values: { ...VALLEY, bias: false, n: 200, k: 5 },
      note: {
        en: 'm and v start at 0: the first step is (1 − β₁)/√(1 − β₂) ≈ 3.2 times too long and overshoots; the step sizes come down to η only after hundreds of steps.',
        'zh-TW':
          'm 與 v 從 0 開始：第一步長了 (1 − β₁)/√(1 − β₂) ≈ 3.2 倍而衝過頭；步長要好幾百步之後才降回 η 左右。',
      },
    },
    {
      id: 'adamw',
      label: { en: 'AdamW: decay pulls towards 0', 'zh-TW': 'AdamW：衰減把權重拉向 0' },
      values: {
        surface: 2,
        lr: 0.05,
        b1: 0.9,
        b2: 0.999,
        bias: true,
        adamw: true,
        wd: 0.5,
        x0: -1.5,
        y0: 2,
        n: 600,
        k: 600,
      },
      note: {
        en: 'On Rosenbrock’s valley with λ = 0.5 the run does not end at (1, 1) but short of it, towards the origin, where the decay’s pull balances the gradient. Switch AdamW off to reach the minimum.',
        'zh-TW':
          '在 Rosenbrock 山谷上、λ = 0.5 時，執行不會停在 (1, 1)，而是停在它前面、偏向原點的地方，那裡衰減的拉力和梯度互相平衡。關掉 AdamW 就會到達最小值。',
      },
    },
    {
      id: 'no-momentum',
      label: { en: 'β₁ = 0: RMSprop', 'zh-TW': 'β₁ = 0：就是 RMSprop' },
      values: { ...VALLEY, b1: 0, n: 100, k: 100 },
      note: {
        en: 'Without the first moment Adam is RMSprop with bias correction: each step follows the raw gradient of that step, with no averaged m to smooth its direction. Set β₁ back to 0.9 and compare the paths.',
        'zh-TW':
          '少了一階動差，Adam 就是加上偏差修正的 RMSprop：每一步都只看當下的梯度，沒有平均後的 m 來平滑方向。把 β₁ 調回 0.9，比較兩條路徑。',
      },
    },
    {
      id: 'large-eps',
      label: { en: 'a large ε: back to momentum', 'zh-TW': 'ε 很大：退回動量法' },
      values: { ...VALLEY, le: 0, n: 100, k: 100 },
      note: {
        en: 'With ε = 1, once the gradients are small next to ε the division by √v̂ + ε no longer adapts: the step becomes about η·m̂, momentum at rate η, and the two coordinates again move at very different speeds.',
        'zh-TW':
          'ε = 1 時，一旦梯度比 ε 小很多，除以 √v̂ + ε 就不再自動調整：步伐大約變成 η·m̂，也就是學習率為 η 的動量法，兩個座標的速度又差很多。',
      },
    },
  ],
  code: adamCode,
  text: TEXT,
});
