import { formatFixed } from '../../plots/formatNumber';
import { sym, texNum } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { computeNeuralNetwork, PARAMS } from './model';
import type { Gate, NeuralNetworkResult, NeuralNetworkValues } from './model';
import { NeuralNetworkPlot } from './NeuralNetworkPlot';
import { TEXT } from './text';
import { neuronCode } from './code';

const X = (i: number) => sym(1, `x_${i}`);
const W = (i: number) => sym(2, `w_${i}`);
const B = sym(3, 'b');
const F = sym(4, 'f');

/** One neuron, and the network built from layers of them, ending in softmax. */
const TEX = `\\begin{gathered} y = ${F}(${W(1)} ${X(1)} + ${W(2)} ${X(2)} + ${B}) \\\\ a^{(l)} = g\\big(W^{(l)} a^{(l-1)} + b^{(l)}\\big) \\\\ \\hat p = \\operatorname{softmax}\\big(W^{(${sym(5, 'L')}+1)} a^{(${sym(5, 'L')})} + b^{(${sym(5, 'L')}+1)}\\big) \\end{gathered}`;

const GATE_NAME: Record<Gate, string> = { and: 'AND', or: 'OR', xor: 'XOR' };

const WORDS = bilingual({
  en: {
    act: ['sigmoid', 'tanh', 'ReLU'],
    fname: ['\\sigma', '\\tanh', '\\operatorname{ReLU}'],
    data: ['circle', 'XOR', 'two spirals', 'two moons'],
    opt: [
      'SGD',
      'SGD with momentum',
      'AdaGrad',
      'RMSprop',
      'Adam',
      'SGD with Nesterov momentum',
      'AdamW',
    ],
    fires: (n: number, g: string) => `\\text{${g}: ${n} of 4 corners right}`,
    network: (sizes: string, count: number, step: number) =>
      `\\text{network ${sizes}, ${count} parameters, step ${step}}`,
    summary: (s: Record<string, string>) =>
      `One ${s.act} neuron on the input plane: weights ${s.w}, bias ${s.b}; at input ${s.x} z = ${s.z} and y = ${s.y}. ${s.boundary} Truth table ${s.gate}: ${s.correct} of 4 right${s.xor}. Below, a ${s.sizes} network with ${s.g} hidden layers trained by ${s.opt} at learning rate ${s.lr} on the ${s.data} data set (${s.K} classes, noise ${s.noise}, ${s.train} training and ${s.test} test points, seed ${s.seed}), shown at step ${s.step}; its losses and accuracy are written under the plots.`,
    boundary: (line: string) => `The decision boundary is the line ${line}.`,
    noBoundary: 'Both weights are 0: there is no boundary, the output is the same everywhere.',
    xorNote: '; no single line separates XOR',
    caption: 'The truth table with the neuron’s z, y and answer, then every data point',
    columns: ['row', 'x₁', 'x₂', 'target or class', 'z', 'y', 'neuron / set'],
    corner: (i: number) => `truth table ${i + 1}`,
    point: (i: number) => `point ${i + 1}`,
    train: 'training',
    test: 'test',
  },
  'zh-TW': {
    act: ['Sigmoid', 'tanh', 'ReLU'],
    fname: ['\\sigma', '\\tanh', '\\operatorname{ReLU}'],
    data: ['同心圓', 'XOR', '雙螺旋', '雙月'],
    opt: ['SGD', 'SGD 加動量', 'AdaGrad', 'RMSprop', 'Adam', 'SGD 加 Nesterov 動量', 'AdamW'],
    fires: (n, g) => `\\text{${g}：四個角答對 ${n} 個}`,
    network: (sizes, count, step) => `\\text{神經網路 ${sizes}，${count} 個參數，第 ${step} 步}`,
    summary: (s) =>
      `輸入平面上的一個 ${s.act} 神經元：權重 ${s.w}，偏差 ${s.b}；輸入 ${s.x} 時 z = ${s.z}、y = ${s.y}。${s.boundary}真值表 ${s.gate}：答對 ${s.correct}/4${s.xor}。下方是一個 ${s.sizes} 神經網路，隱藏層使用 ${s.g}，以 ${s.opt}、學習率 ${s.lr} 在「${s.data}」資料集上訓練（${s.K} 類，雜訊 ${s.noise}，${s.train} 個訓練資料、${s.test} 個測試資料，種子 ${s.seed}），目前在第 ${s.step} 步；損失與準確率寫在圖的下方。`,
    boundary: (line) => `決策邊界是直線 ${line}。`,
    noBoundary: '兩個權重都是 0：沒有決策邊界，各處的輸出都一樣。',
    xorNote: '；沒有任何一條直線能分開 XOR',
    caption: '真值表（含神經元的 z、y 與答案），以及每一個資料點',
    columns: ['列', 'x₁', 'x₂', '目標或類別', 'z', 'y', '神經元／資料集'],
    corner: (i) => `真值表第 ${i + 1} 列`,
    point: (i) => `資料點 ${i + 1}`,
    train: '訓練',
    test: '測試',
  },
});

function factor(x: number, digits: number): string {
  const s = texNum(x, digits);
  return x < 0 ? `(${s})` : s;
}

function worked(v: NeuralNetworkValues, r: NeuralNetworkResult, lang: Lang): string {
  const words = WORDS[lang];
  const [w1, w2] = v.w;
  const [x1, x2] = v.x;
  const fn = words.fname[v.f] ?? '\\sigma';
  const lines = [
    `z &= ${W(1)} ${X(1)} + ${W(2)} ${X(2)} + ${B}`,
    `&= ${factor(w1, 1)} \\cdot ${factor(x1, 1)} + ${factor(w2, 1)} \\cdot ${factor(x2, 1)} + ${factor(v.b, 1)} = ${texNum(r.z, 2)}`,
    `y &= ${F}(z) = ${fn}(${texNum(r.z, 2)}) = ${texNum(r.y, 3)}`,
    `&${words.fires(r.correct, GATE_NAME[r.gate])}`,
    `&${words.network(r.sizes.join('\\text{-}'), r.parameterCount, r.step)}`,
  ];
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

const num = (x: number, d: number, lang: Lang) => formatFixed(x, d, lang);
const pair = (a: number, b: number, d: number, lang: Lang) =>
  `(${num(a, d, lang)}${lang === 'en' ? ', ' : '、'}${num(b, d, lang)})`;

function summary(v: NeuralNetworkValues, r: NeuralNetworkResult, lang: Lang): string {
  const words = WORDS[lang];
  const [w1, w2] = v.w;
  const line = `${num(w1, 1, lang)}·x₁ + ${num(w2, 1, lang)}·x₂ + ${num(v.b, 1, lang)} = 0`;
  const d = r.dataset;
  return words.summary({
    act: words.act[v.f] ?? '',
    w: pair(w1, w2, 1, lang),
    b: num(v.b, 1, lang),
    x: pair(v.x[0], v.x[1], 1, lang),
    z: num(r.z, 2, lang),
    y: num(r.y, 3, lang),
    boundary: r.flat ? words.noBoundary : words.boundary(line),
    gate: GATE_NAME[r.gate],
    correct: String(r.correct),
    xor: r.gate === 'xor' ? words.xorNote : '',
    sizes: r.sizes.join('-'),
    g: words.act[v.g] ?? '',
    opt: words.opt[v.opt] ?? '',
    lr: formatFixed(v.lr, 3, lang),
    data: words.data[v.data] ?? '',
    K: String(r.training.classes),
    noise: num(v.noise, 2, lang),
    train: String(d.trainCount),
    test: String(d.points.length - d.trainCount),
    seed: String(v.s),
    step: String(r.step),
  });
}

const round = (x: number, digits = 6) => Number(x.toPrecision(digits));

function table(r: NeuralNetworkResult, lang: Lang): DataTable {
  const words = WORDS[lang];
  const d = r.dataset;
  return {
    caption: words.caption,
    columns: words.columns,
    rows: [
      ...r.truth.map((row, i) => [
        words.corner(i),
        row.x[0],
        row.x[1],
        row.target,
        round(row.z),
        round(row.y),
        row.fires,
      ]),
      ...d.points.map((p, i) => [
        words.point(i),
        round(p[0], 4),
        round(p[1], 4),
        d.labels[i] + 1,
        '',
        '',
        i < d.trainCount ? words.train : words.test,
      ]),
    ],
  };
}

export default defineFormula({
  id: 'neural-network',
  tex: TEX,
  params: PARAMS,
  compute: computeNeuralNetwork,
  worked,
  Plot: NeuralNetworkPlot,
  interactivePlot: true,
  answer: (_v, r, lang) => ({
    label: lang === 'en' ? 'the neuron’s output y' : '神經元的輸出 y',
    tex: 'y',
    value: r.y,
    range: r.range,
    hideFrom: 2,
  }),
  summary,
  table: (_v, r, lang) => table(r, lang),
  presets: [
    {
      id: 'and',
      label: { en: 'AND', 'zh-TW': 'AND（且）' },
      values: { w: [1, 1], b: -1.5, gate: 0 },
      note: {
        en: 'w = (1, 1), b = −1.5: only (1, 1) has w·x + b > 0, so the neuron fires for AND.',
        'zh-TW': 'w = (1, 1)、b = −1.5：只有 (1, 1) 使 w·x + b > 0，神經元就算出了 AND。',
      },
    },
    {
      id: 'or',
      label: { en: 'OR', 'zh-TW': 'OR（或）' },
      values: { w: [1, 1], b: -0.5, gate: 1 },
      note: {
        en: 'The same weights with b = −0.5: the line slides down past (0, 1) and (1, 0), and the neuron computes OR.',
        'zh-TW': '同樣的權重、b = −0.5：直線往下滑過 (0, 1) 與 (1, 0)，神經元算出 OR。',
      },
    },
    {
      id: 'xor-one-neuron',
      label: { en: 'XOR: one line is not enough', 'zh-TW': 'XOR：一條線不夠' },
      values: { w: [1, 1], b: -0.5, gate: 2 },
      note: {
        en: 'Three of four is the best one neuron can do for XOR: the two 1s sit on opposite corners.',
        'zh-TW': '對 XOR，一個神經元最多只能答對三個：兩個 1 在對角上。',
      },
    },
    {
      id: 'spiral',
      label: { en: 'spirals need depth', 'zh-TW': '螺旋需要深度' },
      values: { data: 2, L: 3, h: [8, 8, 8], g: 1, opt: 4, lr: 0.03, noise: 0.05, t: 600 },
      note: {
        en: 'Two spirals with three tanh layers of 8: after 600 Adam steps the regions wind along the arms.',
        'zh-TW': '雙螺旋配上三層各 8 個 tanh 神經元：Adam 走 600 步後，決策區域沿著螺旋臂繞行。',
      },
    },
    {
      id: 'overfit',
      label: { en: 'overfitting', 'zh-TW': '過擬合' },
      values: {
        data: 3,
        noise: 0.4,
        split: 0.2,
        L: 3,
        h: [8, 8, 8],
        g: 2,
        opt: 4,
        lr: 0.05,
        t: 800,
      },
      note: {
        en: 'Noisy moons, only 40 training points and 24 ReLU neurons: the training loss keeps falling while the test loss turns up.',
        'zh-TW':
          '雜訊很多的雙月、只有 40 個訓練資料、24 個 ReLU 神經元：訓練損失持續下降，測試損失卻回升。',
      },
    },
    {
      id: 'too-large-a-step',
      label: {
        en: 'too large a step: the loss jumps, then ReLUs die',
        'zh-TW': '步伐太大：損失震盪，接著 ReLU 死亡',
      },
      values: { data: 3, opt: 0, lr: 3, L: 3, h: [8, 8, 8], g: 2, t: 200 },
      note: {
        en: 'Plain SGD at learning rate 3: each step overshoots, so for the first twenty steps the loss jumps up and down (past 2) instead of falling. The jumps throw the ReLU neurons so far that they output 0 for every point; a dead neuron passes no gradient back, so nothing recovers and the loss settles at ln 2 ≈ 0.69, a coin toss. The numbers never overflow: the step is too large to learn, not large enough to blow up.',
        'zh-TW':
          '學習率 3 的 SGD：每一步都衝過頭，所以最初二十步的損失上下震盪（超過 2），而不是下降。這些震盪把 ReLU 神經元推得太遠，讓它們對每個資料點都輸出 0；「死亡」的神經元不再往回傳梯度，網路再也救不回來，損失停在 ln 2 ≈ 0.69，跟擲硬幣一樣。數值並沒有溢位：這個步伐大到學不會，卻還不至於爆掉。',
      },
    },
  ],
  code: neuronCode,
  text: TEXT,
});
