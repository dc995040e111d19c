import { texNum } from '../../ui/tex/sym';
import { activationPage } from '../activation/activationPage';
import { activationCode } from '../activation/code';

/** The sigmoid page: σ(x) = 1/(1+e^{−x}) and σ′(x) = σ(x)(1−σ(x)). */
export default activationPage({
  id: 'sigmoid',
  name: 'σ',
  fTex: '\\sigma',
  definition: ({ x }) => `\\frac{1}{1+e^{-${x}}}`,
  derivative: ({ x, f }) => `${f}(${x})\\,\\bigl(1-${f}(${x})\\bigr)`,
  workedF: (x, y, num) =>
    `\\frac{1}{1+e^{${texNum(-x, 2)}}} = \\frac{1}{1+${num(Math.exp(-x))}} = ${num(y)}`,
  workedDf: (_x, y, dy, num) => `${num(y)} \\times ${num(1 - y)} = ${num(dy)}`,
  xDomain: [-8, 8],
  yDomain: [-0.15, 1.15],
  defaultX: 2,
  threshold: 0.05,
  regionLabel: { en: 'gradient ≈ 0', 'zh-TW': '梯度消失' },
  compare: ['tanh', 'relu'],
  presets: [
    {
      id: 'centre',
      label: { en: 'Centre', 'zh-TW': '中心點' },
      values: { x: 0 },
      note: {
        en: 'The steepest point: σ(0) = 0.5 and σ′(0) = 0.25, the largest gradient a sigmoid ever passes back.',
        'zh-TW': '最陡的地方：σ(0) = 0.5、σ′(0) = 0.25，這是 Sigmoid 能傳回的最大梯度。',
      },
    },
    {
      id: 'saturated',
      label: { en: 'Saturated', 'zh-TW': '飽和' },
      values: { x: 6 },
      note: {
        en: 'σ(6) ≈ 0.998 and σ′(6) ≈ 0.0025: the output hardly moves and the gradient has all but vanished.',
        'zh-TW': 'σ(6) ≈ 0.998、σ′(6) ≈ 0.0025：輸出幾乎不動，梯度也幾乎消失了。',
      },
    },
    {
      id: 'saturated-low',
      label: { en: 'Saturated (negative)', 'zh-TW': '負向飽和' },
      values: { x: -6 },
      note: {
        en: 'The other end: the output is close to 0 and the slope is just as flat.',
        'zh-TW': '另一端也一樣：輸出接近 0，斜率同樣幾乎是平的。',
      },
    },
  ],
  text: {
    en: {
      intro:
        "The sigmoid $\\sigma(x) = \\frac{1}{1+e^{-x}}$ squashes any real number into the interval $(0, 1)$, which is why it can turn a score into a probability. Drag $x$ and watch the tangent: its slope is the derivative $\\sigma'(x)$, the factor backpropagation multiplies by when the gradient passes through this neuron.",
      body: [
        "At $x = 0$ the curve passes through $\\sigma(0) = 0.5$ and is at its steepest: $\\sigma'(0) = 0.25$. That is the largest gradient a sigmoid can ever pass back. Even in the best case, every sigmoid layer shrinks the gradient to a quarter or less.",
        "Move $x$ out to $\\pm 6$. The output barely changes ($\\sigma(6) \\approx 0.9975$) and the tangent is nearly flat ($\\sigma'(6) \\approx 0.0025$). Such a neuron is saturated: every training signal that reaches it is multiplied by almost zero. Stack a few saturated layers and the gradient reaching the first layers all but disappears. This is the vanishing gradient problem, and it is the main reason deep networks moved to ReLU.",
        "The derivative has a tidy form, $\\sigma'(x) = \\sigma(x)\\,(1-\\sigma(x))$, so once the forward pass has computed $\\sigma(x)$ the backward pass gets the slope almost for free. To see why, differentiate $(1+e^{-x})^{-1}$ to get $\\sigma'(x) = \\frac{e^{-x}}{(1+e^{-x})^2}$, then notice that $\\frac{e^{-x}}{1+e^{-x}} = 1-\\sigma(x)$.",
        'Today the sigmoid lives mostly at the output. In binary classification it turns one logit $z$ into the probability $P(y = 1)$ and is paired with the binary cross-entropy loss; together their gradient simplifies to $\\sigma(z) - y$, so saturation does no harm there. It also opens and closes the gates of LSTM cells, and the SiLU (Swish) activation $x\\,\\sigma(x)$ in the feed-forward layers of many large language models is built from it.',
      ],
    },
    'zh-TW': {
      intro:
        "Sigmoid 函數 $\\sigma(x) = \\frac{1}{1+e^{-x}}$ 會把任何實數壓進 $(0, 1)$ 之間，所以常被用來把一個分數變成機率。拖動 $x$ 看看切線：切線的斜率就是導數 $\\sigma'(x)$，也就是梯度在反向傳播時經過這個神經元要乘上的因子。",
      body: [
        "在 $x = 0$ 時，曲線通過 $\\sigma(0) = 0.5$，而且最陡：$\\sigma'(0) = 0.25$。這已經是 Sigmoid 能傳回的最大梯度了；換句話說，就算在最理想的情況下，每經過一層 Sigmoid，梯度都至少會縮小成原來的四分之一。",
        "把 $x$ 拉到 $\\pm 6$ 附近：輸出幾乎不再變化（$\\sigma(6) \\approx 0.9975$），切線也幾乎是平的（$\\sigma'(6) \\approx 0.0025$）。這時我們說神經元「飽和」了，傳到它身上的訓練訊號都會被乘上一個接近 0 的數。好幾層飽和的神經元疊在一起，能傳回前面幾層的梯度就所剩無幾，這就是梯度消失問題，也是深層網路後來改用 ReLU 的主要原因。",
        "它的導數形式很漂亮：$\\sigma'(x) = \\sigma(x)\\,(1-\\sigma(x))$。前向傳播算出 $\\sigma(x)$ 之後，反向傳播幾乎不必額外計算就能得到斜率。推導很簡單：對 $(1+e^{-x})^{-1}$ 微分得到 $\\sigma'(x) = \\frac{e^{-x}}{(1+e^{-x})^2}$，再注意到 $\\frac{e^{-x}}{1+e^{-x}} = 1-\\sigma(x)$ 就完成了。",
        '現在 Sigmoid 多半用在輸出端。在二分類問題裡，它把一個 logit $z$ 轉成機率 $P(y = 1)$，再搭配二元交叉熵損失；兩者合起來的梯度會化簡成 $\\sigma(z) - y$，飽和在這裡就不成問題。它也負責 LSTM 裡各個閘門的開關；許多大型語言模型前饋網路所用的 SiLU（Swish）激活函數 $x\\,\\sigma(x)$，也是由它組成的。',
      ],
    },
  },
  code: (x) => activationCode('sigmoid', x),
});
