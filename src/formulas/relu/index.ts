import { texNum } from '../../ui/tex/sym';
import { activationPage } from '../activation/activationPage';
import { activationCode } from '../activation/code';

/** The ReLU page: ReLU(x) = max(0, x), slope 1 for x > 0 and 0 otherwise. */
export default activationPage({
  id: 'relu',
  name: 'ReLU',
  fTex: '\\operatorname{ReLU}',
  definition: ({ x }) => `\\max(0,\\, ${x})`,
  derivative: ({ x }) => `\\begin{cases} 1 & ${x} > 0 \\\\ 0 & ${x} \\le 0 \\end{cases}`,
  workedF: (x, y, num) => `\\max(0,\\, ${texNum(x, 2)}) = ${num(y)}`,
  workedDf: (x, _y, dy) => `${dy > 0 ? 1 : 0} \\quad (${texNum(x, 2)} ${x > 0 ? '>' : '\\le'} 0)`,
  xDomain: [-4, 4],
  yDomain: [-1, 4.2],
  defaultX: 1.5,
  threshold: 0.05,
  regionLabel: { en: 'dead: gradient = 0', 'zh-TW': '死區：梯度為 0' },
  compare: ['sigmoid', 'tanh'],
  presets: [
    {
      id: 'active',
      label: { en: 'Active', 'zh-TW': '活躍' },
      values: { x: 3 },
      note: {
        en: 'Slope exactly 1, however large x grows: the gradient passes through unchanged.',
        'zh-TW': '不論 x 多大，斜率都剛好是 1：梯度原封不動地傳回去。',
      },
    },
    {
      id: 'dead',
      label: { en: 'Dead', 'zh-TW': '死區' },
      values: { x: -2 },
      note: {
        en: 'Output 0 and slope 0: no gradient flows back, so the weights feeding this neuron do not learn from this input.',
        'zh-TW': '輸出 0、斜率 0：沒有梯度傳回去，餵進這個神經元的權重無法從這筆輸入學到任何東西。',
      },
    },
    {
      id: 'corner',
      label: { en: 'Corner', 'zh-TW': '轉折點' },
      values: { x: 0 },
      note: {
        en: 'At the corner there is no true derivative; by convention we use 0.',
        'zh-TW': '轉折點上其實沒有導數；慣例上取 0。',
      },
    },
  ],
  text: {
    en: {
      intro:
        'ReLU, the rectified linear unit, keeps a positive input and replaces a negative one by zero: $\\operatorname{ReLU}(x) = \\max(0, x)$. Its slope is exactly 1 for every positive input, so the gradient passes through an active neuron without shrinking.',
      body: [
        'Compare the faint sigmoid and tanh curves: both flatten out at the ends, while ReLU never flattens on the right. However large a positive input grows, its derivative stays 1. That is what made networks with many layers trainable: a chain of active ReLUs multiplies the gradient by 1 at each step, not by 0.25 or less.',
        'It is also cheap. The forward pass is a comparison instead of an exponential, and the backward pass just lets the gradient through or blocks it.',
        "The price is the left half. For $x < 0$ the output is 0 and so is the slope, so no gradient flows back through the neuron and its incoming weights get no update from that example. If a neuron's input is negative for every example (say a large update pushed its bias far below zero), it stops learning for good: a dead ReLU. A too-large learning rate is a common cause.",
        'At the corner $x = 0$ there is no derivative; libraries simply use 0 there, and so does this page, which is why the tangent at $x = 0$ is flat. Variants keep the left side alive: leaky ReLU uses $0.01x$ for negative inputs, and GELU, $x\\,\\Phi(x)$, is a smooth cousin used in BERT and GPT-style Transformers.',
      ],
    },
    'zh-TW': {
      intro:
        'ReLU（線性整流函數）保留正的輸入，把負的輸入變成 0：$\\operatorname{ReLU}(x) = \\max(0, x)$。只要輸入是正的，斜率就剛好是 1，所以梯度經過活躍的神經元時不會變小。',
      body: [
        '對照淡色的 Sigmoid 與 tanh 曲線：它們兩端都會變平，ReLU 的右半邊卻永遠不會。正的輸入再大，導數都還是 1。正因為如此，很多層的深層網路才訓練得起來：一連串活躍的 ReLU 每一層都把梯度乘上 1，而不是乘上 0.25 或更小的數。',
        '它的計算也很便宜：前向傳播只要比大小，不必算指數；反向傳播則只是讓梯度通過或擋下來。',
        '代價在左半邊。當 $x < 0$ 時，輸出是 0，斜率也是 0，梯度完全傳不回去，連到這個神經元的權重也就無法從這筆資料得到更新。如果某個神經元對所有資料的輸入都是負的（例如一次過大的更新把它的偏差推到很負），它就永遠停止學習，這就是所謂的「死亡 ReLU」。學習率太大是常見的原因。',
        '在轉折點 $x = 0$ 上其實沒有導數；深度學習框架一律取 0，本頁也一樣，所以 $x = 0$ 時切線是平的。有些變形會讓左半邊保留一點斜率：Leaky ReLU 在負的一側用 $0.01x$；GELU 則是平滑版本 $x\\,\\Phi(x)$，用在 BERT 與 GPT 這類 Transformer 中。',
      ],
    },
  },
  code: (x) => activationCode('relu', x),
});
