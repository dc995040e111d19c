import { formatFixed, formatNumber } from '../../plots/formatNumber';
import { sym, texNum } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { BackpropPlot } from './BackpropPlot';
import { PARAMS, PHASES, LAST_PHASE, computeBackprop, paramName, paramTex } from './model';
import type { BackpropResult, BackpropValues, ChainRule } from './model';
import { TEXT } from './text';
import { backpropCode } from './code';

const W = sym(5, 'w');
const ETA = sym(3, '\\eta');

/** The chain rule for one weight, and the gradient-descent update it feeds. */
const TEX = `\\frac{\\partial L}{\\partial ${W}} = \\frac{\\partial L}{\\partial a}\\,\\frac{\\partial a}{\\partial z}\\,\\frac{\\partial z}{\\partial ${W}}, \\qquad ${W} \\leftarrow ${W} - ${ETA}\\,\\frac{\\partial L}{\\partial ${W}}`;

/** A number for TeX with a parenthesis around a negative one (a factor of a product). */
function factor(x: number, digits = 4): string {
  const s = texNum(x, digits);
  return x < 0 ? `(${s})` : s;
}

/** The names the worked example and the summary use for the network's shape and activation. */
const WORDS = bilingual({
  en: {
    linear: 'linear output',
    deep: (L: string) => `\\text{deep network, }${L}\\text{ hidden layers: }`,
    bias: 'a bias',
    fd: 'finite difference',
    shape: (m: number) => (m === 1 ? '2-2-1' : '2-3-2'),
    act: { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' },
    summary: (s: Record<string, string>) =>
      `Network ${s.shape} drawn as a graph, ${s.act} hidden neurons, input ${s.x} and target ${s.y}: output ${s.yhat}, loss ${s.loss}. Step ${s.step} of ${s.last}: ${s.phase}. Selected ${s.name} = ${s.value}: backpropagation gives ∂L/∂${s.name} = ${s.grad}, the finite difference ${s.fd}; after the update with learning rate ${s.lr} the loss is ${s.after}${s.up}. Below, a deep ${s.act} network of ${s.depth} hidden layers: mean |∂L/∂W| per layer ${s.deep}, the first layer's ${s.ratio} times the last's.`,
    upShort: ', higher than before',
    caption:
      'Every parameter: its value, its gradient by backpropagation and by finite differences, and its value after the update; then the deep network’s mean gradient per layer',
    columns: [
      'parameter',
      'value',
      '∂L/∂w (backpropagation)',
      'finite difference',
      'after the update',
    ],
    deepRow: (k: number) => `deep layer ${k}: mean |∂L/∂W|`,
    sep: ', ',
  },
  'zh-TW': {
    linear: '線性輸出',
    deep: (L) => `\\text{深層網路，}${L}\\text{ 個隱藏層：}`,
    bias: '偏差',
    fd: '有限差分',
    shape: (m) => (m === 1 ? '2-2-1' : '2-3-2'),
    act: { sigmoid: 'Sigmoid', tanh: 'tanh', relu: 'ReLU' },
    summary: (s) =>
      `以圖呈現的 ${s.shape} 網路，隱藏神經元使用 ${s.act}，輸入 ${s.x}、目標值 ${s.y}：輸出 ${s.yhat}，損失 ${s.loss}。第 ${s.step} 步（共 ${s.last} 步）：${s.phase}。選取的 ${s.name} = ${s.value}：反向傳播得到 ∂L/∂${s.name} = ${s.grad}，有限差分為 ${s.fd}；以學習率 ${s.lr} 更新後，損失為 ${s.after}${s.up}。下方是 ${s.depth} 個隱藏層的深層 ${s.act} 網路：每層的平均 |∂L/∂W| 為 ${s.deep}，第一層是最後一層的 ${s.ratio} 倍。`,
    upShort: '，比更新前高',
    caption: '每個參數的值、以反向傳播與有限差分求得的梯度、更新後的值；以及深層網路每層的平均梯度',
    columns: ['參數', '值', '∂L/∂w（反向傳播）', '有限差分', '更新後'],
    deepRow: (k) => `深層網路第 ${k} 層：平均 |∂L/∂W|`,
    sep: '、',
  },
});

/** The worked chain rule of the selected parameter. */
function worked(r: BackpropResult, lang: Lang): string {
  const w = WORDS[lang];
  const c: ChainRule = r.selected;
  const { ref } = c;
  const name = sym(5, paramTex(ref));
  const lines: string[] = [];
  let local: string;
  if (ref.layer === 1) {
    const j = ref.row;
    const yh = `\\hat y_{${j + 1}}`;
    lines.push(
      `\\tfrac{\\partial L}{\\partial ${yh}} &= \\tfrac{2}{${r.outputs}}(${yh} - ${sym(2, `y_{${j + 1}}`)}) = \\tfrac{2}{${r.outputs}}(${texNum(r.yhat[j], 4)} - ${factor(r.y[j], 2)}) = ${texNum(c.dLda, 4)}`,
    );
    local = `\\tfrac{\\partial ${yh}}{\\partial z} &= 1\\ (\\text{${w.linear}})`;
  } else {
    const i = ref.row;
    const terms = c.paths.map((p) => `${factor(p.dLdy)} \\cdot ${factor(p.w, 2)}`).join(' + ');
    const sum =
      r.outputs === 1
        ? `\\tfrac{\\partial L}{\\partial \\hat y_1} w^{(2)}_{1${i + 1}}`
        : `\\textstyle\\sum_k \\tfrac{\\partial L}{\\partial \\hat y_k} w^{(2)}_{k${i + 1}}`;
    lines.push(
      `\\tfrac{\\partial L}{\\partial a_{${i + 1}}} &= ${sum} = ${terms} = ${texNum(c.dLda, 4)}`,
    );
    local = `\\tfrac{\\partial a_{${i + 1}}}{\\partial z_{${i + 1}}} &= f'(${texNum(r.z1[i], 3)}) = ${texNum(c.dadz, 4)}`;
  }
  const input =
    ref.kind === 'b'
      ? `1\\ (\\text{${w.bias}})`
      : ref.layer === 0
        ? `${sym(1, `x_{${ref.col + 1}}`)} = ${texNum(c.dzdw, 2)}`
        : `a_{${ref.col + 1}} = ${texNum(c.dzdw, 4)}`;
  lines.push(
    `${local}, \\quad \\tfrac{\\partial z}{\\partial ${name}} = ${input}`,
    `\\tfrac{\\partial L}{\\partial ${name}} &= ${factor(c.dLda)} \\cdot ${factor(c.dadz)} \\cdot ${factor(c.dzdw)} = ${texNum(c.grad, 5)}`,
    `\\text{${w.fd}} &= \\tfrac{L(${name} + h) - L(${name} - h)}{2h} = ${texNum(c.finiteDiff, 5)}`,
    `${name} - ${ETA}\\,\\tfrac{\\partial L}{\\partial ${name}} &= ${texNum(c.value, 2)} - ${sym(3, texNum(r.lr, 2))} \\cdot ${factor(c.grad, 5)} = ${texNum(c.updated, 4)}, \\quad L\\colon ${texNum(r.loss, 4)} \\to ${texNum(r.lossAfter, 4)}`,
  );
  const last = r.deep.length;
  lines.push(
    `${w.deep(sym(4, String(last - 1)))}\\ \\tfrac{\\overline{|\\partial L / \\partial W_1|}}{\\overline{|\\partial L / \\partial W_{${last}}|}} &= \\tfrac{${texNum(r.deep[0].meanGrad, 3)}}{${texNum(r.deep[last - 1].meanGrad, 3)}} = ${texNum(r.deepRatio, 3)}`,
  );
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

function vec(xs: readonly number[], digits: number, lang: Lang): string {
  return `(${xs.map((x) => formatFixed(x, digits, lang)).join(lang === 'en' ? ', ' : '、')})`;
}

function summary(values: BackpropValues, r: BackpropResult, lang: Lang): string {
  const w = WORDS[lang];
  const c = r.selected;
  return w.summary({
    shape: w.shape(r.outputs),
    act: w.act[r.activation],
    x: vec(r.x, 1, lang),
    y: vec(r.y, 1, lang),
    yhat: vec(r.yhat, 3, lang),
    loss: formatFixed(r.loss, 4, lang),
    step: String(r.step),
    last: String(LAST_PHASE),
    phase: PHASES[r.step][lang],
    name: paramName(c.ref),
    value: formatFixed(c.value, 2, lang),
    grad: formatNumber(c.grad, { digits: 4, notation: 'significant', lang }),
    fd: formatNumber(c.finiteDiff, { digits: 4, notation: 'significant', lang }),
    lr: formatNumber(values.lr, { digits: 3, notation: 'significant', lang }),
    after: formatFixed(r.lossAfter, 4, lang),
    up: r.lossAfter > r.loss ? w.upShort : '',
    depth: String(r.deep.length - 1),
    deep: r.deep
      .map((d) => formatNumber(d.meanGrad, { digits: 2, notation: 'significant', lang }))
      .join(w.sep),
    ratio: formatNumber(r.deepRatio, { digits: 2, notation: 'significant', lang }),
  });
}

function round(x: number, digits = 6): number {
  return Number(x.toPrecision(digits));
}

function table(r: BackpropResult, lang: Lang): DataTable {
  const w = WORDS[lang];
  return {
    caption: w.caption,
    columns: w.columns,
    rows: [
      ...r.params.map((p) => [
        paramName(p.ref),
        round(p.value),
        round(p.grad),
        round(p.finiteDiff),
        round(p.updated),
      ]),
      ...r.deep.map((d, k) => [w.deepRow(k + 1), '', round(d.meanGrad, 4), '', '']),
    ],
  };
}

export default defineFormula({
  id: 'backpropagation',
  tex: TEX,
  params: PARAMS,
  compute: computeBackprop,
  worked: (_values, r, lang) => worked(r, lang),
  Plot: BackpropPlot,
  interactivePlot: true,
  // the gradient of the selected parameter, from its chain-rule line on
  answer: (_values, r, lang) => ({
    label:
      lang === 'en'
        ? `the gradient ∂L/∂${paramName(r.selected.ref)}`
        : `梯度 ∂L/∂${paramName(r.selected.ref)}`,
    tex: `\\tfrac{\\partial L}{\\partial ${sym(5, paramTex(r.selected.ref))}}`,
    value: r.selected.grad,
    digits: 4,
    hideFrom: 2,
  }),
  summary,
  table: (_values, r, lang) => table(r, lang),
  presets: [
    {
      id: 'vanishing',
      label: { en: 'vanishing gradients', 'zh-TW': '梯度消失' },
      values: { act: 0, L: 8 },
      note: {
        en: 'Eight sigmoid layers: every layer backward multiplies by f′(z) ≤ 1/4, and the first layer’s gradient comes out about five orders of magnitude smaller than the last’s.',
        'zh-TW':
          '八層 Sigmoid：反向每經過一層都要乘上 f′(z) ≤ 1/4，第一層的梯度比最後一層小了大約五個數量級。',
      },
    },
    {
      id: 'relu-deep',
      label: { en: 'ReLU keeps the gradient', 'zh-TW': 'ReLU 保住梯度' },
      values: { act: 2, L: 8 },
      note: {
        en: 'The same depth with ReLU: an active neuron passes the gradient on with slope exactly 1, so the layers’ gradients stay within a few factors of each other (unless a neuron is dead).',
        'zh-TW':
          '同樣的深度改用 ReLU 函數：活躍的神經元以斜率 1 把梯度往回傳，各層的梯度只差幾倍（除非有神經元「死亡」）。',
      },
    },
    {
      id: 'paths',
      label: { en: 'sum over paths', 'zh-TW': '路徑加總' },
      values: { net: 2, y: [1, -0.5], sel: 0 },
      note: {
        en: 'With two outputs a hidden weight reaches the loss along two paths: ∂L/∂a adds one product per output.',
        'zh-TW': '有兩個輸出時，隱藏層的權重經由兩條路徑影響損失：∂L/∂a 對每個輸出各加一項乘積。',
      },
    },
    {
      id: 'overshoot',
      label: { en: 'too large a step', 'zh-TW': '步伐太大' },
      values: { lr: 8, sel: 6 },
      note: {
        en: 'A learning rate of 8: the update jumps past the minimum and the loss after the step is higher than before.',
        'zh-TW': '學習率 8：更新一步就跳過了最低點，更新後的損失比更新前還高。',
      },
    },
  ],
  code: backpropCode,
  text: TEXT,
});
