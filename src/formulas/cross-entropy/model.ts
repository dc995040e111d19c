import {
  binaryCrossEntropy,
  entropy,
  klDivergence,
  logSumExp,
  softmax,
  softmaxCrossEntropy,
} from '../../math';
import type { Lang, ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';

/** The candidate next tokens of "The cat sat on the ___"; one of them is the true next token. */
export const TOKENS: Record<Lang, readonly string[]> = {
  en: ['mat', 'floor', 'sofa', 'roof', 'moon'],
  'zh-TW': ['墊子', '地板', '沙發', '屋頂', '月亮'],
};

/** p values at which the binary loss curve is sampled: logistic spacing, dense near 0 and 1. */
export const BINARY_P: readonly number[] = Array.from({ length: 141 }, (_, k) => {
  const u = -6.9 + (13.8 * k) / 140;
  return 1 / (1 + Math.exp(-u));
});

/** The card's params: the true token y, the logits z, the binary label t and prediction p. */
export const PARAMS = defineParams([
  {
    kind: 'choice',
    name: 'y',
    tex: 'y',
    label: { en: 'true next token', 'zh-TW': '正確的下一個詞元' },
    slot: 1,
    options: TOKENS.en.map((en, i) => ({
      value: i,
      label: { en, 'zh-TW': TOKENS['zh-TW'][i] },
    })),
    default: 0,
  },
  {
    kind: 'vector',
    name: 'z',
    tex: 'z',
    label: { en: 'logits', 'zh-TW': 'logits' },
    shares: 'logits',
    slot: 2,
    min: -10,
    max: 10,
    step: 0.1,
    default: [2, 1.5, 0.5, 0, -1.5],
    length: 5,
    itemLabel: (i, lang) => TOKENS[lang][i] ?? `z_${i + 1}`,
  },
  {
    kind: 'scalar',
    name: 'by',
    tex: 't',
    label: { en: 'binary label t', 'zh-TW': '二分類標籤 t' },
    slot: 3,
    min: 0,
    max: 1,
    step: 0.01,
    default: 1,
  },
  {
    kind: 'scalar',
    name: 'bp',
    tex: 'p',
    label: { en: 'binary prediction p', 'zh-TW': '二分類預測機率 p' },
    slot: 4,
    min: 0.001,
    max: 0.999,
    step: 0.001,
    default: 0.8,
  },
]);

/** The card's values: `{ y: number; z: number[]; by: number; bp: number }`. */
export type CrossEntropyValues = ValuesOf<typeof PARAMS>;

/** Everything the cross-entropy card shows. */
export interface CrossEntropyResult {
  /** Predicted distribution q = softmax(z). */
  q: number[];
  /** Index of the true token. */
  y: number;
  /** q_y, the probability the model gives the true token. */
  qy: number;
  /** L = −ln q_y, from the logits (stable). */
  loss: number;
  /** ln Σ e^{z_j}; L = lse − z_y. */
  lse: number;
  /** ∂L/∂z_i = q_i − [i = y]. */
  grad: number[];
  /** H(q), the uncertainty of the prediction itself. */
  entropyQ: number;
  /** Binary label t ∈ [0, 1] and predicted probability p. */
  t: number;
  p: number;
  /** −[t ln p + (1 − t) ln(1 − p)]. */
  bce: number;
  /** H(t) = −[t ln t + (1 − t) ln(1 − t)], the smallest BCE any p can reach. */
  binaryEntropy: number;
  /** KL(t ‖ p) = BCE − H(t). */
  binaryKL: number;
  /** The BCE curve for the current t, sampled at BINARY_P: [p, loss] pairs. */
  bceCurve: [number, number][];
}

/** Reads z (logits), y (true class), by (binary label t) and bp (binary prediction p). */
export function computeCrossEntropy(values: CrossEntropyValues): CrossEntropyResult {
  const { z, y, by: t, bp: p } = values;
  const q = softmax(z);
  const loss = softmaxCrossEntropy(z, y);
  const two = [t, 1 - t];
  return {
    q,
    y,
    qy: q[y],
    loss,
    lse: logSumExp(z),
    grad: q.map((qi, i) => qi - (i === y ? 1 : 0)),
    entropyQ: entropy(q),
    t,
    p,
    bce: binaryCrossEntropy(t, p),
    binaryEntropy: entropy(two),
    binaryKL: klDivergence(two, [p, 1 - p]),
    bceCurve: BINARY_P.map((x) => [x, binaryCrossEntropy(t, x)]),
  };
}
