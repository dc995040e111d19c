import { fireEvent } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/transformer';
import { findEntry } from '../../src/formulas/registry';
import {
  EDITS,
  EPS,
  LAST_STAGE,
  MAX_TOKENS,
  SENTENCE,
  STAGES,
  STAGE_NAMES,
  VOCAB,
  VOCAB_SIZE,
  forward,
  stageTensors,
  tinyWeights,
} from '../../src/formulas/transformer/model';
import type { TinyWeights, TransformerResult } from '../../src/formulas/transformer/model';
import { gelu, transformerBlock } from '../../src/math';
import { formatFixed } from '../../src/plots/formatNumber';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { expectAllClose } from '../helpers/asserts';
import { expectStrictTex, renderFormulaPlot, withDefaults } from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];

function values(over: Record<string, ParamValue> = {}): Values {
  return withDefaults(def, over);
}
const compute = (v: Values) => def.compute(v) as TransformerResult;
const presetValues = (id: string) =>
  values((def.presets ?? []).find((p) => p.id === id)!.values as Record<string, ParamValue>);

// --- an independent forward pass, loop by loop, from the definitions ---------------------

/** X Wᵀ + b by loops. */
function linear(X: number[][], W: number[][], b: number[]): number[][] {
  return X.map((x) => W.map((row, j) => row.reduce((s, w, c) => s + w * x[c], b[j])));
}

function ln(v: number[], gamma: number[], beta: number[]): number[] {
  const mu = v.reduce((s, x) => s + x, 0) / v.length;
  const variance = v.reduce((s, x) => s + (x - mu) ** 2, 0) / v.length;
  return v.map((x, c) => (gamma[c] * (x - mu)) / Math.sqrt(variance + EPS) + beta[c]);
}

function softmaxByHand(z: number[]): number[] {
  const m = Math.max(...z.filter((x) => x > -Infinity));
  const e = z.map((x) => (x === -Infinity ? 0 : Math.exp(x - m)));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

interface ByHand {
  x: number[][];
  weights: number[][][];
  residual1: number[][];
  output: number[][];
  logits: number[][];
  probs: number[][];
}

function byHand(tokens: number[], w: TinyWeights, heads: number, causal: boolean, pe: boolean) {
  const d = w.d;
  const n = tokens.length;
  // PE[pos][2i] = sin(pos / 10000^(2i/d)), PE[pos][2i+1] = cos(same)
  const x = tokens.map((id, pos) =>
    w.E[id].map((e, c) => {
      const angle = pos / Math.pow(10000, (c - (c % 2)) / d);
      return e + (pe ? (c % 2 === 0 ? Math.sin(angle) : Math.cos(angle)) : 0);
    }),
  );
  const { ln1, attn, ln2, ffn } = w.block;
  const a = x.map((row) => ln(row, ln1.gamma, ln1.beta));
  const Q = linear(a, attn.Wq, attn.bq);
  const K = linear(a, attn.Wk, attn.bk);
  const V = linear(a, attn.Wv, attn.bv);
  const dh = d / heads;
  const concat = Array.from({ length: n }, () => new Array<number>(d).fill(0));
  const weights: number[][][] = [];
  for (let h = 0; h < heads; h++) {
    const lo = h * dh;
    const W = Array.from({ length: n }, (_, i) => {
      const scores = Array.from({ length: n }, (_, j) => {
        if (causal && j > i) return -Infinity;
        let s = 0;
        for (let c = lo; c < lo + dh; c++) s += Q[i][c] * K[j][c];
        return s / Math.sqrt(dh);
      });
      return softmaxByHand(scores);
    });
    weights.push(W);
    for (let i = 0; i < n; i++)
      for (let c = lo; c < lo + dh; c++)
        for (let j = 0; j < n; j++) concat[i][c] += W[i][j] * V[j][c];
  }
  const mha = linear(concat, attn.Wo, attn.bo);
  const residual1 = x.map((row, i) => row.map((v, c) => v + mha[i][c]));
  const b2 = residual1.map((row) => ln(row, ln2.gamma, ln2.beta));
  const hidden = linear(b2, ffn.W1, ffn.b1).map((row) => row.map(gelu));
  const f = linear(hidden, ffn.W2, ffn.b2);
  const output = residual1.map((row, i) => row.map((v, c) => v + f[i][c]));
  const final = output.map((row) => ln(row, w.lnf.gamma, w.lnf.beta));
  const logits = final.map((row) => w.E.map((e) => e.reduce((s, v, c) => s + v * row[c], 0)));
  const probs = logits.map(softmaxByHand);
  return { x, weights, residual1, output, logits, probs } satisfies ByHand;
}

const tokensArb = fc.array(fc.integer({ min: 0, max: VOCAB_SIZE - 1 }), {
  minLength: 1,
  maxLength: MAX_TOKENS,
});
const modelArb = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  d: fc.constantFrom(4, 8),
  heads: fc.constantFrom(1, 2, 4),
  causal: fc.boolean(),
  pe: fc.boolean(),
});

const close = { rel: 1e-9, abs: 1e-12 };
function expectRowsClose(a: number[][], b: number[][]) {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) => expectAllClose(row, b[i], close));
}

describe('transformer page model', () => {
  it('forward() equals a loop-by-loop recomputation from the definitions, every stage', () => {
    fc.assert(
      fc.property(modelArb, tokensArb, ({ seed, d, heads, causal, pe }, tokens) => {
        const w = tinyWeights(seed, d);
        const f = forward(tokens, w, { heads, causal, pe });
        const h = byHand(tokens, w, heads, causal, pe);
        expectRowsClose(f.x, h.x);
        f.block.attention.heads.forEach((hd, k) => expectRowsClose(hd.weights, h.weights[k]));
        expectRowsClose(f.block.residual1, h.residual1);
        expectRowsClose(f.block.output, h.output);
        expectRowsClose(f.logits, h.logits);
        expectRowsClose(f.probs, h.probs);
      }),
      { numRuns: 60 },
    );
  });

  it('the page’s block is transformerBlock on the same weights and input', () => {
    const r = compute(values({ n: 6, h: 4, causal: false }));
    const block = transformerBlock(r.run.x, r.weights.block, { heads: 4, causal: false });
    expect(r.run.block.output).toEqual(block.output);
    expect(r.run.block.attention.heads.map((h) => h.weights)).toEqual(
      block.attention.heads.map((h) => h.weights),
    );
  });

  it('one token: every head’s weight is 1, so attention passes on its own value', () => {
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 0, max: VOCAB_SIZE - 1 }), (m, id) => {
        const w = tinyWeights(m.seed, m.d);
        const f = forward([id], w, m);
        for (const hd of f.block.attention.heads) expect(hd.weights).toEqual([[1]]);
        const v = linear(f.block.ln1, w.block.attn.Wv, w.block.attn.bv);
        const out = linear(v, w.block.attn.Wo, w.block.attn.bo);
        expectRowsClose(f.block.attention.output, out);
        // position 0's encoding is (sin 0, cos 0, …) = (0, 1, 0, 1, …)
        if (m.pe)
          expectAllClose(
            f.pe[0],
            w.E[id].map((_, c) => (c % 2 === 0 ? 0 : 1)),
          );
      }),
      { numRuns: 40 },
    );
  });

  it('with the causal mask, changing a later token leaves every earlier row unchanged at every stage', () => {
    fc.assert(
      fc.property(
        modelArb,
        tokensArb.filter((t) => t.length >= 2),
        fc.nat(),
        fc.integer({ min: 0, max: VOCAB_SIZE - 1 }),
        (m, tokens, at, word) => {
          const p = 1 + (at % (tokens.length - 1));
          const w = tinyWeights(m.seed, m.d);
          const edited = [...tokens];
          edited[p] = word;
          const a = forward(tokens, w, { ...m, causal: true });
          const b = forward(edited, w, { ...m, causal: true });
          for (const stage of STAGES) {
            const ta = stageTensors(a, stage);
            const tb = stageTensors(b, stage);
            ta.forEach((mat, k) => {
              for (let i = 0; i < p; i++) expect(tb[k][i]).toEqual(mat[i]);
            });
          }
          if (word !== tokens[p]) expect(b.x[p]).not.toEqual(a.x[p]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('without positional encoding or a mask the block is permutation-equivariant', () => {
    fc.assert(
      fc.property(
        modelArb,
        tokensArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: MAX_TOKENS,
          maxLength: MAX_TOKENS,
        }),
        (m, tokens, keys) => {
          const perm = tokens.map((_, i) => i).sort((i, j) => keys[i] - keys[j] || i - j);
          const w = tinyWeights(m.seed, m.d);
          const opts = { heads: m.heads, causal: false, pe: false };
          const a = forward(tokens, w, opts);
          const b = forward(
            perm.map((i) => tokens[i]),
            w,
            opts,
          );
          // position k of the permuted sentence holds token perm[k]: its rows are a's rows perm[k]
          expectRowsClose(
            b.block.output,
            perm.map((i) => a.block.output[i]),
          );
          expectRowsClose(
            b.probs,
            perm.map((i) => a.probs[i]),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the same seed and width give the same small weights; another seed others', () => {
    expect(tinyWeights(7, 8)).toEqual(tinyWeights(7, 8));
    expect(tinyWeights(7, 8).E).not.toEqual(tinyWeights(8, 8).E);
    const w = tinyWeights(123, 4);
    expect(w.E).toHaveLength(VOCAB_SIZE);
    expect(w.block.ffn.W1).toHaveLength(16);
    for (const x of [...w.block.attn.Wq.flat(), ...w.block.ffn.W2.flat()])
      expect(Math.abs(x)).toBeLessThan(3);
  });
});

describe('transformer page compute()', () => {
  it('the default sentence is “the cat sat on” and the distribution sums to 1', () => {
    const r = compute(values());
    expect(r.run.tokens).toEqual(SENTENCE.slice(0, 4));
    expect(r.run.tokens.map((id) => VOCAB.en[id]).join(' ')).toBe('the cat sat on');
    expect(r.run.probs[3].reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    expect(r.changed.every((row) => row.every((c) => !c))).toBe(true);
  });

  it('“Causal: the past is untouched”: positions 1 and 2 never change, 3 and on do from the start', () => {
    const r = compute(presetValues('causal-past'));
    expect(r.edit).toBe(EDITS.replace);
    for (const row of r.changed) expect(row.slice(0, 2)).toEqual([false, false]);
    expect(r.changed[0]).toEqual([false, false, true, false]);
    expect(r.changed[STAGES.indexOf('attn')]).toEqual([false, false, true, true]);
    const open = compute(presetValues('no-mask'));
    expect(open.changed[STAGES.indexOf('attn')]).toEqual([true, true, true, true]);
  });

  it('“No positions”: the swap only exchanges two rows and leaves the prediction as it was', () => {
    const r = compute(presetValues('no-positions'));
    for (const row of r.changed) expect(row.slice(2).every((c) => !c)).toBe(true);
    expectAllClose(r.run.probs[r.n - 1], r.original.probs[r.n - 1], close);
    const withPe = compute(presetValues('positions'));
    expect(withPe.changed[LAST_STAGE].slice(2).some((c) => c)).toBe(true);
  });

  it('values outside the ranges are brought in (the framework normalizes them first too)', () => {
    const r = compute({ ...values(), n: 99, h: 3, t: -4, d: 5, p: 42, w: -1, edit: 1 });
    expect([r.n, r.heads, r.stage, r.d]).toEqual([6, 2, 0, 8]);
    expect(r.run.tokens[5]).toBe(0);
  });
});

describe('transformer page text', () => {
  it('renders the formula and every stage’s worked example strictly, in both languages', () => {
    expectStrictTex(def.tex);
    for (let t = 0; t <= LAST_STAGE; t++)
      for (const h of [1, 4])
        for (const d of [4, 8]) {
          const v = values({ t, h, d, n: 6, edit: EDITS.replace });
          for (const lang of LANGS) expectStrictTex(def.worked(v, compute(v), lang));
        }
  });

  it('the worked example writes layer norm out with the numbers of the plotted row', () => {
    const v = values({ t: STAGES.indexOf('ln1') });
    const r = compute(v);
    const tex = def.worked(v, r, 'en');
    expect(tex).toContain('\\sqrt{\\sigma^2 + \\epsilon}');
    for (const x of r.run.block.ln1[3]) expect(tex).toContain(formatFixed(x, 2).replace('−', '-'));
  });

  it('the worked example at the softmax stage shows the probabilities the bars show', () => {
    const v = values({ t: LAST_STAGE });
    const r = compute(v);
    const tex = def.worked(v, r, 'en');
    const { container, unmount } = renderFormulaPlot(def, v);
    const bars = [...container.querySelectorAll('.tf-bar-value')].map((e) => e.textContent!);
    expect(bars).toHaveLength(VOCAB_SIZE);
    bars.forEach((b, j) => {
      expect(b).toBe(formatFixed(r.run.probs[3][j], 2));
      expect(tex).toContain(b.replace('−', '-'));
    });
    unmount();
  });

  it('summary and table in both languages, without NaN, naming what an edit changed', () => {
    for (const v of [values(), ...(def.presets ?? []).map((p) => values(p.values as never))]) {
      const r = compute(v);
      for (const lang of LANGS) {
        const s = def.summary(v, r, lang);
        const t = def.table(v, r, lang);
        expect(t.rows.length).toBeGreaterThan(0);
        const all = [s, t.caption, ...t.columns, ...t.rows.flat().map(String)].join(' ');
        expect(all).not.toMatch(/NaN|undefined|Infinity/);
      }
    }
    const past = presetValues('causal-past');
    expect(def.summary(past, compute(past), 'en')).toContain(
      'positions 3, 4 changed and 1, 2 did not',
    );
    expect(def.summary(past, compute(past), 'zh-TW')).toContain('多頭注意力');
  });

  it('the table at the residual add lists the block’s output, as transformerBlock gives it', () => {
    const v = values({ t: STAGES.indexOf('add2'), n: 5 });
    const r = compute(v);
    const block = transformerBlock(r.run.x, r.weights.block, { heads: 2, causal: true });
    const rows = def.table(v, r, 'en').rows.filter((row) => String(row[0]).startsWith('Y ='));
    expect(rows).toHaveLength(5);
    rows.forEach((row, i) =>
      expect(row[2]).toBe(block.output[i].map((x) => formatFixed(x, 3)).join(', ')),
    );
  });

  it('has prose in both languages and links attention, softmax, ReLU and the next-token page', () => {
    for (const lang of LANGS) {
      expect(def.text[lang].intro.length).toBeGreaterThan(100);
      expect(def.text[lang].body.length).toBeGreaterThanOrEqual(5);
    }
    for (const id of ['attention', 'softmax', 'relu', 'next-token-distribution'])
      expect(findEntry('transformer')!.related).toContain(id);
    expect(def.text.en.body.join(' ')).toMatch(/random/);
    expect(def.text['zh-TW'].body.join(' ')).toMatch(/隨機/);
  });
});

describe('transformer page Plot', () => {
  it('draws a node per stage on the residual stream; clicking one opens that stage', () => {
    const view = renderFormulaPlot(def, values({ t: 3 }));
    const nodes = view.container.querySelectorAll('.tf-node');
    expect(nodes).toHaveLength(STAGES.length);
    expect(view.container.querySelector('.tf-node.is-current')!.getAttribute('data-stage')).toBe(
      '3',
    );
    fireEvent.click(nodes[7]);
    expect(view.setValue).toHaveBeenCalledWith('t', 7);
    // the same by keyboard: each node is a button in the tab order, named by its stage
    expect(nodes[5]).toHaveAttribute('role', 'button');
    expect(nodes[5]).toHaveAttribute('tabindex', '0');
    expect(nodes[5]).toHaveAccessibleName(`Open step 5: ${STAGE_NAMES[STAGES[5]].en}`);
    expect(nodes[3]).toHaveAttribute('aria-current', 'step');
    fireEvent.keyDown(nodes[5], { key: 'Enter' });
    expect(view.setValue).toHaveBeenLastCalledWith('t', 5);
    fireEvent.keyDown(nodes[2], { key: ' ' });
    expect(view.setValue).toHaveBeenLastCalledWith('t', 2);
    fireEvent.keyDown(nodes[2], { key: 'a' });
    expect(view.setValue).toHaveBeenCalledTimes(3);
  });

  it('shows one weight heatmap per head, with the masked cells drawn as missing', () => {
    for (const h of [1, 2, 4]) {
      const v = values({ t: STAGES.indexOf('attn'), h, n: 5 });
      const { container, unmount } = renderFormulaPlot(def, v);
      const titles = [...container.querySelectorAll('.tf-panel-title')].map((e) => e.textContent!);
      expect(titles.filter((t) => /^head \d weights/.test(t))).toHaveLength(h);
      // each head's output, n × d_head, beside the joined one, n × d_model
      const d = compute(v).d;
      const outputs = titles.filter((t) => /^head \d output/.test(t));
      expect(outputs).toHaveLength(h);
      for (const t of outputs) expect(t).toContain(`5×${d / h}`);
      expect(titles.find((t) => t.startsWith('MHA output'))).toContain(`5×${d}`);
      expect(container.querySelectorAll('.kd-heatmap-missing')).toHaveLength((h * 5 * 4) / 2);
      unmount();
    }
    const open = renderFormulaPlot(def, values({ t: 2, causal: false }));
    expect(open.container.querySelectorAll('.kd-heatmap-missing')).toHaveLength(0);
  });

  it('outlines the rows an edit changed and marks them on the stream', () => {
    const { container } = renderFormulaPlot(def, presetValues('causal-past'));
    // stage "attention": in each head's weights and output, and the joined output, the rows of
    // positions 3 and 4
    expect(container.querySelectorAll('.tf-changed')).toHaveLength(5 * 2);
    const dots = container.querySelectorAll('.tf-dot.is-changed');
    const expected = compute(presetValues('causal-past')).changed.flat().filter(Boolean).length;
    expect(dots).toHaveLength(expected);
    expect(container.querySelector('.tf-label.is-edited')!.textContent).toBe('slept');
  });

  it('renders every stage and preset in both languages with finite marks and no NaN', () => {
    const all = [
      ...Array.from({ length: LAST_STAGE + 1 }, (_, t) => values({ t, n: 6, h: 4 })),
      ...(def.presets ?? []).map((p) => values(p.values as never)),
    ];
    for (const v of all) {
      for (const lang of LANGS) {
        const { container, unmount } = renderFormulaPlot(def, v, lang);
        expect(container.textContent).not.toMatch(/NaN|undefined|Infinity/);
        for (const el of container.querySelectorAll('rect, circle, line, text')) {
          for (const a of ['x', 'y', 'width', 'height', 'cx', 'cy', 'x1', 'x2', 'y1', 'y2']) {
            const s = el.getAttribute(a);
            if (s !== null) expect(Number.isFinite(Number(s)), `${a}=${s}`).toBe(true);
          }
        }
        unmount();
      }
    }
  });
});
