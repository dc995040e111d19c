import type { ColorScaleSpec } from '../../plots/colorScale';
import type { Lang } from '../../ui/card/types';
import type { StageId, TransformerResult } from './model';
import { STAGES, VOCAB } from './model';

/**
 * Where everything of the transformer plot goes, in viewBox units of one SVG: the residual
 * stream across the top, then the current stage's matrices in rows. The height depends on
 * the width only, never on the values, so a tick redraws the plot without resizing it.
 */

/** Below this width the panels stack and labels stagger. */
export const NARROW = 520;
/** Fixed height of the whole plot. */
export const HEIGHT = 680;
/** Bottom of the residual-stream diagram. */
export const DIAGRAM_BOTTOM = 128;
/** The stream's line and the branches' line. */
export const STREAM_Y = 96;
export const BRANCH_Y = 54;
/** Top of the stage's panels. */
export const PANELS_TOP = DIAGRAM_BOTTOM + 64;
/** Top of the colour key, under the stage's title. */
export const KEY_TOP = DIAGRAM_BOTTOM + 30;
const PANEL_TITLE = 16;
const COL_LABELS = 13;
const ROW_GAP = 16;
const COL_GAP = 18;

/** Short labels of the stages' nodes on the stream. */
export const NODE_LABELS: Record<StageId, string> = {
  embed: 'x',
  ln1: 'LN₁',
  attn: 'MHA',
  add1: '+',
  ln2: 'LN₂',
  ffn: 'FFN',
  add2: '+',
  lnf: 'LN',
  logits: 'z',
  softmax: 'p',
};

/** Whether a stage's node sits on a branch (it reads the stream) rather than on the stream. */
export const ON_BRANCH: Record<StageId, boolean> = {
  embed: false,
  ln1: true,
  attn: true,
  add1: false,
  ln2: true,
  ffn: true,
  add2: false,
  lnf: false,
  logits: false,
  softmax: false,
};

/** x of each stage's node. */
export function nodeXs(width: number): number[] {
  const pad = 8;
  const step = (width - 2 * pad) / STAGES.length;
  return STAGES.map((_, k) => pad + (k + 0.5) * step);
}

/** One matrix drawn as a heatmap, with its title and labels. */
export interface Panel {
  kind: 'matrix';
  title: string;
  values: number[][];
  /** The original sentence's matrix, to outline the rows that changed; null without an edit. */
  original: number[][] | null;
  rowLabels: string[];
  /** Rows whose label is drawn as edited. */
  editedRows: boolean[];
  colLabels: string[];
  color: ColorScaleSpec;
  /** Cells hidden by the causal mask (drawn as missing), or null. */
  masked: boolean[][] | null;
}

/** A small chart of GELU and ReLU with the hidden values of the last token on GELU. */
export interface CurvePanel {
  kind: 'curve';
  title: string;
  /** The pre-activations of the last token. */
  xs: number[];
}

/** Bars of the next-token distribution of the last token, the original's outlined. */
export interface BarsPanel {
  kind: 'bars';
  title: string;
  p: number[];
  original: number[] | null;
  words: readonly string[];
}

export type AnyPanel = Panel | CurvePanel | BarsPanel;

/** A panel placed: its box in the plot. */
export interface Placed<P extends AnyPanel = AnyPanel> {
  panel: P;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A number rounded up to 1, 2 or 5 times a power of ten: a colour key's end. */
export function niceMax(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const e = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (x <= m * e + 1e-12) return m * e;
  return 10 * e;
}

const SUBS = '₀₁₂₃₄₅₆₇₈₉';
const sub = (k: number) =>
  String(k)
    .split('')
    .map((c) => SUBS[Number(c)])
    .join('');

/** Words of the panels' titles. */
const WORDS = {
  en: {
    embed: 'token embeddings E[w]',
    pe: (on: boolean) => (on ? 'positional encoding PE' : 'positional encoding: off (0)'),
    x: 'X = E[w] + PE',
    ln: (k: string, what: string) => `LN${k}(${what})`,
    gamma: (k: string) => `γ${k}`,
    beta: (k: string) => `β${k}`,
    head: (i: number) => `head ${i} weights`,
    headOut: (i: number) => `head ${i} output A${sub(i)}V${sub(i)}`,
    mhaOut: 'MHA output (concat Wₒᵀ)',
    r1: 'R = X + MHA(LN₁(X))',
    hidden: 'hidden H = LN₂(R) W₁ᵀ + b₁',
    gelu: 'GELU(H)',
    ffnOut: 'FFN output GELU(H) W₂ᵀ + b₂',
    y: 'Y = R + FFN(LN₂(R))',
    logits: 'logits z = LN(Y) Eᵀ',
    curve: 'GELU vs ReLU, last token’s H',
    ffnShort: 'FFN output',
    bars: 'p(next token) after the last token',
  },
  'zh-TW': {
    embed: '詞嵌入 E[w]',
    pe: (on: boolean) => (on ? '位置編碼 PE' : '位置編碼：關閉（0）'),
    x: 'X = E[w] + PE',
    ln: (k: string, what: string) => `LN${k}(${what})`,
    gamma: (k: string) => `γ${k}`,
    beta: (k: string) => `β${k}`,
    head: (i: number) => `第 ${i} 個頭的權重`,
    headOut: (i: number) => `第 ${i} 個頭的輸出 A${sub(i)}V${sub(i)}`,
    mhaOut: 'MHA 輸出（concat Wₒᵀ）',
    r1: 'R = X + MHA(LN₁(X))',
    hidden: '隱藏層 H = LN₂(R) W₁ᵀ + b₁',
    gelu: 'GELU(H)',
    ffnOut: 'FFN 輸出 GELU(H) W₂ᵀ + b₂',
    y: 'Y = R + FFN(LN₂(R))',
    logits: 'logits z = LN(Y) Eᵀ',
    curve: 'GELU 與 ReLU（最後一個詞元）',
    ffnShort: 'FFN 輸出',
    bars: '最後一個詞元之後的 p(下一個詞元)',
  },
} satisfies Record<Lang, Record<string, unknown>>;

const cols = (k: number, every = 1) =>
  Array.from({ length: k }, (_, c) => ((c + 1) % every === 0 || c === 0 ? String(c + 1) : ''));

/** The panels of the current stage, in rows. */
export function stagePanels(r: TransformerResult, lang: Lang, narrow: boolean): AnyPanel[][] {
  const w = WORDS[lang];
  const f = r.run;
  const o = r.run === r.original ? null : r.reference;
  const words = VOCAB[lang];
  const rowLabels = f.tokens.map((id) => words[id]);
  const editedRows = f.tokens.map((id, i) => id !== r.original.tokens[i]);
  const dCols = cols(r.d);
  const ffCols = cols(r.dff, 4);
  const shapeOf = (m: number[][]) => `${m.length}×${m[0].length}`;
  const diverging = (ms: number[][][]): ColorScaleSpec => {
    const m = niceMax(Math.max(...ms.flatMap((x) => x.flat().map(Math.abs))));
    return { kind: 'diverging', domain: [-m, 0, m], scheme: 'RdBu', reverse: true };
  };
  const matrix = (
    title: string,
    values: number[][],
    original: number[][] | null,
    color: ColorScaleSpec,
    colLabels = dCols,
    masked: boolean[][] | null = null,
  ): Panel => ({
    kind: 'matrix',
    title: `${title}  ${shapeOf(values)}`,
    values,
    original,
    rowLabels,
    editedRows,
    colLabels,
    color,
    masked,
  });
  const param = (title: string, v: number[], color: ColorScaleSpec): Panel => ({
    kind: 'matrix',
    title: `${title}  1×${v.length}`,
    values: [v],
    original: null,
    rowLabels: [''],
    editedRows: [false],
    colLabels: dCols,
    color,
    masked: null,
  });
  const b = f.block;
  const ob = o?.block;
  const norm = (
    k: string,
    input: number[][],
    inputO: number[][] | undefined,
    out: number[][],
    outO: number[][] | undefined,
    what: string,
    p: { gamma: number[]; beta: number[] },
  ): AnyPanel[][] => {
    const c = diverging([input, out]);
    const cp = diverging([[p.gamma], [p.beta]]);
    return [
      [matrix(what, input, inputO ?? null, c), matrix(w.ln(k, what), out, outO ?? null, c)],
      [param(w.gamma(k), p.gamma, cp), param(w.beta(k), p.beta, cp)],
    ];
  };
  const wts = r.weights;
  switch (r.stageId) {
    case 'embed': {
      const c = diverging([f.embed, f.pe, f.x]);
      return [
        [matrix(w.embed, f.embed, o?.embed ?? null, c), matrix(w.pe(r.pe), f.pe, o?.pe ?? null, c)],
        [matrix(w.x, f.x, o?.x ?? null, c)],
      ];
    }
    case 'ln1':
      return norm('₁', f.x, o?.x, b.ln1, ob?.ln1, 'X', wts.block.ln1);
    case 'attn': {
      const weightColor: ColorScaleSpec = { kind: 'sequential', domain: [0, 1] };
      const n = r.n;
      const masked = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => r.causal && j > i),
      );
      const heads = b.attention.heads.map((hd, i) =>
        matrix(
          w.head(i + 1),
          hd.weights,
          ob?.attention.heads[i].weights ?? null,
          weightColor,
          cols(n),
          masked,
        ),
      );
      // each head's weighted values, n × d_head: the columns the heads write side by side
      const headColor = diverging(b.attention.heads.map((hd) => hd.output));
      const outputs = b.attention.heads.map((hd, i) =>
        matrix(
          w.headOut(i + 1),
          hd.output,
          ob?.attention.heads[i].output ?? null,
          headColor,
          cols(hd.output[0].length),
        ),
      );
      const out = matrix(
        w.mhaOut,
        b.attention.output,
        ob?.attention.output ?? null,
        diverging([b.attention.output]),
      );
      const perRow = narrow ? 2 : heads.length === 4 ? 4 : 2;
      const rows: AnyPanel[][] = [];
      for (const list of [heads, outputs])
        for (let i = 0; i < list.length; i += perRow) rows.push(list.slice(i, i + perRow));
      // one head: its weights and its output side by side
      if (heads.length === 1) rows.splice(0, 2, [heads[0], outputs[0]]);
      rows.push([out]);
      return rows;
    }
    case 'add1': {
      const c = diverging([f.x, b.attention.output, b.residual1]);
      return [
        [
          matrix('X', f.x, o?.x ?? null, c),
          matrix(w.mhaOut, b.attention.output, ob?.attention.output ?? null, c),
        ],
        [matrix(w.r1, b.residual1, ob?.residual1 ?? null, c)],
      ];
    }
    case 'ln2':
      return norm('₂', b.residual1, ob?.residual1, b.ln2, ob?.ln2, 'R', wts.block.ln2);
    case 'ffn': {
      const c = diverging([b.ffn.hidden, b.ffn.activated]);
      return [
        [matrix(w.hidden, b.ffn.hidden, ob?.ffn.hidden ?? null, c, ffCols)],
        [matrix(w.gelu, b.ffn.activated, ob?.ffn.activated ?? null, c, ffCols)],
        [
          matrix(w.ffnShort, b.ffn.output, ob?.ffn.output ?? null, diverging([b.ffn.output])),
          { kind: 'curve', title: w.curve, xs: b.ffn.hidden[r.n - 1] },
        ],
      ];
    }
    case 'add2': {
      const c = diverging([b.residual1, b.ffn.output, b.output]);
      return [
        [
          matrix('R', b.residual1, ob?.residual1 ?? null, c),
          matrix(w.ffnOut, b.ffn.output, ob?.ffn.output ?? null, c),
        ],
        [matrix(w.y, b.output, ob?.output ?? null, c)],
      ];
    }
    case 'lnf':
      return norm('', b.output, ob?.output, f.lnf, o?.lnf, 'Y', wts.lnf);
    case 'logits': {
      const words12 = narrow ? words.map((_, i) => String(i + 1)) : [...words];
      return [[matrix(w.logits, f.logits, o?.logits ?? null, diverging([f.logits]), words12)]];
    }
    case 'softmax':
      return [
        [
          {
            kind: 'bars',
            title: w.bars,
            p: f.probs[r.n - 1],
            original: o ? o.probs[r.n - 1] : null,
            words,
          },
        ],
      ];
  }
}

/** Label column left of a matrix's cells. */
export function labelWidth(narrow: boolean): number {
  return narrow ? 40 : 48;
}
/** Height of a matrix's n rows of cells together, whatever n. */
export const CELLS_HEIGHT = 120;
/** Height of one matrix row's cells for n tokens. */
export function cellHeight(n: number): number {
  return CELLS_HEIGHT / Math.max(4, n);
}

/** The panels placed in rows across the width, from PANELS_TOP down. */
export function placePanels(rows: AnyPanel[][], width: number, n: number): Placed[] {
  const out: Placed[] = [];
  let y = PANELS_TOP;
  const bottom = HEIGHT - 8;
  const ch = cellHeight(n);
  for (const row of rows) {
    const each = (width - COL_GAP * (row.length - 1)) / row.length;
    const heights = row.map((p) =>
      p.kind === 'matrix'
        ? PANEL_TITLE + COL_LABELS + p.values.length * ch
        : p.kind === 'curve'
          ? PANEL_TITLE + COL_LABELS + CELLS_HEIGHT
          : bottom - y,
    );
    const h = Math.max(...heights);
    row.forEach((panel, k) =>
      out.push({ panel, x: k * (each + COL_GAP), y, width: each, height: h }),
    );
    y += h + ROW_GAP;
  }
  return out;
}

/** A matrix panel's cells: left edge, cell width and the top of row 0. */
export function matrixGeometry(p: Placed<Panel>, narrow: boolean, n: number) {
  const ch = cellHeight(n);
  const lw = labelWidth(narrow);
  const cols = p.panel.values[0].length;
  const cw = Math.min(36, (p.width - lw - 4) / cols);
  const left = p.x + lw;
  const top = p.y + PANEL_TITLE + COL_LABELS;
  return {
    left,
    cw,
    top,
    right: left + cw * cols,
    bottom: top + p.panel.values.length * ch,
    ch,
  };
}

export { sub };
