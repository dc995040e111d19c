import { formatNumber } from '../../plots/formatNumber';
import type { Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import type { GdResult } from './model';

const sig = (x: number, lang: Lang) =>
  formatNumber(x, { digits: 3, notation: 'significant', lang });

const WHY = bilingual({
  en: {
    above: (eta: string, L: string, t: string, f: string) =>
      `η = ${eta} is above 2/L = ${t} for this loss (its curvature at the minimum is L = ${L}): every step jumps past the minimum to a point farther away than where it started, so the distance grows by a factor |1 − ηL| ≈ ${f} a step.`,
    steep: (eta: string, t: string) =>
      `η = ${eta} is below 2/L = ${t} at the minimum, but where the run started the loss is much steeper, so the very first steps overshoot and each one lands on steeper ground than the last.`,
  },
  'zh-TW': {
    above: (eta, L, t, f) =>
      `η = ${eta} 超過了這個損失的 2/L = ${t}（最小值處的曲率 L = ${L}）：每一步都跳過最小值，落到比出發點更遠的地方，所以每走一步距離就放大約 |1 − ηL| ≈ ${f} 倍。`,
    steep: (eta, t) =>
      `η = ${eta} 雖然小於最小值處的 2/L = ${t}，但起點附近的損失陡峭得多，所以一開始的幾步就衝過頭，而且每一步都落在更陡的地方。`,
  },
});

/** Why plain gradient descent diverged here: η against the 2/L threshold. */
export function divergeWhy(r: GdResult, lang: Lang): string {
  const w = WHY[lang];
  const L = r.problem.curvature;
  if (r.lr > r.threshold)
    return w.above(
      sig(r.lr, lang),
      sig(L, lang),
      sig(r.threshold, lang),
      sig(Math.abs(1 - r.lr * L), lang),
    );
  return w.steep(sig(r.lr, lang), sig(r.threshold, lang));
}
