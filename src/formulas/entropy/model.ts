import { binaryEntropy, crossEntropy, entropy, klDivergence, perplexity } from '../../math';
import type { Lang, ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';

/** The outcomes: candidate next words, as on the softmax page. */
export const OUTCOMES: Record<Lang, readonly string[]> = {
  en: ['mat', 'floor', 'sofa', 'roof', 'moon', 'bed', 'box', 'tree'],
  'zh-TW': ['墊子', '地板', '沙發', '屋頂', '月亮', '床', '箱子', '樹'],
};

/** The most outcomes the card offers. */
export const MAX_OUTCOMES = 8;

/** The card's params: the number of outcomes n, the weights of p and of q. */
export const PARAMS = defineParams([
  {
    kind: 'scalar',
    name: 'n',
    tex: 'n',
    label: { en: 'number of outcomes', 'zh-TW': '結果的個數' },
    slot: 2,
    min: 2,
    max: MAX_OUTCOMES,
    step: 1,
    default: 4,
    integer: true,
  },
  {
    kind: 'vector',
    name: 'w',
    tex: 'p',
    label: { en: 'weights of p', 'zh-TW': 'p 的權重' },
    slot: 1,
    min: 0,
    max: 1,
    step: 0.01,
    default: [0.5, 0.25, 0.125, 0.125, 0.1, 0.1, 0.1, 0.1],
    length: { param: 'n' },
    itemLabel: (i, lang) => OUTCOMES[lang][i] ?? `p_${i + 1}`,
  },
  {
    kind: 'vector',
    name: 'v',
    tex: 'q',
    label: { en: 'weights of q (the model)', 'zh-TW': 'q 的權重（模型）' },
    slot: 3,
    min: 0,
    max: 1,
    step: 0.01,
    default: [0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25],
    length: { param: 'n' },
    itemLabel: (i, lang) => OUTCOMES[lang][i] ?? `q_${i + 1}`,
  },
]);

/** The card's values: `{ n: number; w: number[]; v: number[] }`. */
export type EntropyValues = ValuesOf<typeof PARAMS>;

/** Everything the entropy card shows for one setting of n, w and v. */
export interface EntropyResult {
  n: number;
  /** p = w / Σw (uniform when every weight is 0). */
  p: number[];
  /** q = v / Σv (uniform when every weight is 0). */
  q: number[];
  /** The weights were all 0 and p (q) fell back to uniform. */
  pZero: boolean;
  qZero: boolean;
  /** H(p) in bits and in nats. */
  bits: number;
  nats: number;
  /** log₂ n, the largest entropy over n outcomes (the uniform distribution's). */
  maxBits: number;
  /** Surprisal −log₂ pᵢ of each outcome, Infinity where pᵢ = 0. */
  surprisal: number[];
  /** The terms pᵢ·(−log₂ pᵢ) of H, 0 where pᵢ = 0. */
  terms: number[];
  /** Perplexity 2^H(p) = e^H(p): the number of equally likely choices with the same entropy. */
  perplexity: number;
  /** The binary entropy H(p₁) in bits when n = 2, else null. */
  binary: number | null;
  /** H(p, q) and KL(p‖q) in bits; Infinity where q puts 0 on an outcome p can produce. */
  cross: number;
  kl: number;
  /** Outcomes with pᵢ > 0 and qᵢ = 0 (where the cross-entropy becomes infinite). */
  impossible: number[];
}

/** w / Σw, or uniform when the weights sum to 0; and whether it fell back. */
export function normalize(w: readonly number[]): { p: number[]; zero: boolean } {
  const sum = w.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return { p: w.map(() => 1 / w.length), zero: true };
  return { p: w.map((x) => x / sum), zero: false };
}

/**
 * New weights after the reader drags outcome `i` to probability `target`: outcome i
 * gets `target`, the others keep their ratios and share 1 − target (equally if they were
 * all 0), so the weights are the probabilities and sum to 1.
 */
export function dragTo(p: readonly number[], i: number, target: number): number[] {
  const t = Math.min(1, Math.max(0, target));
  const others = p.reduce((s, x, j) => (j === i ? s : s + x), 0);
  return p.map((x, j) => {
    if (j === i) return t;
    return others > 0 ? ((1 - t) * x) / others : (1 - t) / (p.length - 1);
  });
}

/** Reads the card's values: n outcomes, the weights w of p and v of q. */
export function computeEntropy(values: EntropyValues): EntropyResult {
  const n = values.n;
  const { p, zero: pZero } = normalize(values.w.slice(0, n));
  const { p: q, zero: qZero } = normalize(values.v.slice(0, n));
  const surprisal = p.map((x) => (x > 0 ? -Math.log2(x) : Infinity));
  const terms = p.map((x, i) => (x > 0 ? x * surprisal[i] : 0));
  const bits = entropy(p, 2);
  const impossible = p.flatMap((x, i) => (x > 0 && q[i] === 0 ? [i] : []));
  return {
    n,
    p,
    q,
    pZero,
    qZero,
    bits,
    nats: entropy(p),
    maxBits: Math.log2(n),
    surprisal,
    terms,
    perplexity: perplexity(p),
    binary: n === 2 ? binaryEntropy(p[0], 2) : null,
    cross: crossEntropy(p, q, 2),
    kl: klDivergence(p, q, 2),
    impossible,
  };
}
