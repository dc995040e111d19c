import { createRandom, entropy, perplexity, sampleIndex, softmax, topK, topP } from '../../math';
import type { Lang, ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';
import { BIGRAMS, END, START } from './bigrams';

/** The prompt whose next token the card predicts, written for each language. */
export const PROMPT: Record<Lang, string> = {
  en: 'The weather today is ___',
  'zh-TW': '今天的天氣很＿＿',
};

/** The ten candidate next tokens of the prompt. */
export const TOKENS: Record<Lang, readonly string[]> = {
  en: ['sunny', 'cold', 'warm', 'nice', 'rainy', 'hot', 'cloudy', 'perfect', 'awful', 'purple'],
  'zh-TW': ['好', '冷', '熱', '舒服', '晴朗', '悶', '潮濕', '涼爽', '糟', '紫色'],
};

/** How many tokens the seeded sampler draws at most (the last step of its control). */
export const MAX_DRAWS = 5000;
/** The most words of a generated sentence. */
export const MAX_WORDS = 12;

/** The card's params. */
export const PARAMS = defineParams([
  {
    kind: 'scalar',
    name: 'T',
    tex: 'T',
    label: { en: 'temperature', 'zh-TW': '溫度' },
    shares: 'temperature',
    slot: 2,
    min: 0.05,
    max: 10,
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
    default: [3, 2.2, 2, 1.6, 1.2, 0.8, 0.2, -0.5, -1.5, -4],
    length: 10,
    itemLabel: (i, lang) => TOKENS[lang][i] ?? `z_${i + 1}`,
  },
  {
    kind: 'toggle',
    name: 'useK',
    tex: '\\text{top-}k',
    label: { en: 'top-k on', 'zh-TW': '啟用 top-k' },
    slot: 3,
    default: true,
  },
  {
    kind: 'scalar',
    name: 'k',
    tex: 'k',
    label: { en: 'top-k: keep the k most likely', 'zh-TW': 'top-k：保留機率最高的 k 個' },
    slot: 3,
    min: 1,
    max: 10,
    step: 1,
    default: 6,
    integer: true,
  },
  {
    kind: 'toggle',
    name: 'useP',
    tex: '\\text{top-}p',
    label: { en: 'top-p on', 'zh-TW': '啟用 top-p' },
    slot: 4,
    default: true,
  },
  {
    kind: 'scalar',
    name: 'p',
    tex: 'p',
    label: {
      en: 'top-p: keep the smallest set reaching p',
      'zh-TW': 'top-p：保留累積機率達到 p 的最小集合',
    },
    slot: 4,
    min: 0.05,
    max: 1,
    step: 0.01,
    default: 0.9,
  },
  {
    kind: 'toggle',
    name: 'greedy',
    tex: '\\arg\\max',
    label: { en: 'greedy: always the most likely', 'zh-TW': '貪婪解碼：永遠選機率最高的' },
    slot: 5,
    default: false,
  },
  {
    kind: 'scalar',
    name: 'g',
    tex: 'm',
    label: { en: 'words generated', 'zh-TW': '生成的詞數' },
    slot: 7,
    min: 0,
    max: MAX_WORDS,
    step: 1,
    default: 4,
    integer: true,
  },
  {
    kind: 'seed',
    name: 's',
    tex: 's',
    label: { en: 'seed of the sampler', 'zh-TW': '抽樣的種子' },
    default: 1,
  },
  {
    kind: 'time',
    name: 'n',
    tex: 'N',
    label: { en: 'tokens sampled', 'zh-TW': '抽出的詞元數' },
    slot: 6,
    max: MAX_DRAWS,
    default: 0,
    speeds: [10, 30, 100],
    speed: 30,
  },
]);

/** The card's values. */
export type NextTokenValues = ValuesOf<typeof PARAMS>;

/** The sampler's settings, shared by the prompt's distribution and the generated sentence. */
export interface SamplerSettings {
  T: number;
  useK: boolean;
  k: number;
  useP: boolean;
  p: number;
  greedy: boolean;
}

/** The distributions of one pass of the sampling pipeline. */
export interface Pipeline {
  logits: number[];
  /** zᵢ / T. */
  scaled: number[];
  /** softmax(z / T). */
  softmax: number[];
  /** After top-k (the softmax itself when top-k is off); k clamped to the candidates. */
  afterK: number[];
  /** After top-p on the top-k result (afterK when top-p is off). */
  afterP: number[];
  /** What is sampled: afterP, or all mass on the most likely token when greedy. */
  final: number[];
  /** Index of the largest logit (ties: the lower index), the greedy pick. */
  argmax: number;
  /** The k actually used. */
  k: number;
}

/** Runs logits → ÷T → softmax → top-k → top-p → renormalised, as real samplers do. */
export function runPipeline(logits: readonly number[], s: SamplerSettings): Pipeline {
  const scaled = logits.map((z) => z / s.T);
  const soft = softmax(logits, s.T);
  const k = Math.min(Math.max(1, Math.round(s.k)), logits.length);
  const afterK = s.useK ? topK(soft, k) : soft;
  const afterP = s.useP ? topP(afterK, s.p) : afterK;
  let argmax = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i] > logits[argmax]) argmax = i;
  const final = s.greedy ? logits.map((_, i) => (i === argmax ? 1 : 0)) : afterP;
  return { logits: [...logits], scaled, softmax: soft, afterK, afterP, final, argmax, k };
}

/** Entropy (nats) and perplexity of one stage. */
export interface StageInfo {
  entropy: number;
  perplexity: number;
  kept: number;
}

const info = (p: readonly number[]): StageInfo => ({
  entropy: entropy(p),
  perplexity: perplexity(p),
  kept: p.filter((x) => x > 0).length,
});

/** One generated word: its index in the table, its probability given the word before, and the candidates. */
export interface GeneratedWord {
  word: string;
  prob: number;
  logProb: number;
}

/** A sentence generated word by word from the bigram table with the sampler's settings. */
export interface Generated {
  words: GeneratedWord[];
  /** The sentence ended with its end mark before the words ran out. */
  ended: boolean;
  /** Σ ln P(wᵢ | wᵢ₋₁) and its exponential, the chain-rule product. */
  logProb: number;
  prob: number;
}

/** The seed of the sentence's own random stream, apart from the histogram's. */
export function sentenceSeed(seed: number): number {
  return (seed ^ 0x9e3779b9) >>> 0;
}

/** Generates up to `count` words in `lang` from the start, sampling each with `settings` and `seed`. */
export function generate(
  lang: Lang,
  count: number,
  settings: SamplerSettings,
  seed: number,
): Generated {
  const table = BIGRAMS[lang];
  const random = createRandom(sentenceSeed(seed));
  const words: GeneratedWord[] = [];
  let prev = START;
  let logProb = 0;
  let ended = false;
  for (let i = 0; i < count && !ended; i++) {
    const next = table[prev];
    const pipe = runPipeline(
      next.map((c) => c.logit),
      settings,
    );
    const u = random();
    const j = sampleIndex(pipe.final, u);
    const word = next[j].word;
    const prob = pipe.final[j];
    words.push({ word, prob, logProb: Math.log(prob) });
    logProb += Math.log(prob);
    prev = word;
    ended = word === END;
  }
  return { words, ended, logProb, prob: Math.exp(logProb) };
}

/** The counts of each token among the first `n` draws from `p` with `seed`. */
export function drawCounts(p: readonly number[], seed: number, n: number): number[] {
  const random = createRandom(seed);
  const counts = p.map(() => 0);
  for (let i = 0; i < n; i++) counts[sampleIndex(p, random())]++;
  return counts;
}

/** Everything the card shows. */
export interface NextTokenResult {
  pipe: Pipeline;
  /** Entropy and perplexity of softmax, top-k, top-p, and what is sampled. */
  stages: { softmax: StageInfo; afterK: StageInfo; afterP: StageInfo; final: StageInfo };
  /** Tokens cut by top-k, and by top-p (among those top-k kept). */
  cutK: boolean[];
  cutP: boolean[];
  seed: number;
  draws: number;
  counts: number[];
  /** Largest |share − probability| among the draws (0 with none). */
  maxGap: number;
  sentence: Record<Lang, Generated>;
}

/** Reads the card's values. */
export function computeNextToken(values: NextTokenValues): NextTokenResult {
  const settings: SamplerSettings = values;
  const pipe = runPipeline(values.z, settings);
  const counts = drawCounts(pipe.final, values.s, values.n);
  const maxGap =
    values.n > 0 ? Math.max(...counts.map((c, i) => Math.abs(c / values.n - pipe.final[i]))) : 0;
  return {
    pipe,
    stages: {
      softmax: info(pipe.softmax),
      afterK: info(pipe.afterK),
      afterP: info(pipe.afterP),
      final: info(pipe.final),
    },
    cutK: pipe.softmax.map((x, i) => x > 0 && pipe.afterK[i] === 0),
    cutP: pipe.afterK.map((x, i) => x > 0 && pipe.afterP[i] === 0),
    seed: values.s,
    draws: values.n,
    counts,
    maxGap,
    sentence: {
      en: generate('en', values.g, settings, values.s),
      'zh-TW': generate('zh-TW', values.g, settings, values.s),
    },
  };
}
