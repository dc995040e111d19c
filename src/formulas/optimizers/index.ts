import { formatFixed, formatNumber } from '../../plots/formatNumber';
import { sym } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { texSig } from '../optimization/tex';
import { PARAMS, RACERS, computeRace } from './model';
import type { RaceResult, RaceValues } from './model';
import { raceNotices } from './notices';
import { RacePlot, runLabel } from './RacePlot';
import { TEXT } from './text';
import { raceCode } from './code';

const NAME = (i: number) => sym(RACERS[i].slot, `\\text{${RACERS[i].label.en}}`);

/**
 * Every racer's step direction d_k in one update θ_{k+1} = θ_k − η d_k: v the momentum
 * buffer, s the running (AdaGrad) or decaying (RMSprop) sum of g², m̂ and v̂ Adam's corrected
 * moments (the ε added to each root is left out here, as in the prose).
 */
const TEX = `\\begin{gathered} \\theta_{k+1} = \\theta_k - \\eta\\, d_k, \\quad d_k\\!: \\\\ {\\small \\begin{array}{llll} ${NAME(0)} & g_k & ${NAME(3)} & g_k / \\sqrt{s_k} \\\\ ${NAME(1)} & v_k & ${NAME(4)} & g_k / \\sqrt{s_k} \\\\ ${NAME(2)} & g_k + \\mu v_k & ${NAME(5)} & \\hat m_k / \\sqrt{\\hat v_k} \\\\ & & ${NAME(6)} & \\hat m_k / \\sqrt{\\hat v_k} + \\lambda \\theta_k \\end{array}} \\end{gathered}`;

const WORDS = bilingual({
  en: {
    stopped: 'stopped',
    none: 'no optimizer races',
    summary: (r: RaceResult, start: string, each: string, lead: string) =>
      `Contour plot of ${r.problem.label.en} with ${r.runs.length} optimizers racing from θ₀ = ${start}, and their loss above the minimum per step on a log chart: at step ${r.k} of ${r.n}, ${each}.${lead}`,
    lead: (name: string) => ` Lowest now: ${name}.`,
    caption: 'Every step of the race: each run’s loss above the minimum, L − L*',
    step: 'step k',
  },
  'zh-TW': {
    stopped: '已停止',
    none: '沒有優化器參賽',
    summary: (r, start, each, lead) =>
      `等高線圖：${r.problem.label['zh-TW']}上 ${r.runs.length} 個優化器從 θ₀ = ${start} 出發比賽，並以對數圖畫出每一步高出最小值的損失：第 ${r.k} 步（共 ${r.n} 步）時，${each}。${lead}`,
    lead: (name) => `目前最低：${name}。`,
    caption: '比賽的每一步：每次執行高出最小值的損失 L − L*',
    step: '步數 k',
  },
});

const pair = (v: readonly number[]) => `\\left(${v.map((x) => texSig(x)).join(',\\ ')}\\right)`;

function worked(_v: RaceValues, r: RaceResult, lang: Lang): string {
  if (r.runs.length === 0) return `\\text{${WORDS[lang].none}}`;
  const rows = r.runs.map((x) => {
    const i = RACERS.indexOf(x.racer);
    const k = x.k < r.k ? `${x.k}\\ \\text{(${WORDS[lang].stopped})}` : String(x.k);
    return `${NAME(i)} & ${k} & ${pair(x.theta)} & ${texSig(x.gap)}`;
  });
  return `\\begin{array}{lrll} & k & \\theta_k & L(\\theta_k) - L^* \\\\ \\hline ${rows.join(' \\\\ ')} \\end{array}`;
}

const num = (x: number, lang: Lang) =>
  formatNumber(x, { digits: 3, notation: 'significant', lang });

function summary(_v: RaceValues, r: RaceResult, lang: Lang): string {
  const w = WORDS[lang];
  const start = `(${formatFixed(r.start[0], 2, lang)}, ${formatFixed(r.start[1], 2, lang)})`;
  const sep = lang === 'en' ? ', ' : '、';
  const each =
    r.runs.length === 0
      ? w.none
      : r.runs.map((x) => `${runLabel(x, lang)} ${num(x.gap, lang)}`).join(sep);
  const lead = r.leader ? w.lead(r.leader.racer.label[lang]) : '';
  const notes = raceNotices(r, lang).map((n) => n.text);
  return [w.summary(r, start, each, lead), ...notes].join(' ');
}

const cell = (x: number | undefined) =>
  x !== undefined && Number.isFinite(x) ? Number(x.toPrecision(6)) : '—';

function table(_v: RaceValues, r: RaceResult, lang: Lang): DataTable {
  const all = [...r.runs, ...r.pins];
  return {
    caption: WORDS[lang].caption,
    columns: [WORDS[lang].step, ...all.map((x) => runLabel(x, lang))],
    rows: Array.from({ length: r.n + 1 }, (_, k) => [k, ...all.map((x) => cell(x.gaps[k]))]),
  };
}

const ALL_ON = { sgd: true, mom: true, nag: true, ada: true, rms: true, adam: true, adamw: true };

export default defineFormula({
  id: 'optimizers',
  tex: TEX,
  params: PARAMS,
  compute: computeRace,
  worked,
  Plot: RacePlot,
  interactivePlot: true,
  // the leader's height above the minimum at step k, as a power of ten (the loss chart's log
  // scale: the heights span ten decades); the table's rows hidden, its header kept
  answer: (_v, r, lang) =>
    r.leader && r.leader.gap > 0
      ? {
          label:
            lang === 'en'
              ? `log₁₀ of the lowest L(θ) − L* among the racers at step ${r.k}`
              : `第 ${r.k} 步時各優化器中最低的 L(θ) − L* 取 log₁₀`,
          tex: `\\log_{10} \\min (L(\\theta_{${r.k}}) - L^*)`,
          value: Math.log10(r.leader.gap),
          hideFrom: 1,
        }
      : null,
  summary,
  table,
  presets: [
    {
      id: 'narrow-valley',
      label: {
        en: 'narrow valley: same η, momentum wins',
        'zh-TW': '狹長山谷：同樣的 η，動量勝出',
      },
      values: {
        ...ALL_ON,
        problem: 1,
        x0: -2.5,
        y0: 2,
        sgdLr: 0.03,
        momLr: 0.03,
        momMu: 0.8,
        nagLr: 0.03,
        nagMu: 0.8,
        n: 150,
        k: 150,
      },
      note: {
        en: 'SGD, momentum and Nesterov all take η = 0.03. SGD crawls along the flat direction of the ill-conditioned bowl; momentum adds up the steps that agree and reaches the minimum thousands of times closer in the same 150 steps.',
        'zh-TW':
          'SGD、動量和 Nesterov 都用 η = 0.03。SGD 沿著狹長碗平的方向慢慢爬；動量把方向一致的步伐累加起來，同樣 150 步後離最小值近了好幾千倍。',
      },
    },
    {
      id: 'diverges',
      label: { en: 'diverges: too large a step', 'zh-TW': '發散：步伐太大' },
      values: { ...ALL_ON, problem: 1, x0: -2.5, y0: 2, sgdLr: 0.25, momLr: 0.5, n: 150, k: 150 },
      note: {
        en: 'SGD at η = 0.25 and momentum at η = 0.5 step past 2/L on the steep direction: each step overshoots by more than the last, the runs stop at their last finite point and say so. The adaptive methods are not bothered.',
        'zh-TW':
          'SGD 在 η = 0.25、動量在 η = 0.5 時，在陡的方向上超過了 2/L：每一步都比上一步越過得更遠，這些執行停在最後一個有限的點並說明原因。自適應的方法不受影響。',
      },
    },
    {
      id: 'rosenbrock',
      label: { en: "Rosenbrock's curved valley", 'zh-TW': 'Rosenbrock 彎曲的山谷' },
      values: {
        ...ALL_ON,
        problem: 2,
        x0: -1.5,
        y0: 2.5,
        sgdLr: 0.001,
        momLr: 0.001,
        momMu: 0.5,
        nagLr: 0.001,
        nagMu: 0.5,
        adaLr: 0.5,
        rmsLr: 0.01,
        adamLr: 0.05,
        adamwLr: 0.05,
        n: 1000,
        k: 1000,
      },
      note: {
        en: 'The valley floor is nearly flat and curves towards (1, 1): SGD needs a tiny η for the steep walls and barely moves along the floor; the adaptive methods take large steps where the gradient is small.',
        'zh-TW':
          '山谷的谷底幾乎是平的，並彎向 (1, 1)：SGD 為了陡峭的谷壁需要極小的 η，沿著谷底幾乎不動；自適應的方法在梯度小的地方跨出大步。',
      },
    },
    {
      id: 'saddle',
      label: { en: 'saddle: who escapes', 'zh-TW': '鞍點：誰逃得出去' },
      values: {
        ...ALL_ON,
        problem: 3,
        x0: -2,
        y0: 0.01,
        sgdLr: 0.05,
        momLr: 0.01,
        nagLr: 0.01,
        n: 60,
        k: 60,
      },
      note: {
        en: 'The start is a hair off the ridge θ₂ = 0. The gradient across it is tiny, so after 60 steps SGD and momentum still sit near the saddle (L − L* ≈ 0.25, its height); AdaGrad, RMSprop and Adam divide by the gradient’s size, blow the tiny push up and fall into a valley.',
        'zh-TW':
          '起點只比稜線 θ₂ = 0 偏一點點。橫越稜線的梯度極小，所以 60 步之後 SGD 和動量還停在鞍點附近（L − L* ≈ 0.25，正是鞍點的高度）；AdaGrad、RMSprop 和 Adam 會除以梯度的大小，把這一點推力放大，滑進山谷。',
      },
    },
  ],
  code: raceCode,
  text: TEXT,
});
