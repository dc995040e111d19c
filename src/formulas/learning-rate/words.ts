import { formatNumber } from '../../plots/formatNumber';
import type { Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import type { LrRun, Regime } from './model';

const sig = (x: number, lang: Lang) =>
  formatNumber(x, { digits: 3, notation: 'significant', lang });

/** Words of the learning-rate page's plot, summary and table. */
export const LR_WORDS = bilingual({
  en: {
    regime: {
      slow: 'too small: creeps in',
      good: 'about right: slides straight in',
      'one-step': 'ηL = 1: one step to the minimum',
      oscillates: 'overshoots and oscillates',
      edge: 'ηL = 2: bounces for ever',
      diverges: 'too large: diverges',
    } satisfies Record<Regime, string>,
    panel: (i: number, eta: string, what: string) => `η${'₁₂₃'[i - 1]} = ${eta} · ${what}`,
    rateAxis: 'learning rate η_k (log scale)',
    threshold: (t: string) => `2/L = ${t}`,
    oscillation: (t: string) => `1/L = ${t}`,
    series: (i: number, eta: string) => `η${'₁₂₃'[i - 1]} = ${eta}`,
    why: (r: LrRun, lang: Lang, L: number) =>
      `η${'₁₂₃'[r.index - 1]} = ${sig(r.lr, lang)} is past 2/L = ${sig(2 / L, lang)}: each step multiplies θ by 1 − ηL = ${sig(r.factor, lang)}, more than 1 in size, so the run swings out farther every step.`,
    whySchedule: (r: LrRun, lang: Lang, L: number) =>
      `Run ${r.index}: the scheduled rate stayed above 2/L = ${sig(2 / L, lang)} long enough for θ to leave every bound.`,
  },
  'zh-TW': {
    regime: {
      slow: '太小：慢慢爬進去',
      good: '剛好：直接滑進去',
      'one-step': 'ηL = 1：一步到位',
      oscillates: '衝過頭、來回震盪',
      edge: 'ηL = 2：永遠來回彈跳',
      diverges: '太大：發散',
    },
    panel: (i, eta, what) => `η${'₁₂₃'[i - 1]} = ${eta}・${what}`,
    rateAxis: '學習率 η_k（對數刻度）',
    threshold: (t) => `2/L = ${t}`,
    oscillation: (t) => `1/L = ${t}`,
    series: (i, eta) => `η${'₁₂₃'[i - 1]} = ${eta}`,
    why: (r, lang, L) =>
      `η${'₁₂₃'[r.index - 1]} = ${sig(r.lr, lang)} 超過了 2/L = ${sig(2 / L, lang)}：每一步把 θ 乘上 1 − ηL = ${sig(r.factor, lang)}，絕對值大於 1，所以每一步都擺盪得更遠。`,
    whySchedule: (r, lang, L) =>
      `第 ${r.index} 組：排程後的學習率停在 2/L = ${sig(2 / L, lang)} 之上太久，θ 衝出了所有界限。`,
  },
});
