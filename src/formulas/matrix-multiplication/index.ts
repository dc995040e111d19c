import { formatFixed } from '../../plots/formatNumber';
import type { DataTable, Lang } from '../../ui/card/types';
import { defineFormula } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { sym, texNum } from '../../ui/tex/sym';
import { MatmulPlot, fmt } from './MatmulPlot';
import { PARAMS, computeMatmul, size } from './model';
import type { MatmulResult } from './model';
import { TEXT } from './text';
import { matmulCode } from './code';

const A = sym(1, 'A');
const B = sym(2, 'B');
const C = sym(3, 'C');
const T = sym(4, '\\top');
const M = sym(5, 'M');
const X = sym(6, 'x');

/** The product entry by entry, the transpose rule, and M acting on the plane through its columns. */
const TEX =
  '\\begin{gathered}' +
  `\\underset{m\\times n}{${C}} = \\underset{m\\times k}{${A}}\\,\\underset{k\\times n}{${B}}, \\qquad ` +
  `(${A}${B})^{${T}} = ${B}^{${T}}${A}^{${T}} \\\\ ` +
  `${sym(3, 'c_{ij}')} = \\sum_{l=1}^{k} ${sym(1, 'a_{il}')}\\, ${sym(2, 'b_{lj}')} \\\\ ` +
  `${M}${X} = x_1 ${M}e_1 + x_2 ${M}e_2` +
  '\\end{gathered}';

const num = (x: number) => {
  const s = texNum(x, 2);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
};
const paren = (x: number) => (x < 0 ? `(${num(x)})` : num(x));

const WORDS = bilingual({
  en: {
    step: (s: number, t: number) => `step ${s} of ${t}`,
    notYet: 'not yet computed',
    check: 'largest difference',
    summary: (s: {
      A: string;
      B: string;
      shapes: string;
      C: string;
      cell: string;
      step: string;
      transpose: string;
      plane: string;
    }) =>
      `${s.A} times ${s.B}: ${s.shapes}. C = ${s.C}. ${s.cell} ${s.step}${s.transpose} ${s.plane}`,
    cell: (name: string, terms: string, v: string) => `Entry ${name} = ${terms} = ${v}.`,
    stepText: (s: number, t: number) => `${s} of ${t} entries of C computed.`,
    transposeText: (d: string) => ` (AB)ᵀ and BᵀAᵀ agree: largest difference ${d}.`,
    plane: (m: string, det: string, x: string, mx: string, what: string) =>
      `On the plane M = ${m} has det ${det} (${what}); it sends x = ${x} to M x = ${mx}.`,
    kept: 'area scaled, orientation kept',
    flipped: 'orientation flipped',
    collapsed: 'the plane collapses onto a line',
    zero: 'every vector goes to the origin',
    caption:
      'Every entry of C = AB as a dot product of a row of A and a column of B, then M acting on x',
    columns: ['entry', 'row of A', 'column of B', 'products', 'value'],
    pending: 'not computed yet',
  },
  'zh-TW': {
    step: (s, t) => `第 ${s} 步，共 ${t} 步`,
    notYet: '尚未計算',
    check: '最大差距',
    summary: (s) =>
      `${s.A} 乘以 ${s.B}：${s.shapes}。C = ${s.C}。${s.cell}${s.step}${s.transpose}${s.plane}`,
    cell: (name, terms, v) => `元素 ${name} = ${terms} = ${v}。`,
    stepText: (s, t) => `已算出 C 的 ${t} 個元素中的 ${s} 個。`,
    transposeText: (d) => `(AB)ᵀ 與 BᵀAᵀ 相同：最大差距 ${d}。`,
    plane: (m, det, x, mx, what) =>
      `平面上，M = ${m} 的行列式為 ${det}（${what}）；它把 x = ${x} 送到 M x = ${mx}。`,
    kept: '面積縮放，方向不變',
    flipped: '方向翻轉',
    collapsed: '平面被壓成一條直線',
    zero: '每個向量都被送到原點',
    caption: 'C = AB 的每個元素：A 的一列與 B 的一行的內積；以及 M 作用在 x 上',
    columns: ['元素', 'A 的列', 'B 的行', '乘積', '值'],
    pending: '尚未計算',
  },
});

function worked(r: MatmulResult, lang: Lang): string {
  const w = WORDS[lang];
  const { i, j, terms, value, filled } = r.focus;
  const ij = `${i + 1}${j + 1}`;
  const c = sym(3, `c_{${ij}}`);
  const symbolic = terms
    .map((_, l) => `${sym(1, `a_{${i + 1}${l + 1}}`)}${sym(2, `b_{${l + 1}${j + 1}}`)}`)
    .join(' + ');
  const numeric = terms.map((t) => `${paren(t.a)}\\cdot ${paren(t.b)}`).join(' + ');
  const lines = [
    `\\underset{${size(r.m, r.k)}}{${A}}\\,\\underset{${size(r.k, r.n)}}{${B}} &= \\underset{${size(r.m, r.n)}}{${C}}`,
    `${c} &= ${symbolic}`,
    `&= ${numeric} = ${num(value)}${filled ? '' : `\\ \\text{(${w.notYet})}`}`,
  ];
  if (r.step > 0 && r.step < r.total) lines.push(`&\\text{${w.step(r.step, r.total)}}`);
  if (r.transpose.show) {
    lines.push(
      `(${A}${B})^{${T}} - ${B}^{${T}}${A}^{${T}} &= 0 \\quad (\\text{${w.check}}\\ ${num(r.transpose.maxDiff)})`,
    );
  }
  const p = r.plane;
  const [[a, b], [cc, d]] = p.M;
  lines.push(
    `${M}${X} &= (${num(a)}\\cdot ${paren(p.x[0])} + ${paren(b)}\\cdot ${paren(p.x[1])},\\ ${num(cc)}\\cdot ${paren(p.x[0])} + ${paren(d)}\\cdot ${paren(p.x[1])}) = (${num(p.image[0])},\\ ${num(p.image[1])})`,
    `\\det ${M} &= ${num(a)}\\cdot ${paren(d)} - ${paren(b)}\\cdot ${paren(cc)} = ${num(p.det)}`,
  );
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

const matText = (m: number[][], lang: Lang) =>
  `[${m.map((row) => row.map((v) => fmt(v, lang)).join(', ')).join('; ')}]`;

function summary(r: MatmulResult, lang: Lang): string {
  const w = WORDS[lang];
  const { i, j, terms, value } = r.focus;
  const termText = terms.map((t) => `${fmt(t.a, lang)}·${fmt(t.b, lang)}`).join(' + ');
  const p = r.plane;
  const what =
    p.orientation === 'kept'
      ? w.kept
      : p.orientation === 'flipped'
        ? w.flipped
        : p.rank === 0
          ? w.zero
          : w.collapsed;
  const vec = (v: readonly number[]) => `(${v.map((x) => fmt(x, lang)).join(', ')})`;
  return w.summary({
    A: `A ${matText(r.A, lang)}`,
    B: `B ${matText(r.B, lang)}`,
    shapes: `(${size(r.m, r.k)})(${size(r.k, r.n)}) → ${size(r.m, r.n)}`,
    C: matText(r.C, lang),
    cell: w.cell(`c${i + 1}${j + 1}`, termText, fmt(value, lang)),
    step: r.step < r.total ? w.stepText(r.step, r.total) : '',
    transpose: r.transpose.show ? w.transposeText(fmt(r.transpose.maxDiff, lang)) : '',
    plane: w.plane(matText(p.M, lang), formatFixed(p.det, 2, lang), vec(p.x), vec(p.image), what),
  });
}

function table(r: MatmulResult, lang: Lang): DataTable {
  const w = WORDS[lang];
  const rows: (string | number)[][] = [];
  r.C.forEach((row, i) =>
    row.forEach((v, j) => {
      const col = r.B.map((br) => br[j]);
      const filled = i * r.n + j < r.step;
      rows.push([
        `c${i + 1}${j + 1}`,
        `(${r.A[i].map((x) => fmt(x, lang)).join(', ')})`,
        `(${col.map((x) => fmt(x, lang)).join(', ')})`,
        r.A[i].map((a, l) => `${fmt(a, lang)}·${fmt(col[l], lang)}`).join(' + '),
        filled ? fmt(v, lang) : w.pending,
      ]);
    }),
  );
  const p = r.plane;
  rows.push([
    'M x',
    `M = ${matText(p.M, lang)}`,
    `x = (${p.x.map((x) => fmt(x, lang)).join(', ')})`,
    `det M = ${formatFixed(p.det, 2, lang)}`,
    `(${p.image.map((x) => fmt(x, lang)).join(', ')})`,
  ]);
  return { caption: w.caption, columns: w.columns, rows };
}

const I4 = [
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [0, 0, 1, 0],
  [0, 0, 0, 1],
];

/** The matrix multiplication page. */
export default defineFormula({
  id: 'matrix-multiplication',
  tex: TEX,
  params: PARAMS,
  compute: computeMatmul,
  worked: (_v, r, lang) => worked(r, lang),
  Plot: MatmulPlot,
  interactivePlot: true,
  summary: (_v, r, lang) => summary(r, lang),
  table: (_v, r, lang) => table(r, lang),
  presets: [
    {
      id: 'layer',
      label: { en: 'a layer y = Wx + b', 'zh-TW': '一層網路 y = Wx + b' },
      values: {
        m: 3,
        k: 4,
        n: 1,
        names: 1,
        A: [
          [0.5, -1, 2, 1],
          [1, 0.5, -0.5, -0.5],
          [-1, 1, 1, 0],
          [0, 0, 0, 0],
        ],
        B: [
          [2, 0, 0, 0],
          [1, 0, 0, 0],
          [-1, 0, 0, 0],
          [1, 0, 0, 0],
        ],
      },
      note: {
        en: 'A layer with 3 inputs and 3 outputs: W is 3×3 and the bias b rides along as a fourth column, against a 1 at the bottom of x. So [W | b] (3×4) times [x ; 1] (4×1) is Wx + b, one output per row.',
        'zh-TW':
          '有 3 個輸入、3 個輸出的一層：W 是 3×3，偏差 b 當作第四行附在後面，對上 x 底下多加的 1。於是 [W | b]（3×4）乘以 [x ; 1]（4×1）就是 Wx + b，每一列得到一個輸出。',
      },
    },
    {
      id: 'queries',
      label: { en: 'queries Q = X W_Qᵀ', 'zh-TW': '查詢 Q = X W_Qᵀ' },
      values: {
        m: 3,
        k: 4,
        n: 2,
        names: 2,
        A: [
          [1, 0, 0.5, -1],
          [0, 1, 1, 0.5],
          [1, 1, -0.5, 0],
          [0, 0, 0, 0],
        ],
        B: [
          [1, 0, 0, 0],
          [0.5, 1, 0, 0],
          [0, -1, 0, 0],
          [1, 0.5, 0, 0],
        ],
      },
      note: {
        en: 'Three tokens, each a row of d_model = 4 numbers, times W_Qᵀ (d_model × d_k = 4×2): Q has one row of d_k = 2 numbers per token, the queries of the attention page. W_Q is stored out × in (2×4), hence the transpose.',
        'zh-TW':
          '三個詞元，每個是一列 d_model = 4 個數，乘以 W_Qᵀ（d_model × d_k = 4×2）：Q 的每一列是一個詞元的 d_k = 2 維查詢，也就是注意力頁面上的查詢。W_Q 依「輸出 × 輸入」存成 2×4，所以要轉置。',
      },
    },
    {
      id: 'identity',
      label: { en: 'B = identity', 'zh-TW': 'B 是單位矩陣' },
      values: { m: 3, k: 3, n: 3, B: I4 },
      note: {
        en: 'Multiplying by the identity changes nothing: every column of B picks out one column of A, so C = A.',
        'zh-TW': '乘以單位矩陣什麼都不變：B 的每一行剛好挑出 A 的一行，所以 C = A。',
      },
    },
    {
      id: 'step-through',
      label: { en: 'step through C', 'zh-TW': '逐步算出 C' },
      values: { t: 0 },
      note: {
        en: 'C starts empty. Press Play or Step forward: each step computes one entry, row by row, and the worked example writes out its dot product.',
        'zh-TW':
          'C 從空白開始。按下播放或下一步：每一步算出一個元素，一列一列往下，算例會寫出那個內積。',
      },
    },
    {
      id: 'rotation',
      label: { en: 'rotation by 90°', 'zh-TW': '旋轉 90°' },
      values: {
        M: [
          [0, -1],
          [1, 0],
        ],
      },
      note: {
        en: 'The columns of M are where e₁ and e₂ land: (0, 1) and (−1, 0). Every vector turns by 90°; det M = 1, so areas and orientation are kept.',
        'zh-TW':
          'M 的兩行就是 e₁、e₂ 被送到的位置：(0, 1) 和 (−1, 0)。每個向量都轉了 90°；det M = 1，面積與方向都不變。',
      },
    },
    {
      id: 'reflection',
      label: { en: 'reflection: det < 0', 'zh-TW': '鏡射：det < 0' },
      values: {
        M: [
          [1, 0.5],
          [0, -1],
        ],
      },
      note: {
        en: 'det M = −1: the area is still 1, but the square is flipped over, like a mirror image.',
        'zh-TW': 'det M = −1：面積仍是 1，但正方形被翻面了，就像鏡中的影像。',
      },
    },
    {
      id: 'singular',
      label: { en: 'singular: det = 0', 'zh-TW': '奇異矩陣：det = 0' },
      values: {
        M: [
          [1, 2],
          [0.5, 1],
        ],
      },
      note: {
        en: 'The second column is twice the first: the whole plane is squashed onto one line, the square has area 0, and the information about where x was is lost.',
        'zh-TW':
          '第二行是第一行的兩倍：整個平面被壓到一條直線上，正方形面積為 0，x 原本在哪裡的資訊也就遺失了。',
      },
    },
  ],
  code: matmulCode,
  text: TEXT,
});
