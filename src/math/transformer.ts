import { gelu } from './activations';
import { layerNorm, scaledDotProductAttention } from './attention';
import type { AttentionResult } from './attention';
import { dotUnchecked } from './linalg';
import type { Matrix, Vector } from './types';
import { checkCount, checkLength, checkMatrix, checkPositive, checkShape, fail } from './validate';

/**
 * A decoder block of a GPT-2-style Transformer, pre-LN: multi-head attention
 * and the position-wise feed-forward network, each behind a layer norm and
 * added back to its input (the residual stream). Every weight matrix is
 * out×in, as PyTorch's `nn.Linear`: on a sequence X (one token a row) it
 * computes X Wᵀ + b.
 */

/** The projections of `multiHeadAttention`: d×d matrices (d = dModel) and optional biases of d entries (default 0). */
export interface AttentionWeights {
  Wq: Matrix;
  Wk: Matrix;
  Wv: Matrix;
  Wo: Matrix;
  bq?: Vector;
  bk?: Vector;
  bv?: Vector;
  bo?: Vector;
}

/** Options of `multiHeadAttention`. */
export interface MultiHeadAttentionOptions {
  /** The number of heads h, a positive integer that divides d. */
  heads: number;
  /** Hide token j from token i when j > i; default false, as `scaledDotProductAttention`. */
  causal?: boolean;
}

/** What `multiHeadAttention` returns. */
export interface MultiHeadAttentionResult {
  /** Each head's `scaledDotProductAttention` result on its d/h columns of Q, K and V. */
  heads: AttentionResult[];
  /** The heads' outputs side by side, n×d. */
  concat: number[][];
  /** concat Woᵀ + bo, n×d. */
  output: number[][];
}

/** The weights of `feedForward`: W1 is dff×d, b1 has dff entries, W2 is d×dff, b2 has d entries. */
export interface FeedForwardWeights {
  W1: Matrix;
  b1: Vector;
  W2: Matrix;
  b2: Vector;
}

/** What `feedForward` returns. */
export interface FeedForwardResult {
  /** X W1ᵀ + b1, n×dff. */
  hidden: number[][];
  /** gelu of every entry of hidden, n×dff. */
  activated: number[][];
  /** activated W2ᵀ + b2, n×d. */
  output: number[][];
}

/** A layer norm's scale γ and shift β, d entries each; γ = 1 and β = 0 when omitted. */
export interface LayerNormParams {
  gamma?: Vector;
  beta?: Vector;
}

/** The parameters of `transformerBlock`. */
export interface TransformerBlockParams {
  ln1: LayerNormParams;
  attn: AttentionWeights;
  ln2: LayerNormParams;
  ffn: FeedForwardWeights;
}

/** Options of `transformerBlock`. */
export interface TransformerBlockOptions {
  /** The number of attention heads, a positive integer that divides d. */
  heads: number;
  /** A decoder's causal mask; default true. */
  causal?: boolean;
  /** The layer norms' eps, > 0; default 1e-5. */
  eps?: number;
}

/** What `transformerBlock` returns: every intermediate of the block, n×d each. */
export interface TransformerBlockResult {
  ln1: number[][];
  attention: MultiHeadAttentionResult;
  residual1: number[][];
  ln2: number[][];
  ffn: FeedForwardResult;
  output: number[][];
}

function checkObject(fn: string, param: string, value: unknown, what: string): void {
  if (value === null || typeof value !== 'object') {
    fail(fn, param, `must be an object ${what}, got ${String(value)}`);
  }
}

function checkHeads(fn: string, param: string, heads: number, d: number): void {
  checkCount(fn, param, heads);
  if (d % heads !== 0) fail(fn, param, `must divide d = ${d} (the columns of X), got ${heads}`);
}

function checkCausal(fn: string, param: string, causal: unknown): void {
  if (typeof causal !== 'boolean') fail(fn, param, `must be a boolean, got ${String(causal)}`);
}

function checkAttentionWeights(fn: string, prefix: string, w: AttentionWeights, d: number): void {
  checkObject(fn, prefix, w, '{ Wq, Wk, Wv, Wo, bq?, bk?, bv?, bo? }');
  const why = `d×d, d = ${d} the columns of X`;
  for (const name of ['Wq', 'Wk', 'Wv', 'Wo'] as const) {
    checkShape(fn, `${prefix}.${name}`, w[name], d, d, why);
  }
  for (const name of ['bq', 'bk', 'bv', 'bo'] as const) {
    const b = w[name];
    if (b !== undefined) checkLength(fn, `${prefix}.${name}`, b, d, `d = ${d}`);
  }
}

function checkFeedForwardWeights(
  fn: string,
  prefix: string,
  w: FeedForwardWeights,
  d: number,
): void {
  checkObject(fn, prefix, w, '{ W1, b1, W2, b2 }');
  const [dff, cols] = checkMatrix(fn, `${prefix}.W1`, w.W1);
  if (cols !== d) fail(fn, `${prefix}.W1`, `must have d = ${d} columns (those of X), got ${cols}`);
  checkLength(fn, `${prefix}.b1`, w.b1, dff, `dff = ${dff}, the rows of W1`);
  checkShape(fn, `${prefix}.W2`, w.W2, d, dff, `d×dff = ${d}×${dff}`);
  checkLength(fn, `${prefix}.b2`, w.b2, d, `d = ${d}`);
}

function checkLayerNormParams(fn: string, prefix: string, p: LayerNormParams, d: number): void {
  checkObject(fn, prefix, p, '{ gamma?, beta? }');
  if (p.gamma !== undefined) checkLength(fn, `${prefix}.gamma`, p.gamma, d, `d = ${d}`);
  if (p.beta !== undefined) checkLength(fn, `${prefix}.beta`, p.beta, d, `d = ${d}`);
}

/** X Wᵀ + b for validated shapes; throws naming `param` when the result overflows. */
function linear(
  fn: string,
  param: string,
  X: Matrix,
  W: Matrix,
  b: Vector | undefined,
): number[][] {
  const out = W.length;
  const Y: number[][] = new Array<number[]>(X.length);
  for (let i = 0; i < X.length; i++) {
    const x = X[i];
    const y = new Array<number>(out);
    for (let j = 0; j < out; j++) {
      const v = dotUnchecked(x, W[j]) + (b === undefined ? 0 : b[j]);
      if (!Number.isFinite(v)) {
        fail(fn, param, `and its input give a non-finite value at [${i}][${j}] (an overflow)`);
      }
      y[j] = v;
    }
    Y[i] = y;
  }
  return Y;
}

/** Entry-wise A + B for same-shape matrices (a residual connection); throws naming `param` when a sum overflows. */
function addRows(fn: string, param: string, what: string, A: Matrix, B: Matrix): number[][] {
  return A.map((row, i) =>
    row.map((a, j) => {
      const v = a + B[i][j];
      if (!Number.isFinite(v)) fail(fn, param, `${what} overflows at [${i}][${j}]`);
      return v;
    }),
  );
}

function attentionUnchecked(
  fn: string,
  prefix: string,
  X: Matrix,
  w: AttentionWeights,
  h: number,
  causal: boolean,
): MultiHeadAttentionResult {
  const Q = linear(fn, `${prefix}.Wq`, X, w.Wq, w.bq);
  const K = linear(fn, `${prefix}.Wk`, X, w.Wk, w.bk);
  const V = linear(fn, `${prefix}.Wv`, X, w.Wv, w.bv);
  const n = X.length;
  const d = w.Wq.length;
  const dh = d / h;
  const concat: number[][] = Array.from({ length: n }, () => new Array<number>(d));
  const heads: AttentionResult[] = [];
  for (let i = 0; i < h; i++) {
    const lo = i * dh;
    const cols = (M: number[][]): number[][] => M.map((row) => row.slice(lo, lo + dh));
    let head: AttentionResult;
    try {
      head = scaledDotProductAttention(cols(Q), cols(K), cols(V), { causal });
    } catch (e) {
      // Q, K and V are finite here: only a score QKᵀ/√d_k can overflow.
      if (!(e instanceof RangeError)) throw e;
      fail(fn, `${prefix}.Wq`, `and ${prefix}.Wk give a non-finite score in head ${i}`);
    }
    for (let r = 0; r < n; r++) {
      const src = head.output[r];
      const dst = concat[r];
      for (let c = 0; c < dh; c++) dst[lo + c] = src[c];
    }
    heads.push(head);
  }
  const output = linear(fn, `${prefix}.Wo`, concat, w.Wo, w.bo);
  return { heads, concat, output };
}

function feedForwardUnchecked(
  fn: string,
  prefix: string,
  X: Matrix,
  w: FeedForwardWeights,
): FeedForwardResult {
  const hidden = linear(fn, `${prefix}.W1`, X, w.W1, w.b1);
  const activated = hidden.map((row) => row.map(gelu));
  const output = linear(fn, `${prefix}.W2`, activated, w.W2, w.b2);
  return { hidden, activated, output };
}

/** Multi-head attention: $\mathrm{head}_i = \mathrm{Attention}(Q_i, K_i, V_i)$ on columns $i\frac{d}{h} \dots (i+1)\frac{d}{h}-1$ of $Q = XW_q^\top + b_q$, $K = XW_k^\top + b_k$, $V = XW_v^\top + b_v$; output $= \mathrm{concat}(\mathrm{head}_1, \dots, \mathrm{head}_h)\,W_o^\top + b_o$. */
export function multiHeadAttention(
  X: Matrix,
  weights: AttentionWeights,
  options: MultiHeadAttentionOptions,
): MultiHeadAttentionResult {
  const fn = 'multiHeadAttention';
  const d = checkMatrix(fn, 'X', X)[1];
  checkAttentionWeights(fn, 'weights', weights, d);
  checkObject(fn, 'options', options, '{ heads, causal? }');
  const { heads, causal = false } = options;
  checkHeads(fn, 'options.heads', heads, d);
  checkCausal(fn, 'options.causal', causal);
  return attentionUnchecked(fn, 'weights', X, weights, heads, causal);
}

/** Position-wise feed-forward network: $\mathrm{FFN}(X) = \mathrm{GELU}\!\left(XW_1^\top + b_1\right) W_2^\top + b_2$, GELU$(x) = x\,\Phi(x)$ on every entry. */
export function feedForward(X: Matrix, weights: FeedForwardWeights): FeedForwardResult {
  const fn = 'feedForward';
  const d = checkMatrix(fn, 'X', X)[1];
  checkFeedForwardWeights(fn, 'weights', weights, d);
  return feedForwardUnchecked(fn, 'weights', X, weights);
}

/** Pre-LN decoder block (GPT-2): $R = X + \mathrm{MHA}(\mathrm{LN}_1(X))$, output $= R + \mathrm{FFN}(\mathrm{LN}_2(R))$, each LN row-wise. */
export function transformerBlock(
  X: Matrix,
  params: TransformerBlockParams,
  options: TransformerBlockOptions,
): TransformerBlockResult {
  const fn = 'transformerBlock';
  const d = checkMatrix(fn, 'X', X)[1];
  checkObject(fn, 'params', params, '{ ln1, attn, ln2, ffn }');
  checkLayerNormParams(fn, 'params.ln1', params.ln1, d);
  checkAttentionWeights(fn, 'params.attn', params.attn, d);
  checkLayerNormParams(fn, 'params.ln2', params.ln2, d);
  checkFeedForwardWeights(fn, 'params.ffn', params.ffn, d);
  checkObject(fn, 'options', options, '{ heads, causal?, eps? }');
  const { heads, causal = true, eps = 1e-5 } = options;
  checkHeads(fn, 'options.heads', heads, d);
  checkCausal(fn, 'options.causal', causal);
  checkPositive(fn, 'options.eps', eps);

  const { ln1: p1, ln2: p2 } = params;
  const ln1 = X.map((row) => layerNorm(row, p1.gamma, p1.beta, eps));
  const attention = attentionUnchecked(fn, 'params.attn', ln1, params.attn, heads, causal);
  const residual1 = addRows(fn, 'X', 'plus the attention output', X, attention.output);
  const ln2 = residual1.map((row) => layerNorm(row, p2.gamma, p2.beta, eps));
  const ffn = feedForwardUnchecked(fn, 'params.ffn', ln2, params.ffn);
  const output = addRows(fn, 'params.ffn', 'output plus residual1', residual1, ffn.output);
  return { ln1, attention, residual1, ln2, ffn, output };
}
