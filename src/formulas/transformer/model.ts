import {
  createRandom,
  layerNorm,
  normalSample,
  sinusoidalPositionalEncoding,
  softmax,
  transformerBlock,
} from '../../math';
import type { Random, TransformerBlockParams, TransformerBlockResult } from '../../math';
import type { Bilingual, Lang, ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';

/** The tiny vocabulary, one token id a word, written in each language. */
export const VOCAB: Record<Lang, readonly string[]> = {
  en: ['the', 'a', 'cat', 'dog', 'sat', 'slept', 'on', 'near', 'mat', 'rug', 'sofa', '.'],
  'zh-TW': ['這隻', '一塊', '貓', '狗', '坐', '睡', '在', '靠近', '墊子', '地毯', '沙發', '。'],
};
export const VOCAB_SIZE = VOCAB.en.length;

/** The sentence, as token ids: “the cat sat on a mat” / 這隻貓坐在一塊墊子. */
export const SENTENCE: readonly number[] = [0, 2, 4, 6, 1, 8];
export const MIN_TOKENS = 4;
export const MAX_TOKENS = SENTENCE.length;
/** The feed-forward width is 4 d_model, as in GPT-2. */
export const FF_FACTOR = 4;
/** The layer norms' ε. */
export const EPS = 1e-5;

/** The stages the time control steps through, in the order the block computes them. */
export const STAGES = [
  'embed',
  'ln1',
  'attn',
  'add1',
  'ln2',
  'ffn',
  'add2',
  'lnf',
  'logits',
  'softmax',
] as const;
export type StageId = (typeof STAGES)[number];
export const LAST_STAGE = STAGES.length - 1;

/** Each stage's name, for titles, the summary and the time control's readout. */
export const STAGE_NAMES: Record<StageId, Bilingual> = {
  embed: { en: 'token embeddings + positional encoding', 'zh-TW': '詞嵌入＋位置編碼' },
  ln1: { en: 'layer normalization 1', 'zh-TW': '第一次層正規化' },
  attn: { en: 'multi-head attention', 'zh-TW': '多頭注意力' },
  add1: { en: 'residual add 1', 'zh-TW': '第一次殘差相加' },
  ln2: { en: 'layer normalization 2', 'zh-TW': '第二次層正規化' },
  ffn: { en: 'feed-forward network with GELU', 'zh-TW': '前饋網路（GELU）' },
  add2: { en: 'residual add 2', 'zh-TW': '第二次殘差相加' },
  lnf: { en: 'final layer normalization', 'zh-TW': '最後的層正規化' },
  logits: { en: 'logits over the vocabulary', 'zh-TW': '詞彙表上的 logits' },
  softmax: { en: 'softmax: the next-token distribution', 'zh-TW': 'Softmax：下一個詞元的機率分布' },
};

/** How a sentence is edited, to compare with the original. */
export const EDITS = { none: 0, replace: 1, swap: 2 } as const;

/** The card's params. */
export const PARAMS = defineParams([
  {
    kind: 'scalar',
    name: 'n',
    tex: 'n',
    label: { en: 'tokens', 'zh-TW': '詞元數' },
    min: MIN_TOKENS,
    max: MAX_TOKENS,
    step: 1,
    default: 4,
    integer: true,
  },
  {
    kind: 'choice',
    name: 'd',
    tex: 'd',
    label: { en: 'model width d_model', 'zh-TW': '模型寬度 d_model' },
    options: [
      { value: 4, label: { en: '4', 'zh-TW': '4' } },
      { value: 8, label: { en: '8', 'zh-TW': '8' } },
    ],
    default: 8,
  },
  {
    kind: 'choice',
    name: 'h',
    tex: 'h',
    label: { en: 'attention heads', 'zh-TW': '注意力頭數' },
    slot: 4,
    options: [
      { value: 1, label: { en: '1 head', 'zh-TW': '1 個頭' } },
      { value: 2, label: { en: '2 heads', 'zh-TW': '2 個頭' } },
      { value: 4, label: { en: '4 heads', 'zh-TW': '4 個頭' } },
    ],
    default: 2,
  },
  {
    kind: 'toggle',
    name: 'causal',
    tex: 'M',
    label: { en: 'causal mask', 'zh-TW': '因果遮罩' },
    slot: 8,
    default: true,
  },
  {
    kind: 'toggle',
    name: 'pe',
    tex: '\\mathrm{PE}',
    label: { en: 'positional encoding', 'zh-TW': '位置編碼' },
    slot: 2,
    default: true,
  },
  {
    kind: 'choice',
    name: 'edit',
    tex: '\\Delta',
    label: { en: 'compare with an edited sentence', 'zh-TW': '與修改後的句子比較' },
    slot: 7,
    options: [
      { value: EDITS.none, label: { en: 'no edit', 'zh-TW': '不修改' } },
      { value: EDITS.replace, label: { en: 'change one token', 'zh-TW': '換掉一個詞元' } },
      {
        value: EDITS.swap,
        label: { en: 'swap the first two tokens', 'zh-TW': '交換前兩個詞元' },
      },
    ],
    default: EDITS.none,
  },
  {
    kind: 'choice',
    name: 'p',
    tex: 'j',
    label: { en: 'position to change', 'zh-TW': '要換的位置' },
    activeWhen: { param: 'edit', value: EDITS.replace },
    options: SENTENCE.map((id, i) => ({
      value: i,
      label: { en: `${i + 1} · ${VOCAB.en[id]}`, 'zh-TW': `${i + 1} · ${VOCAB['zh-TW'][id]}` },
    })),
    default: 2,
  },
  {
    kind: 'choice',
    name: 'w',
    tex: 'w',
    label: { en: 'new token', 'zh-TW': '新的詞元' },
    activeWhen: { param: 'edit', value: EDITS.replace },
    options: VOCAB.en.map((word, id) => ({
      value: id,
      label: { en: word, 'zh-TW': VOCAB['zh-TW'][id] },
    })),
    default: 5,
  },
  {
    kind: 'seed',
    name: 's',
    tex: 's',
    label: { en: 'seed of the random weights', 'zh-TW': '隨機權重的種子' },
    default: 1,
  },
  {
    kind: 'time',
    name: 't',
    tex: 't',
    label: { en: 'stage of the block', 'zh-TW': '區塊的階段' },
    max: LAST_STAGE,
    default: 0,
    speeds: [0.5, 1, 2],
    speed: 1,
  },
]);

/** The card's values. */
export type TransformerValues = ValuesOf<typeof PARAMS>;

/** Every weight of the tiny model: a token embedding, one block, and the final layer norm. */
export interface TinyWeights {
  d: number;
  /** Token embeddings, one row of d per word (also the output projection: tied weights). */
  E: number[][];
  block: {
    ln1: { gamma: number[]; beta: number[] };
    attn: {
      Wq: number[][];
      Wk: number[][];
      Wv: number[][];
      Wo: number[][];
      bq: number[];
      bk: number[];
      bv: number[];
      bo: number[];
    };
    ln2: { gamma: number[]; beta: number[] };
    ffn: { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };
  };
  lnf: { gamma: number[]; beta: number[] };
}

/** A draw rounded to 3 decimals: small numbers a reader can copy. */
function draw(random: Random, sd: number): number {
  return Math.round(normalSample(random, 0, sd) * 1000) / 1000;
}

/**
 * Random weights for width d, from the seed: the same seed and width give the same weights
 * everywhere. Untrained: N(0, 1) embeddings, N(0, 1/d) projections (queries and keys a little
 * wider, so the heads' patterns are visible), γ near 1 and small β and biases.
 */
export function tinyWeights(seed: number, d: number): TinyWeights {
  const random = createRandom(seed);
  const dff = FF_FACTOR * d;
  const matrix = (rows: number, cols: number, sd: number) =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, () => draw(random, sd)));
  const vector = (len: number, sd: number, mean = 0) =>
    Array.from({ length: len }, () => mean + draw(random, sd));
  const norm = () => ({ gamma: vector(d, 0.1, 1), beta: vector(d, 0.1) });
  const E = matrix(VOCAB_SIZE, d, 1);
  const s = 1 / Math.sqrt(d);
  const ln1 = norm();
  const attn = {
    Wq: matrix(d, d, 2 * s),
    Wk: matrix(d, d, 2 * s),
    Wv: matrix(d, d, s),
    Wo: matrix(d, d, s),
    bq: vector(d, 0.05),
    bk: vector(d, 0.05),
    bv: vector(d, 0.05),
    bo: vector(d, 0.05),
  };
  const ln2 = norm();
  const ffn = {
    W1: matrix(dff, d, s),
    b1: vector(dff, 0.1),
    W2: matrix(d, dff, 1 / Math.sqrt(dff)),
    b2: vector(d, 0.05),
  };
  const lnf = norm();
  return { d, E, block: { ln1, attn, ln2, ffn }, lnf };
}

/** Options of one forward pass. */
export interface ForwardOptions {
  heads: number;
  causal: boolean;
  /** Add the sinusoidal positional encoding to the embeddings. */
  pe: boolean;
}

/** Every tensor of one forward pass of the tiny model, one token a row. */
export interface Forward {
  tokens: number[];
  /** The tokens' embedding rows, n×d. */
  embed: number[][];
  /** The positional encoding added (all zeros when it is off), n×d. */
  pe: number[][];
  /** The block's input X = embed + pe, n×d. */
  x: number[][];
  block: TransformerBlockResult;
  /** The final layer norm of the block's output, n×d. */
  lnf: number[][];
  /** lnf Eᵀ, n×V. */
  logits: number[][];
  /** softmax of each row of the logits, n×V. */
  probs: number[][];
}

/** The tiny model on a sequence of token ids: embed, add positions, one block, final layer norm, logits. */
export function forward(tokens: readonly number[], w: TinyWeights, o: ForwardOptions): Forward {
  const n = tokens.length;
  const embed = tokens.map((id) => [...w.E[id]]);
  const peTable = sinusoidalPositionalEncoding(n, w.d);
  const pe = o.pe ? peTable : peTable.map((row) => row.map(() => 0));
  const x = embed.map((row, i) => row.map((v, c) => v + pe[i][c]));
  const params: TransformerBlockParams = w.block;
  const block = transformerBlock(x, params, { heads: o.heads, causal: o.causal, eps: EPS });
  const lnf = block.output.map((row) => layerNorm(row, w.lnf.gamma, w.lnf.beta, EPS));
  const logits = lnf.map((row) => w.E.map((e) => e.reduce((s, v, c) => s + v * row[c], 0)));
  const probs = logits.map((z) => softmax(z));
  return { tokens: [...tokens], embed, pe, x, block, lnf, logits, probs };
}

/** The matrices each stage shows, by name: what the plot draws and the edit comparison checks. */
export function stageTensors(f: Forward, stage: StageId): number[][][] {
  const b = f.block;
  switch (stage) {
    case 'embed':
      return [f.embed, f.pe, f.x];
    case 'ln1':
      return [b.ln1];
    case 'attn':
      return [...b.attention.heads.map((hd) => hd.weights), b.attention.output];
    case 'add1':
      return [b.residual1];
    case 'ln2':
      return [b.ln2];
    case 'ffn':
      return [b.ffn.hidden, b.ffn.activated, b.ffn.output];
    case 'add2':
      return [b.output];
    case 'lnf':
      return [f.lnf];
    case 'logits':
      return [f.logits];
    case 'softmax':
      return [f.probs];
  }
}

/** Two values differ past rounding (a permutation of a sum may move the last bits). */
export const CHANGE_TOL = 1e-9;

/** For each position, whether any of its rows in these matrices differs between a and b. */
export function changedRows(a: number[][][], b: number[][][]): boolean[] {
  const n = a[0].length;
  return Array.from({ length: n }, (_, i) =>
    a.some((m, k) => m[i].some((v, c) => Math.abs(v - b[k][i][c]) > CHANGE_TOL)),
  );
}

/** The numbers behind the page for the current values. */
export interface TransformerResult {
  n: number;
  d: number;
  dff: number;
  heads: number;
  causal: boolean;
  pe: boolean;
  stage: number;
  stageId: StageId;
  /** The seed the weights were drawn from. */
  seed: number;
  edit: number;
  /** The position replaced (edit = replace), else −1. */
  replaced: number;
  weights: TinyWeights;
  /** The sentence shown: the edited one when there is an edit. */
  run: Forward;
  /** The original sentence, when there is an edit; else the same as `run`. */
  original: Forward;
  /**
   * What `run` is compared with: `original`, with the attention weights' key columns swapped
   * too when the edit swaps the first two tokens (a row then compares the same tokens).
   */
  reference: Forward;
  /** changed[k][i]: stage k's tensors of position i differ from the original sentence's. */
  changed: boolean[][];
}

/** A forward pass with its attention weights' first two key columns exchanged. */
function swapKeys(f: Forward): Forward {
  const attention = f.block.attention;
  const heads = attention.heads.map((hd) => ({
    ...hd,
    weights: hd.weights.map((row) => [row[1], row[0], ...row.slice(2)]),
  }));
  return { ...f, block: { ...f.block, attention: { ...attention, heads } } };
}

/** The tokens of the sentence after an edit. */
export function editedTokens(n: number, edit: number, p: number, w: number): number[] {
  const tokens = SENTENCE.slice(0, n);
  if (edit === EDITS.replace) tokens[p] = w;
  else if (edit === EDITS.swap) [tokens[0], tokens[1]] = [tokens[1], tokens[0]];
  return tokens;
}

/** The page's compute: the original and the edited sentence through the block, and what changed. */
export function computeTransformer(v: TransformerValues): TransformerResult {
  const n = Math.min(MAX_TOKENS, Math.max(MIN_TOKENS, Math.round(v.n)));
  const d = v.d === 4 ? 4 : 8;
  const heads = [1, 2, 4].includes(v.h) ? v.h : 2;
  const stage = Math.min(LAST_STAGE, Math.max(0, Math.round(v.t)));
  const edit = [0, 1, 2].includes(v.edit) ? v.edit : 0;
  const p = Math.min(n - 1, Math.max(0, Math.round(v.p)));
  const word = Math.min(VOCAB_SIZE - 1, Math.max(0, Math.round(v.w)));
  const weights = tinyWeights(v.s, d);
  const options = { heads, causal: v.causal, pe: v.pe };
  const original = forward(SENTENCE.slice(0, n), weights, options);
  const run =
    edit === EDITS.none ? original : forward(editedTokens(n, edit, p, word), weights, options);
  const reference = edit === EDITS.swap ? swapKeys(original) : original;
  const changed = STAGES.map((id) =>
    run === original
      ? Array.from({ length: n }, () => false)
      : changedRows(stageTensors(run, id), stageTensors(reference, id)),
  );
  return {
    n,
    d,
    dff: FF_FACTOR * d,
    heads,
    causal: v.causal,
    pe: v.pe,
    stage,
    stageId: STAGES[stage],
    seed: v.s,
    edit,
    replaced: edit === EDITS.replace ? p : -1,
    weights,
    run,
    original,
    reference,
    changed,
  };
}
