import { bilingual } from '../../ui/i18n';

/** Words of the SGD page's plot. */
export const SGD_WORDS = bilingual({
  en: {
    x: 'input x',
    y: 'target y',
    w: 'slope w',
    b: 'intercept b',
    batchArrow: 'minibatch step direction −g_B',
    fullArrow: 'full-batch direction −∇L',
    velocity: 'momentum step −ηv',
    sgd: (B: number) => `SGD, batch ${B}`,
    plain: 'plain full-batch GD',
    batchPoints: 'points in this step’s batch',
    fitLine: 'current line y = wx + b',
    bestLine: 'least-squares line',
    nesterovIgnored: 'Nesterov needs momentum μ > 0; with μ = 0 the run is plain SGD.',
    noise: (angle: string, noise: string) =>
      `This step’s batch gradient points ${angle}° away from the full-batch gradient and differs from it by ${noise}% of its length.`,
  },
  'zh-TW': {
    x: '輸入 x',
    y: '目標 y',
    w: '斜率 w',
    b: '截距 b',
    batchArrow: '小批次的步進方向 −g_B',
    fullArrow: '全批次方向 −∇L',
    velocity: '動量的一步 −ηv',
    sgd: (B) => `SGD，批次 ${B}`,
    plain: '一般的全批次梯度下降',
    batchPoints: '這一步批次中的資料點',
    fitLine: '目前的直線 y = wx + b',
    bestLine: '最小平方直線',
    nesterovIgnored: 'Nesterov 需要動量 μ > 0；μ = 0 時就是一般的 SGD。',
    noise: (angle, noise) =>
      `這一步的小批次梯度與全批次梯度相差 ${angle}°，差距是全批次梯度長度的 ${noise}%。`,
  },
});
