import { matmul, scaledDotProductAttention, softmax, transpose } from '../../math';
import type { Lang, Values } from '../../ui/card/types';

/** The tokens of the example sentence, at most six. */
export const TOKENS: Record<Lang, readonly string[]> = {
  en: ['the', 'cat', 'sat', 'down', 'to', 'sleep'],
  'zh-TW': ['貓', '坐', '下', '來', '睡', '覺'],
};

/** Largest number of tokens; matrix defaults hold this many rows. */
export const MAX_TOKENS = 6;
/** Dimension of queries, keys and values. */
export const D_K = 2;

/** The numbers behind the attention page for the current values. */
export interface AttentionPageResult {
  /** Number of tokens in use. */
  n: number;
  /** Selected query row (clamped to n − 1). */
  row: number;
  /** Whether the scores are divided by √d_k. */
  scaled: boolean;
  causal: boolean;
  Q: number[][];
  K: number[][];
  V: number[][];
  /** QKᵀ, n×n, unscaled and unmasked. */
  raw: number[][];
  /** The scores fed to softmax (QKᵀ/√d_k when scaled, else QKᵀ), before the mask. */
  scores: number[][];
  /** hidden[i][j]: key j is masked for query i (j > i under the causal mask). */
  hidden: boolean[][];
  /** Row-wise softmax of the masked scores. */
  weights: number[][];
  /** weights · V, n×2. */
  output: number[][];
  /** The selected row's weights under the other scaling setting, for comparison. */
  otherWeights: number[];
}

function matrix(values: Values, name: string, n: number): number[][] {
  const v = values[name];
  const rows = Array.isArray(v) ? (v as unknown[]) : [];
  return Array.from({ length: n }, (_, i) => {
    const r = Array.isArray(rows[i]) ? (rows[i] as unknown[]) : [];
    return Array.from({ length: D_K }, (_, c) => {
      const x = r[c];
      return typeof x === 'number' && Number.isFinite(x) ? x : 0;
    });
  });
}

/** Weights and outputs of softmax(S + M)·V for given scores S (no scaling applied here). */
function attendTo(scores: number[][], hidden: boolean[][], V: number[][]) {
  const weights = scores.map((row, i) =>
    softmax(row.map((s, j) => (hidden[i][j] ? -Infinity : s))),
  );
  return { weights, output: matmul(weights, V) };
}

/** Runs attention on the page's values, scaled through `scaledDotProductAttention`, or unscaled. */
export function computeAttention(values: Values): AttentionPageResult {
  const nRaw = values.n;
  const n =
    typeof nRaw === 'number' && Number.isFinite(nRaw)
      ? Math.min(MAX_TOKENS, Math.max(1, Math.round(nRaw)))
      : 4;
  const rowRaw = values.row;
  const row =
    typeof rowRaw === 'number' && Number.isFinite(rowRaw)
      ? Math.min(n - 1, Math.max(0, Math.round(rowRaw)))
      : 0;
  const scaled = values.scale !== false;
  const causal = values.causal === true;
  const Q = matrix(values, 'Q', n);
  const K = matrix(values, 'K', n);
  const V = matrix(values, 'V', n);

  const raw = matmul(Q, transpose(K));
  const hidden = raw.map((r, i) => r.map((_, j) => causal && j > i));
  const sdpa = scaledDotProductAttention(Q, K, V, { causal });
  // Without scaling: softmax of the raw dot products, masked the same way.
  const unscaled = attendTo(raw, hidden, V);

  const chosen = scaled ? sdpa : { scores: raw, ...unscaled };
  return {
    n,
    row,
    scaled,
    causal,
    Q,
    K,
    V,
    raw,
    scores: chosen.scores,
    hidden,
    weights: chosen.weights,
    output: chosen.output,
    otherWeights: scaled ? unscaled.weights[row] : sdpa.weights[row],
  };
}
