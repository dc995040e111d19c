import { bilingual } from '../../ui/i18n';

/** Words of the Adam page's plot. */
export const ADAM_WORDS = bilingual({
  en: {
    adam: (w: boolean, bias: boolean) =>
      `${w ? 'AdamW' : 'Adam'}${bias ? '' : ', no bias correction'}`,
    plain: 'plain GD, same η',
    effAxis: 'step size |Δθᵢ| (log scale)',
    coord: (i: number) => `coordinate θ${i === 0 ? '₁' : '₂'}`,
    lrRule: 'η',
    first: (ratio: string) =>
      `Without bias correction the first step is ${ratio}× the corrected one: m and v both start at 0, and dividing the too-small m by the square root of the far-too-small v inflates it.`,
  },
  'zh-TW': {
    adam: (w, bias) => `${w ? 'AdamW' : 'Adam'}${bias ? '' : '，不做偏差修正'}`,
    plain: '一般的梯度下降，同樣的 η',
    effAxis: '步長 |Δθᵢ|（對數刻度）',
    coord: (i) => `座標 θ${i === 0 ? '₁' : '₂'}`,
    lrRule: 'η',
    first: (ratio) =>
      `不做偏差修正時，第一步是修正後的 ${ratio} 倍：m 與 v 都從 0 開始，用太小的 m 除以更小得多的 v 的平方根，步伐就被放大了。`,
  },
});
