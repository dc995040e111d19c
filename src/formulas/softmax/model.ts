import { entropy, softmax } from '../../math';
import { formatProbability } from '../../plots/formatNumber';
import type { Lang, ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';
import { DRAWS_MAX, drawTokens } from './draws';

/** The five candidate next tokens of "The cat sat on the ___". */
export const TOKENS: Record<Lang, readonly string[]> = {
  en: ['mat', 'floor', 'sofa', 'roof', 'moon'],
  'zh-TW': ['墊子', '地板', '沙發', '屋頂', '月亮'],
};

/** The sentence whose blank the tokens fill. */
export const CONTEXT: Record<Lang, string> = {
  en: 'The cat sat on the ___',
  'zh-TW': '貓咪坐在＿＿上',
};

/** The card's params: temperature T, logits z, shift c, and the seed and count of the draws. */
export const PARAMS = defineParams([
  {
    kind: 'scalar',
    name: 'T',
    tex: 'T',
    label: { en: 'temperature', 'zh-TW': '溫度' },
    shares: 'temperature',
    slot: 2,
    min: 0.05,
    max: 20,
    step: 0.01,
    default: 1,
    scale: 'log',
  },
  {
    kind: 'vector',
    name: 'z',
    tex: 'z',
    label: { en: 'logits', 'zh-TW': 'logits' },
    shares: 'logits',
    slot: 1,
    min: -10,
    max: 10,
    step: 0.1,
    default: [2.5, 1.2, 0.8, 0, -2],
    length: 5,
    itemLabel: (i, lang) => TOKENS[lang][i] ?? `z_${i + 1}`,
  },
  {
    kind: 'scalar',
    name: 'c',
    tex: 'c',
    label: { en: 'shift added to every logit', 'zh-TW': '加到每個 logit 的平移量' },
    slot: 3,
    min: -1000,
    max: 1000,
    step: 1,
    default: 0,
  },
  {
    kind: 'seed',
    name: 's',
    tex: 's',
    label: { en: 'seed of the draws', 'zh-TW': '抽樣的種子' },
    default: 1,
  },
  {
    kind: 'time',
    name: 'k',
    tex: 'k',
    label: { en: 'tokens drawn', 'zh-TW': '抽出的詞元數' },
    max: DRAWS_MAX,
    default: 0,
    speeds: [2, 5, 10, 30],
    speed: 10,
  },
]);

/** The card's values: `{ T: number; z: number[]; c: number; s: number; k: number }`. */
export type SoftmaxValues = ValuesOf<typeof PARAMS>;

/** How the naive formula e^s / Σ e^s fared in float64. */
export type NaiveStatus = 'ok' | 'overflow' | 'underflow';

/** Everything the softmax card shows for one setting of z, T and c. */
export interface SoftmaxResult {
  /** Shifted logits zᵢ + c. */
  logits: number[];
  /** Scaled logits sᵢ = (zᵢ + c) / T. */
  scaled: number[];
  /** max_j sⱼ, subtracted before exponentiating. */
  max: number;
  /** e^(sᵢ − max): finite, the largest is 1. */
  stableExps: number[];
  /** Σ e^(sᵢ − max), between 1 and n. */
  stableSum: number;
  /** The probabilities, from the library's stable softmax. */
  p: number[];
  /** H(p) = −Σ pᵢ ln pᵢ in nats. */
  entropy: number;
  /** ln n, the entropy of the uniform distribution. */
  maxEntropy: number;
  /** e^(sᵢ) formed directly with Math.exp; may be Infinity or 0. */
  naiveExps: number[];
  /** Σ e^(sᵢ) formed directly; may be Infinity or 0. */
  naiveSum: number;
  /** e^(sᵢ) / Σ e^(sⱼ) formed directly; NaN or wrong when the exponentials overflow or underflow. */
  naive: number[];
  naiveStatus: NaiveStatus;
  /** Index of the most likely token. */
  top: number;
  /** Seed and number k of the tokens drawn from p, how often each token was drawn, the last (−1 for none). */
  seed: number;
  k: number;
  drawn: number[];
  last: number;
}

/** Reads the card's values: z (5 logits), T (temperature), c (shift added to every logit), s (seed), k (tokens drawn). */
export function computeSoftmax(values: SoftmaxValues): SoftmaxResult {
  const { z, T, c } = values;
  const logits = z.map((zi) => zi + c);
  const scaled = logits.map((l) => l / T);
  const max = Math.max(...scaled);
  const stableExps = scaled.map((s) => Math.exp(s - max));
  const stableSum = stableExps.reduce((a, b) => a + b, 0);
  const p = softmax(logits, T);
  const naiveExps = scaled.map((s) => Math.exp(s));
  const naiveSum = naiveExps.reduce((a, b) => a + b, 0);
  const naive = naiveExps.map((e) => e / naiveSum);
  const naiveStatus: NaiveStatus =
    naiveSum === Infinity ? 'overflow' : naiveSum === 0 ? 'underflow' : 'ok';
  let top = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[top]) top = i;
  const { s: seed, k } = values;
  const { counts: drawn, last } = drawTokens(p, seed, k);
  return {
    seed,
    k,
    drawn,
    last,
    logits,
    scaled,
    max,
    stableExps,
    stableSum,
    p,
    entropy: entropy(p),
    maxEntropy: Math.log(p.length),
    naiveExps,
    naiveSum,
    naive,
    naiveStatus,
    top,
  };
}

/** What the naive formula gives for token i, in words that never read NaN. */
export function naiveLabel(result: SoftmaxResult, i: number): string {
  const v = result.naive[i];
  if (Number.isFinite(v)) return formatProbability(v);
  if (result.naiveExps[i] === Infinity) return '∞/∞';
  if (result.naiveSum === 0) return '0/0';
  return '∞/∞';
}

/** True when the naive value of token i is missing or differs from the stable one. */
export function naiveWrong(result: SoftmaxResult, i: number): boolean {
  const v = result.naive[i];
  return !Number.isFinite(v) || Math.abs(v - result.p[i]) > 1e-9;
}
