import { formatFixed } from '../../plots/formatNumber';
import type { DataTable, Lang } from '../../ui/card/types';
import { defineFormula } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { sym, texNum } from '../../ui/tex/sym';
import { gelu } from '../../math';
import { stagePanels } from './layout';
import { EDITS, EPS, LAST_STAGE, PARAMS, STAGE_NAMES, VOCAB, computeTransformer } from './model';
import type { TransformerResult, TransformerValues } from './model';
import { TransformerPlot } from './TransformerPlot';
import { TEXT } from './text';
import { transformerCode } from './code';

const PE = sym(2, '\\mathrm{PE}');
const H = sym(4, 'h');
const M = sym(8, 'M');

/** The block as the page runs it: embed, one pre-LN decoder block, final layer norm, softmax. */
const TEX =
  '\\begin{aligned}' +
  `X &= E[w] + ${PE} \\\\` +
  `R &= X + \\operatorname{MHA}_{${H},\\,${M}}\\bigl(\\operatorname{LN}_1(X)\\bigr) \\\\` +
  `Y &= R + \\operatorname{FFN}\\bigl(\\operatorname{LN}_2(R)\\bigr) \\\\` +
  `p &= \\operatorname{softmax}\\bigl(\\operatorname{LN}(Y)\\,E^{\\top}\\bigr)` +
  '\\end{aligned}';

/** A number for TeX in fixed digits, as the plot and the table write it (never 10^{-k}). */
function tn(x: number, digits = 2): string {
  return formatFixed(x, digits).replace('−', '-');
}

/** A row vector in TeX, broken into lines of four entries. */
function vec(xs: readonly number[], digits = 2): string {
  const parts = xs.map((x) => tn(x, digits));
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += 4) lines.push(parts.slice(k, k + 4).join(',\\ '));
  return `(${lines.join(',\\ \\\\ &\\qquad ')})`;
}

const tok = (r: TransformerResult, lang: Lang, i: number) =>
  `\\text{${VOCAB[lang][r.run.tokens[i]]}}`;

/** Layer norm of v written out: mean, variance, and γ ⊙ (v − μ)/√(σ² + ε) + β. */
function layerNormLines(
  name: string,
  v: readonly number[],
  out: readonly number[],
  gamma: readonly number[],
  beta: readonly number[],
  i: number,
): string[] {
  const d = v.length;
  const mu = v.reduce((s, x) => s + x, 0) / d;
  const variance = v.reduce((s, x) => s + (x - mu) ** 2, 0) / d;
  return [
    `v = ${name}_{${i}} &= ${vec(v)}`,
    `\\mu = \\tfrac{1}{${d}}\\textstyle\\sum_c v_c &= ${tn(mu, 3)}, \\quad \\sigma^2 = \\tfrac{1}{${d}}\\textstyle\\sum_c (v_c - \\mu)^2 = ${tn(variance, 3)}`,
    `\\gamma &= ${vec(gamma)}`,
    `\\beta &= ${vec(beta)}, \\quad \\epsilon = ${texNum(EPS, 0)}`,
    `\\gamma \\odot \\tfrac{v - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}} + \\beta &= ${vec(out)}`,
  ];
}

/** The worked example: the current stage computed for the last token, the one that predicts. */
function worked(r: TransformerResult, lang: Lang): string {
  const i = r.n - 1;
  const at = i + 1;
  const f = r.run;
  const b = f.block;
  const w = r.weights;
  const word = tok(r, lang, i);
  const lines: string[] = [];
  switch (r.stageId) {
    case 'embed':
      lines.push(
        `E[${word}] &= ${vec(f.embed[i])}`,
        `${PE}_{${at}} &= ${vec(f.pe[i])}`,
        `x_{${at}} = E[${word}] + ${PE}_{${at}} &= ${vec(f.x[i])}`,
      );
      break;
    case 'ln1':
      lines.push(...layerNormLines('x', f.x[i], b.ln1[i], w.block.ln1.gamma, w.block.ln1.beta, at));
      break;
    case 'attn': {
      const dh = r.d / r.heads;
      b.attention.heads.forEach((hd, k) => {
        lines.push(
          `\\operatorname{softmax}\\!\\bigl(\\tfrac{q^{(${k + 1})}_{${at}} K^{(${k + 1})\\top}}{\\sqrt{${dh}}}${r.causal ? ` + ${M}` : ''}\\bigr) &= ${vec(hd.weights[i])}`,
        );
      });
      lines.push(
        `\\operatorname{MHA}_{${at}} = \\operatorname{concat}_k\\bigl(\\textstyle\\sum_j a^{(k)}_{${at}j} v^{(k)}_j\\bigr) W_o^{\\top} &= ${vec(b.attention.output[i])}`,
      );
      break;
    }
    case 'add1':
      lines.push(
        `x_{${at}} &= ${vec(f.x[i])}`,
        `\\operatorname{MHA}_{${at}} &= ${vec(b.attention.output[i])}`,
        `r_{${at}} = x_{${at}} + \\operatorname{MHA}_{${at}} &= ${vec(b.residual1[i])}`,
      );
      break;
    case 'ln2':
      lines.push(
        ...layerNormLines('r', b.residual1[i], b.ln2[i], w.block.ln2.gamma, w.block.ln2.beta, at),
      );
      break;
    case 'ffn': {
      const h = b.ffn.hidden[i];
      const h1 = h[0];
      lines.push(
        `h_{${at}} = \\operatorname{LN}_2(r_{${at}})\\,W_1^{\\top} + b_1 &= (${h
          .slice(0, 4)
          .map((x) => tn(x, 2))
          .join(
            ',\\ ',
          )},\\ \\dots)\\ \\ (${r.dff}\\ \\text{${lang === 'en' ? 'entries' : '個分量'}})`,
        `\\operatorname{GELU}(h_{${at},1}) = h\\,\\Phi(h) &= ${tn(h1, 2)} \\cdot ${tn(gelu(h1) / (h1 === 0 ? 1 : h1), 3)} = ${tn(b.ffn.activated[i][0], 3)}, \\quad \\operatorname{ReLU}(h_{${at},1}) = ${tn(Math.max(0, h1), 3)}`,
        `\\operatorname{FFN}_{${at}} = \\operatorname{GELU}(h_{${at}})\\,W_2^{\\top} + b_2 &= ${vec(b.ffn.output[i])}`,
      );
      break;
    }
    case 'add2':
      lines.push(
        `r_{${at}} &= ${vec(b.residual1[i])}`,
        `\\operatorname{FFN}_{${at}} &= ${vec(b.ffn.output[i])}`,
        `y_{${at}} = r_{${at}} + \\operatorname{FFN}_{${at}} &= ${vec(b.output[i])}`,
      );
      break;
    case 'lnf':
      lines.push(...layerNormLines('y', b.output[i], f.lnf[i], w.lnf.gamma, w.lnf.beta, at));
      break;
    case 'logits':
      lines.push(`z_{${at}} = \\operatorname{LN}(y_{${at}})\\,E^{\\top} &= ${vec(f.logits[i])}`);
      break;
    case 'softmax': {
      const p = f.probs[i];
      const top = p
        .map((v, j) => ({ v, j }))
        .sort((a, c) => c.v - a.v || a.j - c.j)
        .slice(0, 3);
      lines.push(
        `p_{${at}} = \\operatorname{softmax}(z_{${at}}) &= ${vec(p)}`,
        `${top.map(({ v, j }) => `p(\\text{${VOCAB[lang][j]}}) = ${tn(v, 2)}`).join(',\\ ')} &\\quad \\textstyle\\sum_j p_j = ${tn(
          p.reduce((s, v) => s + v, 0),
          2,
        )}`,
      );
      break;
    }
  }
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

const WORDS = bilingual({
  en: {
    sep: ', ',
    on: (b: boolean) => (b ? 'on' : 'off'),
    summary: (s: Record<string, string>) =>
      `Step ${s.stage} of ${s.last}: ${s.name}. Sentence “${s.sentence}”, d_model ${s.d}, ${s.heads} head(s), causal mask ${s.causal}, positional encoding ${s.pe}, random weights from seed ${s.seed}. After “${s.lastWord}” the most likely next token is “${s.best}” with p = ${s.p}.`,
    edit: (what: string, changed: string, kept: string) =>
      ` Compared with the original sentence (${what}), at this stage positions ${changed || 'none'} changed and ${kept || 'none'} did not.`,
    replace: (from: string, to: string, at: number) =>
      `“${from}” at position ${at} replaced by “${to}”`,
    swap: 'the first two tokens swapped',
    caption: (name: string) => `The matrices of the stage “${name}”, one row per token`,
    columns: ['matrix', 'token', 'values'],
    barsColumns: ['next token', 'p', 'p (original sentence)'],
  },
  'zh-TW': {
    sep: '、',
    on: (b) => (b ? '開啟' : '關閉'),
    summary: (s) =>
      `第 ${s.stage} 步（共 ${s.last} 步）：${s.name}。句子「${s.sentence}」，d_model ${s.d}，${s.heads} 個注意力頭，因果遮罩${s.causal}，位置編碼${s.pe}，隨機權重的種子為 ${s.seed}。「${s.lastWord}」之後最可能的下一個詞元是「${s.best}」，p = ${s.p}。`,
    edit: (what, changed, kept) =>
      `與原句相比（${what}），這個階段中第 ${changed || '（無）'} 個位置改變了，第 ${kept || '（無）'} 個沒有改變。`,
    replace: (from, to, at) => `第 ${at} 個位置的「${from}」換成「${to}」`,
    swap: '交換前兩個詞元',
    caption: (name) => `「${name}」階段的矩陣，每個詞元一列`,
    columns: ['矩陣', '詞元', '數值'],
    barsColumns: ['下一個詞元', 'p', 'p（原句）'],
  },
});

function summary(r: TransformerResult, lang: Lang): string {
  const words = WORDS[lang];
  const vocab = VOCAB[lang];
  const p = r.run.probs[r.n - 1];
  const best = p.indexOf(Math.max(...p));
  let text = words.summary({
    stage: String(r.stage),
    last: String(LAST_STAGE),
    name: STAGE_NAMES[r.stageId][lang],
    sentence: r.run.tokens.map((id) => vocab[id]).join(' '),
    d: String(r.d),
    heads: String(r.heads),
    causal: words.on(r.causal),
    pe: words.on(r.pe),
    seed: String(r.seed),
    lastWord: vocab[r.run.tokens[r.n - 1]],
    best: vocab[best],
    p: formatFixed(p[best], 2, lang),
  });
  if (r.edit !== EDITS.none) {
    const what =
      r.edit === EDITS.swap
        ? words.swap
        : words.replace(
            vocab[r.original.tokens[r.replaced]],
            vocab[r.run.tokens[r.replaced]],
            r.replaced + 1,
          );
    const changed = r.changed[r.stage];
    const list = (want: boolean) =>
      changed
        .map((c, i) => (c === want ? String(i + 1) : null))
        .filter((x) => x !== null)
        .join(words.sep);
    text += words.edit(what, list(true), list(false));
  }
  return text;
}

function round(x: number): number {
  return Number(x.toFixed(4));
}

function table(r: TransformerResult, lang: Lang): DataTable {
  const words = WORDS[lang];
  const caption = words.caption(STAGE_NAMES[r.stageId][lang]);
  const panels = stagePanels(r, lang, false).flat();
  const rows: (string | number)[][] = [];
  for (const panel of panels) {
    if (panel.kind === 'bars') {
      return {
        caption,
        columns: words.barsColumns,
        rows: panel.p.map((v, j) => [
          panel.words[j],
          round(v),
          panel.original ? round(panel.original[j]) : round(v),
        ]),
      };
    }
    if (panel.kind !== 'matrix') continue;
    panel.values.forEach((row, i) =>
      rows.push([
        panel.title,
        panel.rowLabels[i],
        row.map((v, j) => (panel.masked?.[i][j] ? '—' : formatFixed(v, 3, lang))).join(words.sep),
      ]),
    );
  }
  return { caption, columns: words.columns, rows };
}

/** The Transformer block page. */
export default defineFormula({
  id: 'transformer',
  tex: TEX,
  params: PARAMS,
  compute: (v: TransformerValues) => computeTransformer(v),
  worked: (_v, r, lang) => worked(r, lang),
  Plot: TransformerPlot,
  interactivePlot: true,
  // the probability of the most likely next token (on the softmax stage, from its first line)
  answer: (_v, r, lang) => {
    const p = r.run.probs[r.n - 1];
    const top = p.indexOf(Math.max(...p));
    const word = VOCAB[lang][top];
    return {
      label:
        lang === 'en'
          ? `the probability that the next token is “${word}”`
          : `下一個詞元是「${word}」的機率`,
      value: p[top],
      range: [0, 1],
      hideFrom: r.stageId === 'softmax' ? 0 : -1,
    };
  },
  summary: (_v, r, lang) => summary(r, lang),
  table: (_v, r, lang) => table(r, lang),
  presets: [
    {
      id: 'causal-past',
      label: { en: 'Causal: the past is untouched', 'zh-TW': '因果遮罩：過去不受影響' },
      values: { edit: EDITS.replace, p: 2, w: 5, causal: true, t: 2 },
      note: {
        en: 'Change “sat” to “slept”: with the causal mask, “the” and “cat” cannot see it, so their rows stay the same at every stage; only position 3 and the ones after it change.',
        'zh-TW':
          '把「坐」換成「睡」：有因果遮罩時，「這隻」和「貓」看不到它，所以它們在每個階段都不變；只有第 3 個位置和之後的位置會改變。',
      },
    },
    {
      id: 'no-mask',
      label: { en: 'No mask: everyone sees it', 'zh-TW': '沒有遮罩：每個詞元都看得到' },
      values: { edit: EDITS.replace, p: 2, w: 5, causal: false, t: 2 },
      note: {
        en: 'The same change without the mask: from the attention stage on, every position changes, the earlier ones too.',
        'zh-TW': '同樣的修改但沒有遮罩：從注意力階段開始，每個位置都改變了，連前面的也是。',
      },
    },
    {
      id: 'no-positions',
      label: { en: 'No positions: order is lost', 'zh-TW': '沒有位置編碼：順序消失' },
      values: { pe: false, causal: false, edit: EDITS.swap, t: 9 },
      note: {
        en: 'Without positional encoding or a mask, swapping “the” and “cat” only swaps their rows: the other positions, and the next-token distribution, are exactly the same.',
        'zh-TW':
          '沒有位置編碼也沒有遮罩時，交換「這隻」和「貓」只會讓它們的列互換：其他位置和下一個詞元的機率分布完全一樣。',
      },
    },
    {
      id: 'positions',
      label: { en: 'With positions: order matters', 'zh-TW': '有位置編碼：順序有影響' },
      values: { pe: true, causal: false, edit: EDITS.swap, t: 9 },
      note: {
        en: 'Put the positional encoding back: the swap now changes every position and the prediction.',
        'zh-TW': '加回位置編碼：同樣的交換會改變每個位置，也改變預測。',
      },
    },
    {
      id: 'four-heads',
      label: { en: 'Four heads', 'zh-TW': '四個頭' },
      values: { h: 4, t: 2 },
      note: {
        en: 'Four heads of width 2 each attend in their own way: compare their weight patterns.',
        'zh-TW': '四個寬度為 2 的注意力頭各自注意不同的地方：比較它們的權重圖樣。',
      },
    },
  ],
  code: transformerCode,
  text: TEXT,
});
