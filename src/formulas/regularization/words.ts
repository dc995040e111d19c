import { formatNumber } from '../../plots/formatNumber';
import type { Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import type { PenaltyKind } from './fit';

/** A weight for a label: exactly 0 reads "0", others three significant digits. */
export function formatWeight(v: number, lang: Lang = 'en'): string {
  if (v === 0) return '0';
  return formatNumber(v, { digits: 3, notation: 'significant', lang });
}

/** The plot's words. */
export const WORDS = bilingual({
  en: {
    fitTitle: 'The fit: drag a point to make an outlier',
    weightsTitle: 'The weights',
    errorTitle: 'Error against λ: the U',
    pathTitle: 'Coefficient path over λ',
    geometryTitle: 'Two weights: diamond and circle',
    trainPoints: 'training points',
    testPoints: 'held-out points',
    trueCurve: 'true curve sin(πx)',
    fitCurve: (d: number) => `fitted polynomial, degree ${d}`,
    pointLabel: (i: number) => `training point ${i}`,
    pointRole: 'draggable point',
    pointValue: (x: number, y: number, lang: Lang) =>
      `x = ${formatNumber(x, { digits: 2, lang })}, y = ${formatNumber(y, { digits: 2, lang })}`,
    errors: (train: string, test: string) => `training MSE ${train} · held-out MSE ${test}`,
    offPlot: (list: string) => `beyond the axis, drawn at its edge: point ${list}`,
    weightAxis: 'weight',
    weightAxisPath: 'weight wₖ',
    weightsCaption: (kind: PenaltyKind, zeros: number, d: number) =>
      kind === 1
        ? `L1: ${zeros} of ${d} weights exactly 0 (w₀ is free)`
        : `L2: all shrink, none exactly 0 (w₀ is free)`,
    lambdaAxis: 'λ (log scale)',
    mseAxis: 'MSE (log)',
    trainError: 'training',
    testError: 'held-out',
    noiseFloor: 'noise σ²',
    best: 'best held-out',
    diamond: 'L1: |w₁| + |w₂| ≤ t',
    circle: 'L2: w₁² + w₂² ≤ r²',
    unregularized: 'w* (λ = 0)',
  },
  'zh-TW': {
    fitTitle: '擬合：拖曳資料點，製造一個離群值',
    weightsTitle: '權重',
    errorTitle: '誤差隨 λ 變化：U 形曲線',
    pathTitle: '係數路徑：權重隨 λ 變化',
    geometryTitle: '兩個權重：菱形與圓',
    trainPoints: '訓練資料點',
    testPoints: '保留（測試）資料點',
    trueCurve: '真實曲線 sin(πx)',
    fitCurve: (d) => `擬合的 ${d} 次多項式`,
    pointLabel: (i) => `訓練資料點 ${i}`,
    pointRole: '可拖曳的點',
    pointValue: (x, y, lang) =>
      `x = ${formatNumber(x, { digits: 2, lang })}，y = ${formatNumber(y, { digits: 2, lang })}`,
    errors: (train, test) => `訓練 MSE ${train} · 保留資料 MSE ${test}`,
    offPlot: (list) => `超出座標軸、畫在邊緣的資料點：${list}`,
    weightAxis: '權重',
    weightAxisPath: '權重 wₖ',
    weightsCaption: (kind, zeros, d) =>
      kind === 1
        ? `L1：${d} 個權重中 ${zeros} 個恰好為 0（w₀ 不受懲罰）`
        : `L2：全都縮小，沒有恰好為 0（w₀ 不受懲罰）`,
    lambdaAxis: 'λ（對數刻度）',
    mseAxis: 'MSE（對數）',
    trainError: '訓練',
    testError: '保留資料',
    noiseFloor: '雜訊 σ²',
    best: '保留資料誤差最小',
    diamond: 'L1：|w₁| + |w₂| ≤ t',
    circle: 'L2：w₁² + w₂² ≤ r²',
    unregularized: 'w*（λ = 0）',
  },
});
