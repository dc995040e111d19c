import { angle, cosineSimilarity, dot, euclideanDistance, norm, projection } from '../../math';
import type { Bilingual, Lang, ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';

/** One word of the toy embedding map: its labels and hand-made 2-D coordinates. */
export interface MapWord {
  label: Bilingual;
  /** Which group it was placed in (people and royalty, animals, places). */
  group: 'people' | 'animals' | 'places';
  at: readonly [number, number];
}

/**
 * Twenty words placed by hand for the lesson (no model made them). Within each group a
 * fixed offset turns one word into another: royalty R = (1.6, 1.6) (man → king,
 * woman → queen), young Y = (1.1, 1.25) (cat → kitten, dog → puppy) and capital
 * C = (−0.8, 1.0) (France → Paris, Japan → Tokyo, Taiwan → Taipei), each with a little
 * play, so an analogy lands near, not exactly on, its answer.
 */
export const MAP_WORDS: readonly MapWord[] = [
  { label: { en: 'man', 'zh-TW': '男人' }, group: 'people', at: [2.3, 0.8] },
  { label: { en: 'woman', 'zh-TW': '女人' }, group: 'people', at: [0.8, 2.3] },
  { label: { en: 'king', 'zh-TW': '國王' }, group: 'people', at: [3.9, 2.4] },
  { label: { en: 'queen', 'zh-TW': '王后' }, group: 'people', at: [2.5, 3.8] },
  { label: { en: 'prince', 'zh-TW': '王子' }, group: 'people', at: [3.3, 1.9] },
  { label: { en: 'princess', 'zh-TW': '公主' }, group: 'people', at: [1.7, 3.1] },
  { label: { en: 'boy', 'zh-TW': '男孩' }, group: 'people', at: [1.6, 0.3] },
  { label: { en: 'girl', 'zh-TW': '女孩' }, group: 'people', at: [0.2, 1.5] },
  { label: { en: 'cat', 'zh-TW': '貓' }, group: 'animals', at: [-3.4, 0.9] },
  { label: { en: 'kitten', 'zh-TW': '小貓' }, group: 'animals', at: [-2.3, 2.2] },
  { label: { en: 'dog', 'zh-TW': '狗' }, group: 'animals', at: [-3.7, -0.3] },
  { label: { en: 'puppy', 'zh-TW': '小狗' }, group: 'animals', at: [-2.6, 0.9] },
  { label: { en: 'tiger', 'zh-TW': '老虎' }, group: 'animals', at: [-3.6, 2.6] },
  { label: { en: 'wolf', 'zh-TW': '狼' }, group: 'animals', at: [-4.1, -1.3] },
  { label: { en: 'France', 'zh-TW': '法國' }, group: 'places', at: [1.5, -3.7] },
  { label: { en: 'Paris', 'zh-TW': '巴黎' }, group: 'places', at: [0.75, -2.7] },
  { label: { en: 'Japan', 'zh-TW': '日本' }, group: 'places', at: [-1.4, -3.9] },
  { label: { en: 'Tokyo', 'zh-TW': '東京' }, group: 'places', at: [-2.2, -2.9] },
  { label: { en: 'Taiwan', 'zh-TW': '臺灣' }, group: 'places', at: [0.1, -4.2] },
  { label: { en: 'Taipei', 'zh-TW': '臺北' }, group: 'places', at: [-0.7, -3.2] },
];

/** The word's index by its English label. */
const W = (en: string) => MAP_WORDS.findIndex((w) => w.label.en === en);

/** An analogy a − b + c: the indices of a, b and c. */
export interface Analogy {
  a: number;
  b: number;
  c: number;
}

/** The analogies offered (option 0 is none). */
export const ANALOGIES: readonly Analogy[] = [
  { a: W('king'), b: W('man'), c: W('woman') },
  { a: W('Paris'), b: W('France'), c: W('Japan') },
  { a: W('puppy'), b: W('dog'), c: W('cat') },
  { a: W('Taipei'), b: W('Taiwan'), c: W('France') },
];

/** The words of an analogy as text: "king − man + woman". */
export function analogyText(an: Analogy, lang: Lang): string {
  const l = (i: number) => MAP_WORDS[i].label[lang];
  return `${l(an.a)} − ${l(an.b)} + ${l(an.c)}`;
}

/** How many neighbours each ranking lists. */
export const NEIGHBOURS = 3;
/** Largest |component| a slider or a drag gives a vector. */
export const LIMIT = 4;

/** The card's params: the two vectors, the normalize switch, the chosen word and the analogy. */
export const PARAMS = defineParams([
  {
    kind: 'vector',
    name: 'a',
    tex: 'a',
    label: { en: 'vector a', 'zh-TW': '向量 a' },
    slot: 1,
    min: -LIMIT,
    max: LIMIT,
    step: 0.1,
    default: [3, 1],
    length: 2,
  },
  {
    kind: 'vector',
    name: 'b',
    tex: 'b',
    label: { en: 'vector b', 'zh-TW': '向量 b' },
    slot: 2,
    min: -LIMIT,
    max: LIMIT,
    step: 0.1,
    default: [1, 2.5],
    length: 2,
  },
  {
    kind: 'toggle',
    name: 'unit',
    tex: '\\hat{a}',
    label: { en: 'normalize to length 1', 'zh-TW': '正規化為長度 1' },
    slot: 5,
    default: false,
  },
  {
    kind: 'choice',
    name: 'w',
    tex: 'w',
    label: { en: 'word on the map', 'zh-TW': '地圖上的詞' },
    slot: 6,
    options: MAP_WORDS.map((w, i) => ({ value: i, label: w.label })),
    default: W('king'),
  },
  {
    kind: 'choice',
    name: 'an',
    tex: 'r',
    label: { en: 'analogy', 'zh-TW': '類比' },
    slot: 7,
    options: [
      { value: 0, label: { en: 'none', 'zh-TW': '不顯示' } },
      ...ANALOGIES.map((an, i) => ({
        value: i + 1,
        label: { en: analogyText(an, 'en'), 'zh-TW': analogyText(an, 'zh-TW') },
      })),
    ],
    default: 1,
  },
]);

/** The card's values: `{ a: number[]; b: number[]; unit: boolean; w: number; an: number }`. */
export type SimilarityValues = ValuesOf<typeof PARAMS>;

/** Dot product, norms, angle, cosine, projection and distance of one pair of vectors. */
export interface PairMetrics {
  a: [number, number];
  b: [number, number];
  dot: number;
  normA: number;
  normB: number;
  /** The angle in radians, or null when a vector is zero (no direction). */
  angle: number | null;
  /** a·b / (‖a‖‖b‖), or null when a vector is zero. */
  cos: number | null;
  /** The projection of a on b, or null when b is zero. */
  proj: [number, number] | null;
  /** ‖a − b‖. */
  distance: number;
}

/** A neighbour of the chosen word under one measure. */
export interface Neighbour {
  index: number;
  score: number;
}

/** Neighbour rankings of the chosen word under the three measures. */
export interface Rankings {
  cos: Neighbour[];
  dot: Neighbour[];
  /** Nearest first: the score is the distance. */
  distance: Neighbour[];
  /** The three measures list the same words in the same order. */
  agree: boolean;
}

/** The analogy's result vector and the word nearest to it by cosine. */
export interface AnalogyResult {
  analogy: Analogy;
  /** a − b after the first step, and a − b + c. */
  partial: [number, number];
  target: [number, number];
  nearest: number;
  /** Cosine of the target with the nearest word. */
  cos: number;
}

/** Everything the card shows. */
export interface SimilarityResult {
  /** The pair as given. */
  raw: PairMetrics;
  /** The pair scaled to length 1 (null when a vector is zero). */
  unit: PairMetrics | null;
  /** Which the switch shows: unit when on and possible. */
  shown: PairMetrics;
  normalized: boolean;
  /** A vector is zero: its direction, the angle and the cosine are undefined. */
  zero: { a: boolean; b: boolean };
  word: number;
  rankings: Rankings;
  analogy: AnalogyResult | null;
}

const isZero = (v: readonly number[]) => v.every((x) => x === 0);

/** `v` scaled to length 1 (v must not be zero). */
export function unitVector(v: readonly [number, number]): [number, number] {
  const n = norm(v);
  return [v[0] / n, v[1] / n];
}

/** The metrics of a pair; the angle and cosine are null for a zero vector. */
export function pairMetrics(
  a: readonly [number, number],
  b: readonly [number, number],
): PairMetrics {
  const zero = isZero(a) || isZero(b);
  const p = isZero(b) ? null : projection(a, b);
  return {
    a: [a[0], a[1]],
    b: [b[0], b[1]],
    dot: dot(a, b),
    normA: norm(a),
    normB: norm(b),
    angle: zero ? null : angle(a, b),
    cos: zero ? null : cosineSimilarity(a, b),
    proj: p ? [p[0], p[1]] : null,
    distance: euclideanDistance(a, b),
  };
}

/** The top `NEIGHBOURS` of `scores` (word index → score), best first; ties to the lower index. */
function top(scores: Neighbour[], better: (x: number, y: number) => boolean): Neighbour[] {
  const sorted = [...scores].sort((p, q) =>
    p.score === q.score ? p.index - q.index : better(p.score, q.score) ? -1 : 1,
  );
  return sorted.slice(0, NEIGHBOURS);
}

/** The word vectors as the switch has them: as placed, or scaled to length 1. */
export function mapVectors(normalized: boolean): [number, number][] {
  return MAP_WORDS.map((w) => (normalized ? unitVector(w.at) : [w.at[0], w.at[1]]));
}

/** The chosen word's nearest neighbours by cosine, by dot product and by distance. */
export function rankNeighbours(word: number, normalized: boolean): Rankings {
  const vs = mapVectors(normalized);
  const q = vs[word];
  const others = vs.map((v, index) => ({ v, index })).filter((o) => o.index !== word);
  const cos = top(
    others.map(({ v, index }) => ({ index, score: cosineSimilarity(q, v) })),
    (x, y) => x > y,
  );
  const dots = top(
    others.map(({ v, index }) => ({ index, score: dot(q, v) })),
    (x, y) => x > y,
  );
  const distance = top(
    others.map(({ v, index }) => ({ index, score: euclideanDistance(q, v) })),
    (x, y) => x < y,
  );
  const same = (xs: Neighbour[]) => xs.every((n, i) => n.index === cos[i].index);
  return { cos, dot: dots, distance, agree: same(dots) && same(distance) };
}

/** a − b + c on the placed coordinates, and the word nearest to it by cosine (a, b, c left out). */
export function solveAnalogy(an: Analogy): AnalogyResult {
  const [a, b, c] = [an.a, an.b, an.c].map((i) => MAP_WORDS[i].at);
  const partial: [number, number] = [a[0] - b[0], a[1] - b[1]];
  const target: [number, number] = [partial[0] + c[0], partial[1] + c[1]];
  let nearest = -1;
  let best = -Infinity;
  MAP_WORDS.forEach((w, i) => {
    if (i === an.a || i === an.b || i === an.c) return;
    const s = cosineSimilarity(target, w.at);
    if (s > best) {
      best = s;
      nearest = i;
    }
  });
  return { analogy: an, partial, target, nearest, cos: best };
}

const pair = (v: readonly number[]): [number, number] => [v[0] ?? 0, v[1] ?? 0];

/** Reads the card's values: vectors a and b, the switch `unit`, the word `w` and the analogy `an`. */
export function computeSimilarity(values: SimilarityValues): SimilarityResult {
  const a = pair(values.a);
  const b = pair(values.b);
  const zero = { a: isZero(a), b: isZero(b) };
  const raw = pairMetrics(a, b);
  const unit = zero.a || zero.b ? null : pairMetrics(unitVector(a), unitVector(b));
  const normalized = values.unit;
  const word = Math.min(MAP_WORDS.length - 1, Math.max(0, Math.round(values.w)));
  const an = ANALOGIES[Math.round(values.an) - 1];
  return {
    raw,
    unit,
    shown: normalized && unit ? unit : raw,
    normalized,
    zero,
    word,
    rankings: rankNeighbours(word, normalized),
    analogy: an ? solveAnalogy(an) : null,
  };
}
