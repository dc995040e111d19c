import { determinant, dot, matmul, transpose } from '../../math';
import type { Bilingual, Lang, ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';

/** Largest m, k and n: A and B hold this many rows and columns. */
export const MAX_SIZE = 4;
/** Range and step of an entry of A and B. */
export const ENTRY = { min: -9, max: 9, step: 0.5 } as const;

const A0 = [
  [1, 2, 0, -1],
  [3, -1, 2, 0],
  [0, 1, 1, 2],
  [2, 0, -1, 1],
];
const B0 = [
  [2, 1, 0, 1],
  [0, -1, 1, 2],
  [1, 3, -1, 0],
  [-1, 0, 2, 1],
];

/** How the matrices are named: plainly, as a layer, or as the queries of attention. */
export type Naming = 'plain' | 'layer' | 'queries';
export const NAMINGS: readonly Naming[] = ['plain', 'layer', 'queries'];

/** The names and dimension words of each naming. */
export const NAMES: Record<
  Naming,
  { A: string; B: string; C: string; dims: Bilingual<[string, string, string]> | null }
> = {
  plain: { A: 'A', B: 'B', C: 'C', dims: null },
  layer: {
    A: '[W | b]',
    B: '[x ; 1]',
    C: 'y',
    dims: { en: ['out', 'in + 1', 'examples'], 'zh-TW': ['輸出', '輸入 + 1', '樣本'] },
  },
  queries: {
    A: 'X',
    B: 'W_Qᵀ',
    C: 'Q',
    dims: { en: ['tokens', 'd_model', 'd_k'], 'zh-TW': ['詞元', 'd_model', 'd_k'] },
  },
};

/** The card's params. A and B are edited in the plot's grids; the plane's matrix M by sliders. */
export const PARAMS = defineParams([
  {
    kind: 'scalar',
    name: 'm',
    tex: 'm',
    label: { en: 'rows of A (m)', 'zh-TW': 'A 的列數 (m)' },
    min: 1,
    max: MAX_SIZE,
    step: 1,
    default: 2,
    integer: true,
  },
  {
    kind: 'scalar',
    name: 'k',
    tex: 'k',
    label: { en: 'columns of A = rows of B (k)', 'zh-TW': 'A 的行數 = B 的列數 (k)' },
    min: 1,
    max: MAX_SIZE,
    step: 1,
    default: 3,
    integer: true,
  },
  {
    kind: 'scalar',
    name: 'n',
    tex: 'n',
    label: { en: 'columns of B (n)', 'zh-TW': 'B 的行數 (n)' },
    min: 1,
    max: MAX_SIZE,
    step: 1,
    default: 2,
    integer: true,
  },
  {
    kind: 'matrix',
    name: 'A',
    tex: 'A',
    label: { en: 'matrix A', 'zh-TW': '矩陣 A' },
    slot: 1,
    ...ENTRY,
    default: A0,
    rows: { param: 'm' },
    cols: MAX_SIZE,
    inPlot: true,
  },
  {
    kind: 'matrix',
    name: 'B',
    tex: 'B',
    label: { en: 'matrix B', 'zh-TW': '矩陣 B' },
    slot: 2,
    ...ENTRY,
    default: B0,
    rows: { param: 'k' },
    cols: MAX_SIZE,
    inPlot: true,
  },
  {
    kind: 'scalar',
    name: 'cell',
    tex: 'c_{ij}',
    label: { en: 'entry of C in focus', 'zh-TW': '聚焦的 C 元素' },
    slot: 3,
    min: 0,
    max: MAX_SIZE * MAX_SIZE - 1,
    step: 1,
    default: 0,
    integer: true,
    inPlot: true,
  },
  {
    kind: 'time',
    name: 't',
    tex: 't',
    label: { en: 'entries of C computed', 'zh-TW': '已算出的 C 元素' },
    max: { product: ['m', 'n'] },
    default: MAX_SIZE * MAX_SIZE,
    speeds: [0.5, 1, 2, 5],
    speed: 1,
  },
  {
    kind: 'toggle',
    name: 'tr',
    tex: '\\top',
    label: { en: 'transpose: (AB)ᵀ = BᵀAᵀ', 'zh-TW': '轉置：(AB)ᵀ = BᵀAᵀ' },
    slot: 4,
    default: false,
  },
  {
    kind: 'choice',
    name: 'names',
    tex: 'W',
    label: { en: 'name the matrices as', 'zh-TW': '矩陣的名稱' },
    options: [
      { value: 0, label: { en: 'A, B, C', 'zh-TW': 'A、B、C' } },
      { value: 1, label: { en: 'a layer: y = Wx + b', 'zh-TW': '一層網路：y = Wx + b' } },
      {
        value: 2,
        label: { en: 'attention: Q = X W_Qᵀ', 'zh-TW': '注意力：Q = X W_Qᵀ' },
      },
    ],
    default: 0,
  },
  {
    kind: 'matrix',
    name: 'M',
    tex: 'M',
    label: { en: '2×2 matrix M on the plane', 'zh-TW': '作用在平面上的 2×2 矩陣 M' },
    slot: 5,
    min: -3,
    max: 3,
    step: 0.1,
    default: [
      [1.5, 0.5],
      [0.5, 1],
    ],
    rows: 2,
    cols: 2,
  },
  {
    kind: 'vector',
    name: 'x',
    tex: 'x',
    label: { en: 'vector x', 'zh-TW': '向量 x' },
    slot: 6,
    min: -3,
    max: 3,
    step: 0.1,
    default: [1, 1],
    length: 2,
  },
]);

/** The card's values. */
export type MatmulValues = ValuesOf<typeof PARAMS>;

/** One entry of C in focus: where it is and the products that make it. */
export interface FocusCell {
  i: number;
  j: number;
  /** a_il · b_lj for l = 1…k. */
  terms: { a: number; b: number }[];
  value: number;
  /** It is filled at the current step. */
  filled: boolean;
}

/** How M acts on the plane. */
export interface PlaneResult {
  M: [[number, number], [number, number]];
  x: [number, number];
  /** M x. */
  image: [number, number];
  /** det M, rounded to 0 when it is within rounding of 0. */
  det: number;
  /** 'kept' (det > 0), 'flipped' (det < 0) or 'collapsed' (det = 0). */
  orientation: 'kept' | 'flipped' | 'collapsed';
  /** When collapsed: the plane lands on a line (rank 1) or on the origin (M = 0). */
  rank: 0 | 1 | 2;
}

/** Everything the card shows. */
export interface MatmulResult {
  m: number;
  k: number;
  n: number;
  A: number[][];
  B: number[][];
  /** C = AB, m×n. */
  C: number[][];
  /** Entries of C filled so far (row by row), 0…m·n. */
  step: number;
  total: number;
  focus: FocusCell;
  /** (AB)ᵀ, BᵀAᵀ and the largest |difference| of their entries. */
  transpose: {
    show: boolean;
    Bt: number[][];
    At: number[][];
    Ct: number[][];
    BtAt: number[][];
    maxDiff: number;
  };
  /** BA exists when n = m: its shape, or null. */
  ba: { rows: number; cols: number } | null;
  naming: Naming;
  plane: PlaneResult;
}

const clampInt = (x: number, lo: number, hi: number) =>
  Math.min(hi, Math.max(lo, Math.round(Number.isFinite(x) ? x : lo)));

/** The top-left r×c block of a matrix value, missing entries 0. */
export function block(v: readonly (readonly number[])[], r: number, c: number): number[][] {
  return Array.from({ length: r }, (_, i) =>
    Array.from({ length: c }, (_, j) => {
      const x = v[i]?.[j];
      return typeof x === 'number' && Number.isFinite(x) ? x : 0;
    }),
  );
}

/** Which entry of C is in focus: the newest while stepping, else the one chosen. */
export function focusIndex(
  cell: number,
  step: number,
  m: number,
  n: number,
): { i: number; j: number } {
  if (step > 0 && step < m * n) return { i: Math.floor((step - 1) / n), j: (step - 1) % n };
  const c = clampInt(cell, 0, MAX_SIZE * MAX_SIZE - 1);
  return { i: Math.min(m - 1, Math.floor(c / MAX_SIZE)), j: Math.min(n - 1, c % MAX_SIZE) };
}

/** Whether entry (i, j) of an m×n C is filled after `step` steps (row by row). */
export function isFilled(i: number, j: number, n: number, step: number): boolean {
  return i * n + j < step;
}

/** det M and what M does to the plane. */
export function planeOf(Mv: readonly (readonly number[])[], xv: readonly number[]): PlaneResult {
  const [[a, b], [c, d]] = block(Mv, 2, 2);
  const M: [[number, number], [number, number]] = [
    [a, b],
    [c, d],
  ];
  const x: [number, number] = [xv[0] ?? 0, xv[1] ?? 0];
  const image: [number, number] = [a * x[0] + b * x[1], c * x[0] + d * x[1]];
  const raw = determinant(M);
  // entries on a 0.1 grid: a determinant within rounding of 0 is 0 (0.2·0.3 − 0.1·0.6)
  const scale = Math.max(Math.abs(a * d), Math.abs(b * c));
  const det = Math.abs(raw) <= 1e-12 * Math.max(1, scale) ? 0 : raw;
  const zero = a === 0 && b === 0 && c === 0 && d === 0;
  return {
    M,
    x,
    image,
    det,
    orientation: det > 0 ? 'kept' : det < 0 ? 'flipped' : 'collapsed',
    rank: zero ? 0 : det === 0 ? 1 : 2,
  };
}

/** Reads the card's values: sizes m, k, n, matrices A and B, the focus cell, the step t, the transpose switch, M and x. */
export function computeMatmul(values: MatmulValues): MatmulResult {
  const m = clampInt(values.m, 1, MAX_SIZE);
  const k = clampInt(values.k, 1, MAX_SIZE);
  const n = clampInt(values.n, 1, MAX_SIZE);
  const A = block(values.A, m, k);
  const B = block(values.B, k, n);
  const C = matmul(A, B);
  const total = m * n;
  const step = clampInt(values.t, 0, total);
  const { i, j } = focusIndex(values.cell, step, m, n);
  const column = B.map((row) => row[j]);
  const focus: FocusCell = {
    i,
    j,
    terms: A[i].map((a, l) => ({ a, b: column[l] })),
    value: dot(A[i], column),
    filled: isFilled(i, j, n, step),
  };
  const At = transpose(A);
  const Bt = transpose(B);
  const Ct = transpose(C);
  const BtAt = matmul(Bt, At);
  let maxDiff = 0;
  Ct.forEach((row, r) =>
    row.forEach((v, c) => (maxDiff = Math.max(maxDiff, Math.abs(v - BtAt[r][c])))),
  );
  return {
    m,
    k,
    n,
    A,
    B,
    C,
    step,
    total,
    focus,
    transpose: { show: values.tr, At, Bt, Ct, BtAt, maxDiff },
    ba: n === m ? { rows: k, cols: k } : null,
    naming: NAMINGS[clampInt(values.names, 0, NAMINGS.length - 1)],
    plane: planeOf(values.M, values.x),
  };
}

/** The words of a matrix's size, "2×3". */
export const size = (r: number, c: number) => `${r}×${c}`;

/** The entry's name in TeX-free text: c₁₂ as "c12". */
export const entryName = (name: string, i: number, j: number) => `${name}${i + 1}${j + 1}`;

/** Labels of the languages, for the plot and the summary. */
export type Words<T> = Record<Lang, T>;
