import { formatFixed } from '../../plots/formatNumber';
import { sym } from '../../ui/tex/sym';
import type { DataTable, Lang } from '../../ui/card/types';
import { defineFormula } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { AttentionPlot } from './AttentionPlot';
import type { AttentionPageResult } from './compute';
import { computeAttention, MAX_TOKENS, TOKENS } from './compute';
import { attentionCode } from './code';

/** Queries, keys and values of "the cat sat down to sleep", chosen so that
 * "the" and "sat" look at "cat", "cat" and "down" look at "sat". */
const Q0 = [
  [1.5, 0],
  [0.5, 1.5],
  [2, 0.5],
  [0, 2],
  [-1, 1],
  [1, 1],
];
const K0 = [
  [-1, -1.5],
  [2, 0.5],
  [0.5, 2],
  [-1.5, 1],
  [-1, -0.5],
  [1.5, 1.5],
];
const V0 = [
  [-1, 0.5],
  [2, 0],
  [0, 2],
  [-1.5, -1.5],
  [0.5, -1],
  [1.5, 1.5],
];

const Q = sym(1, 'Q');
const K = sym(2, 'K');
const V = sym(3, 'V');
const SQRT = sym(4, '\\sqrt{d_k}');
const O = sym(6, 'O');
const M = sym(8, 'M');

/** Fixed-point TeX number: 0.004 reads 0.00, the same text as the plot's cells. */
function tn(x: number): string {
  if (x === -Infinity) return '-\\infty';
  return formatFixed(x, 2).replace('−', '-');
}

const tokenTex = (t: string) => `\\text{${t}}`;

function worked(r: AttentionPageResult, lang: Lang): string {
  const i = r.row;
  const tok = tokenTex(TOKENS[lang][i]);
  const q = sym(1, `q_{${tok}}`);
  const s = `s_{${tok}}`;
  const w = sym(7, `w_{${tok}}`);
  const o = sym(6, `o_{${tok}}`);
  const shown = r.scores[i].map((v, j) => (r.hidden[i][j] ? -Infinity : v));
  const scoreDef = r.scaled ? `\\frac{${q}\\,${K}^{\\top}}{\\sqrt{2}}` : `${q}\\,${K}^{\\top}`;
  const mask = r.causal ? ` + ${M}_{${tok}}` : '';
  const list = (xs: readonly number[]) => `[\\,${xs.map(tn).join(',\\ ')}\\,]`;
  const terms = r.weights[i]
    .map((wj, j) => ({ wj, j }))
    .filter(({ j }) => !r.hidden[i][j])
    .map(({ wj, j }) => `${tn(wj)}\\,${sym(3, `(${tn(r.V[j][0])},\\ ${tn(r.V[j][1])})`)}`);
  // Two terms a line keeps six tokens inside a narrow column.
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += 2) lines.push(terms.slice(k, k + 2).join(' + '));
  const out = r.output[i];
  return (
    '\\begin{aligned}' +
    `${q} &= (${tn(r.Q[i][0])},\\ ${tn(r.Q[i][1])}) \\\\` +
    // Five or six scores, or a mask term, push the list onto its own line.
    `${s} &= ${scoreDef}${mask} ${r.n > 4 || r.causal ? '\\\\ &' : ''}= ${list(shown)} \\\\` +
    `${w} &= \\operatorname{softmax}(${s}) = ${list(r.weights[i])} \\\\` +
    `${o} &= \\textstyle\\sum_j ${sym(7, 'w_j')}\\, ${sym(3, 'v_j')} \\\\` +
    `&= ${lines.join(' \\\\ &\\quad + ')} \\\\` +
    `&= (${tn(out[0])},\\ ${tn(out[1])})` +
    '\\end{aligned}'
  );
}

/** The numbers of the summary, formatted. */
interface SummaryParts {
  token: string;
  /** 1-based position of the query and the number of tokens. */
  at: number;
  n: number;
  /** Each token with its weight. */
  weights: string[];
  out: string;
  scaled: boolean;
  causal: boolean;
  top: string;
  otherTop: string;
}

/** The words of the summary and the table. */
const WORDS = bilingual({
  en: {
    summary: (s: SummaryParts) => {
      const how = `${s.scaled ? 'scores divided by √2' : 'scores not scaled'}; ${s.causal ? 'causal mask on' : 'no mask'}`;
      const compare = s.scaled
        ? `Without the scaling its largest weight would be ${s.otherTop} instead of ${s.top}.`
        : `Dividing by √2 would change its largest weight from ${s.top} to ${s.otherTop}.`;
      return (
        `Query “${s.token}” (token ${s.at} of ${s.n}) gives the weights ${s.weights.join(', ')} (${how}); ` +
        `its output is o = ${s.out}. ${compare}`
      );
    },
    caption: (scaled: boolean, tokens: readonly string[]) =>
      `Every query's scores${scaled ? ' (÷√2)' : ' (not scaled)'}, softmax weights over ${tokens.join(', ')}, and output; the selected query is marked.`,
    columns: ['query', 'scores', 'weights', 'output o'],
    selected: ' (selected)',
  },
  'zh-TW': {
    summary: (s) => {
      const how = `${s.scaled ? '分數除以 √2' : '分數未縮放'}，${s.causal ? '使用因果遮罩' : '無遮罩'}`;
      const compare = s.scaled
        ? `若不縮放，最大權重會從 ${s.top} 變成 ${s.otherTop}。`
        : `若除以 √2，最大權重會從 ${s.top} 變成 ${s.otherTop}。`;
      return `查詢「${s.token}」（第 ${s.at} 個詞元，共 ${s.n} 個）的權重為 ${s.weights.join('、')}（${how}）；輸出 o = ${s.out}。${compare}`;
    },
    caption: (scaled, tokens) =>
      `每個查詢的分數${scaled ? '（÷√2）' : '（未縮放）'}、對 ${tokens.join('、')} 的 Softmax 權重與輸出；選取的查詢另外標示。`,
    columns: ['查詢', '分數', '權重', '輸出 o'],
    selected: '（選取）',
  },
});

function summary(r: AttentionPageResult, lang: Lang): string {
  const tokens = TOKENS[lang];
  const i = r.row;
  const w = r.weights[i];
  const o = r.output[i];
  return WORDS[lang].summary({
    token: tokens[i],
    at: i + 1,
    n: r.n,
    weights: w.map((v, j) => `${tokens[j]} ${formatFixed(v, 2)}`),
    out: `(${formatFixed(o[0], 2)}, ${formatFixed(o[1], 2)})`,
    scaled: r.scaled,
    causal: r.causal,
    top: formatFixed(Math.max(...w), 2),
    otherTop: formatFixed(Math.max(...r.otherWeights), 2),
  });
}

function table(r: AttentionPageResult, lang: Lang): DataTable {
  const tokens = TOKENS[lang];
  const words = WORDS[lang];
  const list = (xs: readonly number[], i: number, masked: string) =>
    xs.map((v, j) => (r.hidden[i][j] ? masked : formatFixed(v, 2))).join(', ');
  return {
    caption: words.caption(r.scaled, tokens.slice(0, r.n)),
    columns: words.columns,
    rows: r.weights.map((w, i) => [
      tokens[i] + (i === r.row ? words.selected : ''),
      list(r.scores[i], i, '−∞'),
      list(w, i, '0'),
      `(${formatFixed(r.output[i][0], 2)}, ${formatFixed(r.output[i][1], 2)})`,
    ]),
  };
}

const tokenLabel = (i: number, lang: Lang) => TOKENS[lang][i];
const zeros = Array.from({ length: MAX_TOKENS }, () => [0, 0]);

/** The scaled dot-product attention page. */
export default defineFormula({
  id: 'attention',
  tex: `${O} = \\operatorname{softmax}\\!\\left(\\frac{${Q}\\,${K}^{\\top}}{${SQRT}} + ${M}\\right) ${V}`,
  params: [
    {
      kind: 'scalar',
      name: 'n',
      tex: 'n',
      label: { en: 'tokens', 'zh-TW': '詞元數' },
      min: 4,
      max: MAX_TOKENS,
      step: 1,
      default: 4,
      integer: true,
    },
    {
      kind: 'choice',
      name: 'row',
      tex: 'i',
      label: { en: 'selected query', 'zh-TW': '選取的查詢' },
      slot: 5,
      options: Array.from({ length: MAX_TOKENS }, (_, i) => ({
        value: i,
        label: { en: `${i + 1} · ${TOKENS.en[i]}`, 'zh-TW': `${i + 1} · ${TOKENS['zh-TW'][i]}` },
      })),
      default: 1,
      limit: { param: 'n' },
    },
    {
      kind: 'toggle',
      name: 'scale',
      tex: '\\sqrt{d_k}',
      label: { en: 'divide by √dₖ', 'zh-TW': '除以 √dₖ' },
      slot: 4,
      default: true,
    },
    {
      kind: 'toggle',
      name: 'causal',
      tex: 'M',
      label: { en: 'causal mask', 'zh-TW': '因果遮罩' },
      slot: 8,
      default: false,
    },
    {
      kind: 'matrix',
      name: 'Q',
      tex: 'Q',
      label: { en: 'queries', 'zh-TW': '查詢 (Query)' },
      slot: 1,
      min: -3,
      max: 3,
      step: 0.1,
      default: Q0,
      rows: { param: 'n' },
      cols: 2,
      rowLabel: tokenLabel,
    },
    {
      kind: 'matrix',
      name: 'K',
      tex: 'K',
      label: { en: 'keys', 'zh-TW': '鍵 (Key)' },
      slot: 2,
      min: -3,
      max: 3,
      step: 0.1,
      default: K0,
      rows: { param: 'n' },
      cols: 2,
      rowLabel: tokenLabel,
    },
    {
      kind: 'matrix',
      name: 'V',
      tex: 'V',
      label: { en: 'values', 'zh-TW': '值 (Value)' },
      slot: 3,
      min: -3,
      max: 3,
      step: 0.1,
      default: V0,
      rows: { param: 'n' },
      cols: 2,
      rowLabel: tokenLabel,
    },
  ],
  compute: computeAttention,
  worked: (_values, r, lang) => worked(r, lang),
  Plot: AttentionPlot,
  // the weight the selected token gives itself (never masked), and the lines from the weights on
  answer: (_values, r, lang) => {
    const i = r.row;
    const token = TOKENS[lang][i];
    const shown = r.hidden[i].filter((h) => !h).length;
    return {
      label:
        lang === 'en'
          ? `the attention weight of “${token}” on itself`
          : `「${token}」對自己的注意力權重`,
      value: r.weights[i][i],
      range: [0, 1],
      hideFrom: -(3 + Math.ceil(shown / 2)),
    };
  },
  summary: (_values, r, lang) => summary(r, lang),
  table: (_values, r, lang) => table(r, lang),
  presets: [
    {
      id: 'causal',
      label: { en: 'Causal mask', 'zh-TW': '因果遮罩' },
      values: { causal: true, row: 1 },
      note: {
        en: '“cat” may only look back at “the” and itself: later tokens get weight 0 and the remaining weights still sum to 1.',
        'zh-TW': '「坐」只能回頭看「貓」和自己：後面詞元的權重變成 0，剩下的權重加總仍是 1。',
      },
    },
    {
      id: 'no-scaling',
      label: { en: 'Without √dₖ', 'zh-TW': '不除以 √dₖ' },
      values: { scale: false },
      note: {
        en: 'The raw dot products are spread wider, so softmax is sharper: compare the filled bars with the outlines.',
        'zh-TW': '原始內積的差距更大，Softmax 因此更尖銳：比較實心長條和虛線外框。',
      },
    },
    {
      id: 'uniform',
      label: { en: 'Zero queries', 'zh-TW': '查詢全為零' },
      values: { Q: zeros },
      note: {
        en: 'Every score is 0, so every weight is 1/n and each output is the plain average of the values.',
        'zh-TW': '所有分數都是 0，每個權重都是 1/n，輸出就是值向量的平均。',
      },
    },
    {
      id: 'six-tokens',
      label: { en: 'Six tokens', 'zh-TW': '六個詞元' },
      values: { n: 6, row: 5 },
      note: {
        en: '“sleep” spreads its attention over “cat”, “sat” and itself: its output is a blend of their values.',
        'zh-TW': '「覺」把注意力分給「坐」、「下」和自己，輸出是它們值向量的混合。',
      },
    },
  ],
  code: attentionCode,
  text: {
    en: {
      intro:
        'Self-attention lets every token gather information from the other tokens. Token $i$ has a query $q_i$ (what it is looking for), a key $k_i$ (what others find it by) and a value $v_i$ (what it passes on). The dot products of a query with every key, divided by $\\sqrt{d_k}$, become weights through softmax, and the token’s output is the weighted average of the values.',
      body: [
        'Read the panels in order. The score $s_{ij} = q_i \\cdot k_j / \\sqrt{d_k}$ is large when query $i$ and key $j$ point the same way. Each row of scores goes through softmax on its own, so each row of weights is positive and sums to 1: a probability distribution over the tokens that query $i$ attends to. Here $d_k = 2$, so the scores are divided by $\\sqrt{2}$. Click a row of either grid, or pick it in the controls, to follow one query.',
        'The last panel draws the output $o_i = \\sum_j w_{ij} v_j$: each value vector is shrunk by its weight and the pieces are laid head to tail. Because the weights are positive and sum to 1, the output always lands inside the region the values span; a query that attends almost only to one token nearly copies that token’s value.',
        'Why divide by $\\sqrt{d_k}$? If the entries of $q$ and $k$ are independent with variance 1, their dot product has variance $d_k$. In a real model, with $d_k = 64$ or $128$, the raw scores would be large, softmax would be nearly one-hot, and its gradient nearly zero. Dividing by $\\sqrt{d_k}$ brings the variance back to 1. Switch the scaling off to watch the weights sharpen, even with these tiny two-dimensional vectors.',
        'A language model that generates text must not peek at later tokens. The causal mask $M$ sets the score of every later token to $-\\infty$ before softmax, so its weight is exactly 0 (the hatched cells) and the remaining weights are renormalised. The first token can only attend to itself.',
        'In a real Transformer the queries, keys and values are not set by hand: they are $Q = XW^Q$, $K = XW^K$ and $V = XW^V$, learned projections of the token embeddings $X$, and several heads run side by side (multi-head attention). The score matrix $QK^\\top$ has $n^2$ entries, which is why long contexts are expensive.',
      ],
    },
    'zh-TW': {
      intro:
        '自注意力讓每個詞元都能從其他詞元收集資訊。詞元 $i$ 有一個查詢 $q_i$（它想找什麼）、一個鍵 $k_i$（別人靠什麼找到它）和一個值 $v_i$（它要傳遞出去的內容）。查詢和每一個鍵做內積、再除以 $\\sqrt{d_k}$，經過 Softmax 變成權重；這個詞元的輸出，就是各個值向量依這些權重算出的加權平均。',
      body: [
        '依序看這幾個面板。當查詢 $i$ 和鍵 $j$ 的方向相近時，分數 $s_{ij} = q_i \\cdot k_j / \\sqrt{d_k}$ 就比較大。每一列分數各自做 Softmax，所以每一列權重都是正數、加總為 1，也就是查詢 $i$ 分配給各個詞元的機率分布。這裡 $d_k = 2$，所以分數要除以 $\\sqrt{2}$。點一下任一個方格圖中的某一列，或在控制項中選取，就能追蹤那個查詢。',
        '最後一個面板畫出輸出 $o_i = \\sum_j w_{ij} v_j$：每個值向量先依權重縮短，再頭尾相接排起來。因為權重都是正數且加總為 1，輸出一定落在這些值向量圍出的範圍之內；如果某個查詢幾乎只注意一個詞元，輸出就幾乎等於那個詞元的值向量。',
        '為什麼要除以 $\\sqrt{d_k}$？假設 $q$ 和 $k$ 的各個分量彼此獨立、變異數為 1，兩者內積的變異數就是 $d_k$。實際模型中 $d_k$ 常是 64 或 128，原始分數會很大，Softmax 幾乎變成「一個 1、其餘都是 0」，梯度也跟著趨近於 0。除以 $\\sqrt{d_k}$ 正好把變異數拉回 1。把縮放關掉看看：即使只是這麼小的二維向量，權重也會明顯變尖銳。',
        '語言模型在生成文字時，不能偷看後面的詞元。因果遮罩 $M$ 在 Softmax 之前把每個後面詞元的分數設成 $-\\infty$，它們的權重就恰好是 0（畫斜線的格子），其餘權重重新正規化，加總仍然是 1。第一個詞元只能注意它自己。',
        '在真正的 Transformer 裡，查詢、鍵和值不是手動設定的，而是詞嵌入 $X$ 經過學習得到的投影：$Q = XW^Q$、$K = XW^K$、$V = XW^V$，而且會有好幾個注意力頭同時運作（多頭注意力）。分數矩陣 $QK^\\top$ 有 $n^2$ 個元素，這也是長上下文計算成本高的原因。',
      ],
    },
  },
});
