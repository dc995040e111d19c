import { formatFixed, formatNumber } from '../../plots/formatNumber';
import { sym, texNum } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { CrossEntropyPlot } from './CrossEntropyPlot';
import { PARAMS, TOKENS, computeCrossEntropy } from './model';
import type { CrossEntropyResult, CrossEntropyValues } from './model';
import { TEXT } from './text';
import { crossEntropyCode } from './code';

const Y = sym(1, 'y');
const Zy = `${sym(2, 'z')}_{${Y}}`;
const Zj = `${sym(2, 'z')}_{j}`;
const Qy = `${sym(5, 'q')}_{${Y}}`;
const Tb = sym(3, 't');
const Pb = sym(4, 'p');

/** Softmax cross-entropy for one true token, and binary cross-entropy for a label t and probability p. */
const TEX =
  `\\begin{gathered} L = -\\ln ${Qy} = -\\ln \\frac{e^{${Zy}}}{\\sum_{j=1}^{5} e^{${Zj}}} \\\\[4pt] ` +
  `L_{\\mathrm{BCE}} = -\\big[\\,${Tb} \\ln ${Pb} + (1 - ${Tb}) \\ln (1 - ${Pb})\\,\\big] \\end{gathered}`;

function worked({ z }: CrossEntropyValues, r: CrossEntropyResult, lang: Lang): string {
  const token = TOKENS[lang][r.y];
  const zy = z[r.y];
  const denom = z.map((zj) => `e^{${texNum(zj, 2)}}`).join(' + ');
  const lines = [
    `${Qy} = ${sym(5, 'q')}_{\\text{${token}}} &= \\frac{e^{${texNum(zy, 2)}}}{${denom}} = ${texNum(r.qy, 3)}`,
    `L = -\\ln ${Qy} &= -\\ln ${texNum(r.qy, 3)} = ${texNum(r.loss, 3)}`,
    `L_{\\mathrm{BCE}} &= -\\big[${texNum(r.t, 2)} \\ln ${texNum(r.p, 3)} + ${texNum(1 - r.t, 2)} \\ln ${texNum(1 - r.p, 3)}\\big] = ${texNum(r.bce, 3)}`,
    `&= H(${Tb}) + D_{\\mathrm{KL}}(${Tb} \\,\\|\\, ${Pb}) = ${texNum(r.binaryEntropy, 3)} + ${texNum(r.binaryKL, 3)}`,
  ];
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

/** The numbers of the summary, formatted. */
interface SummaryNumbers {
  token: string;
  q: string;
  L: string;
  t: string;
  p: string;
  bce: string;
  H: string;
  kl: string;
}

/** The words of the summary and the table. */
const WORDS = bilingual({
  en: {
    summary: (s: SummaryNumbers) =>
      `Bar chart of the predicted distribution with the true token “${s.token}” marked, and the curve −ln q: the model gives “${s.token}” probability ${s.q}, so the loss is ${s.L}. Binary case: label t = ${s.t}, prediction p = ${s.p}, loss ${s.bce} = entropy ${s.H} + KL ${s.kl}.`,
    caption: (token: string, loss: string) =>
      `Predicted distribution, per-token loss term and gradient for the true token “${token}” (loss ${loss})`,
    columns: ['token', 'logit z', 'q = softmax(z)', 'target y (one-hot)', '−ln q', '∂L/∂z = q − y'],
  },
  'zh-TW': {
    summary: (s) =>
      `長條圖顯示預測的機率分布並標出正確詞元「${s.token}」，旁邊是 −ln q 曲線：模型給「${s.token}」的機率是 ${s.q}，所以損失為 ${s.L}。二分類：標籤 t = ${s.t}、預測 p = ${s.p}，損失 ${s.bce} = 熵 ${s.H} + KL 散度 ${s.kl}。`,
    caption: (token, loss) =>
      `預測分布、各詞元的損失項與梯度；正確詞元為「${token}」（損失 ${loss}）`,
    columns: ['詞元', 'logit z', 'q = softmax(z)', '目標 y（one-hot）', '−ln q', '∂L/∂z = q − y'],
  },
});

function summary(r: CrossEntropyResult, lang: Lang): string {
  const fixed = (x: number, digits: number) => formatFixed(x, digits, lang);
  return WORDS[lang].summary({
    token: TOKENS[lang][r.y],
    q: formatNumber(r.qy, { notation: 'significant', digits: 3, lang }),
    L: fixed(r.loss, 3),
    t: fixed(r.t, 2),
    p: fixed(r.p, 3),
    bce: fixed(r.bce, 3),
    H: fixed(r.binaryEntropy, 3),
    kl: fixed(r.binaryKL, 3),
  });
}

function round(x: number, digits = 4): number {
  return Number(x.toPrecision(digits));
}

function table({ z }: CrossEntropyValues, r: CrossEntropyResult, lang: Lang): DataTable {
  const words = WORDS[lang];
  return {
    caption: words.caption(TOKENS[lang][r.y], formatFixed(r.loss, 3, lang)),
    columns: words.columns,
    rows: TOKENS[lang].map((token, i) => [
      token,
      z[i],
      round(r.q[i]),
      i === r.y ? 1 : 0,
      round(r.lse - z[i]),
      round(r.grad[i]),
    ]),
  };
}

export default defineFormula({
  id: 'cross-entropy',
  tex: TEX,
  params: PARAMS,
  compute: computeCrossEntropy,
  worked,
  Plot: CrossEntropyPlot,
  answer: (_values, r, lang) => ({
    label: lang === 'en' ? 'the cross-entropy loss L' : '交叉熵損失 L',
    tex: 'L',
    value: r.loss,
    hideFrom: 0,
  }),
  summary: (_values, r, lang) => summary(r, lang),
  table,
  presets: [
    {
      id: 'confident-right',
      label: { en: 'confident and right', 'zh-TW': '自信且答對' },
      values: { y: 0, z: [5, 1, 0, -1, -1.5], by: 1, bp: 0.99 },
      note: {
        en: 'Nearly all probability on the true token: the point sits at the bottom right of the curve and the loss is close to 0.',
        'zh-TW': '幾乎所有機率都給了正確詞元：點落在曲線右下角，損失接近 0。',
      },
    },
    {
      id: 'confident-wrong',
      label: { en: 'confident and wrong', 'zh-TW': '自信卻答錯' },
      values: { y: 4, z: [5, 1, 0, -1, -1.5], by: 1, bp: 0.01 },
      note: {
        en: 'The same logits, but the true token was “moon”: q_y is tiny and −ln q_y shoots up to about 6.5.',
        'zh-TW': '同樣的 logits，但正確答案是「月亮」：q_y 非常小，−ln q_y 飆升到約 6.5。',
      },
    },
    {
      id: 'uniform-guess',
      label: { en: 'uniform guess', 'zh-TW': '平均亂猜' },
      values: { y: 0, z: [0, 0, 0, 0, 0], by: 1, bp: 0.5 },
      note: {
        en: 'Equal logits give q_y = 1/5 and a loss of ln 5 ≈ 1.61, whatever the true token is; a coin flip in the binary case costs ln 2 ≈ 0.69.',
        'zh-TW':
          'logits 全部相等時 q_y = 1/5，不論正確答案是哪個，損失都是 ln 5 ≈ 1.61；二分類丟銅板的損失則是 ln 2 ≈ 0.69。',
      },
    },
    {
      id: 'soft-label',
      label: { en: 'soft label', 'zh-TW': '軟標籤' },
      values: { by: 0.3, bp: 0.3 },
      note: {
        en: 'With a soft label t = 0.3 the binary loss cannot reach 0: its minimum, at p = t, is the entropy H(0.3) ≈ 0.61, and the KL gap is 0.',
        'zh-TW':
          '軟標籤 t = 0.3 時，二元交叉熵無法降到 0：最小值出現在 p = t，等於熵 H(0.3) ≈ 0.61，此時 KL 散度為 0。',
      },
    },
  ],
  code: crossEntropyCode,
  text: TEXT,
});
