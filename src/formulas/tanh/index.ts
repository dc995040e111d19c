import { texNum } from '../../ui/tex/sym';
import { activationPage } from '../activation/activationPage';
import { activationCode } from '../activation/code';

/** Digits that show tanh(x) distinctly from ±1: two significant digits of 1 − |tanh(x)|. */
function digitsNearOne(y: number): number {
  const gap = 1 - Math.abs(y);
  return gap > 0 ? Math.min(8, Math.max(3, Math.ceil(-Math.log10(gap)) + 1)) : 8;
}

/** The tanh page: tanh(x) = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) and tanh′(x) = 1 − tanh²(x). */
export default activationPage({
  id: 'tanh',
  name: 'tanh',
  fTex: '\\tanh',
  definition: ({ x }) => `\\frac{e^{${x}}-e^{-${x}}}{e^{${x}}+e^{-${x}}}`,
  derivative: ({ x, f }) => `1-${f}^2(${x})`,
  workedF: (x, y, num) => {
    const a = texNum(x, 2);
    const b = texNum(-x, 2);
    const ea = num(Math.exp(x));
    const eb = num(Math.exp(-x));
    return `\\frac{e^{${a}}-e^{${b}}}{e^{${a}}+e^{${b}}} = \\frac{${ea}-${eb}}{${ea}+${eb}} = ${num(y)}`;
  },
  workedDf: (_x, y, dy, num) => {
    const t = texNum(y, digitsNearOne(y));
    return `1-${y < 0 ? `(${t})` : t}^2 = ${num(dy)}`;
  },
  xDomain: [-5, 5],
  yDomain: [-1.25, 1.25],
  defaultX: 1,
  threshold: 0.05,
  regionLabel: { en: 'gradient ≈ 0', 'zh-TW': '梯度消失' },
  compare: ['sigmoid', 'relu'],
  presets: [
    {
      id: 'centre',
      label: { en: 'Centre', 'zh-TW': '中心點' },
      values: { x: 0 },
      note: {
        en: 'tanh′(0) = 1, four times the sigmoid’s best: the gradient passes through undamped.',
        'zh-TW': 'tanh′(0) = 1，是 Sigmoid 最大斜率的四倍：梯度通過時完全不打折。',
      },
    },
    {
      id: 'near-linear',
      label: { en: 'Nearly linear', 'zh-TW': '近似線性' },
      values: { x: 0.5 },
      note: {
        en: 'Close to 0, tanh(x) ≈ x: the tangent almost lies on the curve.',
        'zh-TW': '在 0 附近 tanh(x) ≈ x：切線幾乎和曲線重合。',
      },
    },
    {
      id: 'saturated',
      label: { en: 'Saturated', 'zh-TW': '飽和' },
      values: { x: 3 },
      note: {
        en: 'Already at x = 3 the slope is below 0.01: tanh saturates sooner than the sigmoid.',
        'zh-TW': '才到 x = 3，斜率就不到 0.01：tanh 比 Sigmoid 更早飽和。',
      },
    },
  ],
  text: {
    en: {
      intro:
        'tanh squashes any real number into $(-1, 1)$. It has the same S shape as the sigmoid (in fact $\\tanh(x) = 2\\sigma(2x) - 1$), but it is centred on zero, and its slope at the centre is 1 instead of 0.25.',
      body: [
        'Why being centred matters: a sigmoid only ever outputs positive numbers, so the gradients of all the weights coming into the next neuron share one sign, and gradient descent has to zig-zag towards its goal. tanh outputs are both positive and negative and average near zero. That made tanh the usual hidden-layer activation of the 1990s and of recurrent networks.',
        "The derivative $\\tanh'(x) = 1 - \\tanh^2(x)$ reuses the forward value, just like the sigmoid's. It peaks at $\\tanh'(0) = 1$, four times the sigmoid's best, so near the centre the gradient passes through undamped. Close to zero the curve is almost the line $y = x$.",
        "But tanh saturates too, and sooner: at $x = 3$ the slope is already $1 - \\tanh^2(3) \\approx 0.0099$. The shaded regions, roughly $|x| > 2.2$, are where $|\\tanh'(x)| < 0.05$. A neuron out there learns almost nothing, and in deep or recurrent networks the product of many such factors makes the gradient vanish.",
        'Where tanh lives today: in the gates of LSTM and GRU cells, and in the widely used tanh approximation of GELU, the activation of the feed-forward layers in GPT-2 and many other Transformers.',
      ],
    },
    'zh-TW': {
      intro:
        'tanh 函數把任何實數壓進 $(-1, 1)$ 之間。它和 Sigmoid 一樣是 S 形曲線（其實 $\\tanh(x) = 2\\sigma(2x) - 1$），但它以零為中心，在中心點的斜率是 1，而不是 0.25。',
      body: [
        '以零為中心有什麼好處？Sigmoid 的輸出永遠是正數，因此下一個神經元所有輸入權重的梯度都同號，梯度下降法只能走「之」字形慢慢接近目標。tanh 的輸出有正有負、平均接近 0，所以在 1990 年代和遞迴神經網路中，它是隱藏層最常用的激活函數。',
        "導數 $\\tanh'(x) = 1 - \\tanh^2(x)$ 和 Sigmoid 一樣可以直接沿用前向傳播的結果。它的最大值是 $\\tanh'(0) = 1$，是 Sigmoid 最大斜率的四倍，所以在中心附近梯度幾乎原封不動地傳回去。在 0 附近，曲線幾乎就是直線 $y = x$。",
        "不過 tanh 一樣會飽和，而且更早：到了 $x = 3$，斜率就只剩 $1 - \\tanh^2(3) \\approx 0.0099$。陰影區大約是 $|x| > 2.2$，也就是 $|\\tanh'(x)| < 0.05$ 的地方；落在那裡的神經元幾乎學不到東西，在深層或遞迴網路裡，許多這樣的小因子連乘，就造成梯度消失。",
        '現在 tanh 主要出現在 LSTM 與 GRU 的閘門裡，以及 GELU 常用的 tanh 近似式中；GPT-2 和許多 Transformer 的前饋網路用的正是這個近似。',
      ],
    },
  },
  code: (x) => activationCode('tanh', x),
});
