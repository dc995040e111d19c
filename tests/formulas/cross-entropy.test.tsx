import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import def from '../../src/formulas/cross-entropy';
import { findEntry } from '../../src/formulas/registry';
import { LOSS_MAX, crossEntropyLayout } from '../../src/formulas/cross-entropy/CrossEntropyPlot';
import { BINARY_P } from '../../src/formulas/cross-entropy/model';
import type { CrossEntropyResult } from '../../src/formulas/cross-entropy/model';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { expectAllClose, expectClose } from '../helpers/asserts';
import {
  expectTickAsFresh,
  expectStrictTex,
  renderFormulaPlot,
  withDefaults,
} from '../helpers/formula';
import { stubColumnWidth, viewBoxWidths } from '../plots/columnWidth';

const LANGS: Lang[] = ['en', 'zh-TW'];

function values(over: Record<string, ParamValue> = {}): Values {
  return withDefaults(def, over);
}

function compute(v: Values): CrossEntropyResult {
  return def.compute(v) as CrossEntropyResult;
}

const strictTex = expectStrictTex;

function renderPlot(v: Values, lang: Lang = 'en') {
  return renderFormulaPlot(def, v, lang);
}

const LN = [1, 2, 3, 4, 10].map(Math.log);

describe('cross-entropy page compute()', () => {
  it('equal logits cost ln 5 whatever the true token, with gradient q − y = 0.2 − [i = y]', () => {
    for (const y of [0, 2, 4]) {
      const r = compute(values({ z: [0, 0, 0, 0, 0], y }));
      expectClose(r.loss, Math.log(5));
      expectClose(r.qy, 0.2);
      expectAllClose(
        r.grad,
        [0, 1, 2, 3, 4].map((i) => (i === y ? -0.8 : 0.2)),
      );
      expectClose(r.entropyQ, Math.log(5));
    }
  });

  it('logits ln(1, 2, 3, 4, 10) give q = (1, 2, 3, 4, 10)/20: loss ln 2 for token 5 and ln 20 for token 1', () => {
    const r4 = compute(values({ z: LN, y: 4 }));
    expectAllClose(r4.q, [0.05, 0.1, 0.15, 0.2, 0.5]);
    expectClose(r4.qy, 0.5);
    expectClose(r4.loss, Math.LN2);
    expectClose(r4.lse, Math.log(20));
    const r0 = compute(values({ z: LN, y: 0 }));
    expectClose(r0.loss, Math.log(20));
    expectClose(r0.grad[0], 0.05 - 1);
  });

  it('the loss from logits ±10 stays exact: 20 + ln(1 + 4e^−20)', () => {
    const r = compute(values({ z: [10, -10, -10, -10, -10], y: 1 }));
    expectClose(r.loss, 20 + Math.log1p(4 * Math.exp(-20)));
    expect(Number.isFinite(r.loss)).toBe(true);
  });

  it('binary cross-entropy: −ln 0.8 for t = 1, −ln 0.2 for t = 0, H(t) + KL for a soft label', () => {
    expectClose(compute(values({ by: 1, bp: 0.8 })).bce, -Math.log(0.8));
    expectClose(compute(values({ by: 0, bp: 0.8 })).bce, -Math.log(0.2));
    const soft = compute(values({ by: 0.3, bp: 0.3 }));
    const H = -(0.3 * Math.log(0.3) + 0.7 * Math.log(0.7));
    expectClose(soft.bce, H);
    expectClose(soft.binaryEntropy, H);
    expectClose(soft.binaryKL, 0, { abs: 1e-12 });
    const half = compute(values({ by: 0.5, bp: 0.8 }));
    expectClose(half.bce, -0.5 * (Math.log(0.8) + Math.log(0.2)));
    expectClose(half.binaryEntropy, Math.LN2);
    expectClose(half.binaryKL, 0.5 * Math.log(0.5 / 0.8) + 0.5 * Math.log(0.5 / 0.2));
  });

  it('the BCE curve is sampled at BINARY_P and passes through ln 2 at p = 1/2 for every t', () => {
    const r = compute(values({ by: 0.7 }));
    expect(r.bceCurve).toHaveLength(BINARY_P.length);
    const mid = r.bceCurve[70];
    expectClose(mid[0], 0.5);
    expectClose(mid[1], Math.LN2);
    expect(r.bceCurve.every(([, l]) => Number.isFinite(l) && l >= 0)).toBe(true);
  });
});

describe('cross-entropy page text', () => {
  it('renders its TeX and every worked example strictly', () => {
    strictTex(def.tex);
    for (const lang of LANGS) {
      for (const preset of [{ values: {} }, ...(def.presets ?? [])]) {
        const v = values(preset.values as Record<string, ParamValue>);
        strictTex(def.worked(v, def.compute(v), lang));
      }
    }
  });

  it('worked() shows q_y, the loss and the binary decomposition of the result', () => {
    const v = values();
    const r = compute(v);
    const w = def.worked(v, r, 'en');
    expect(w).toContain(r.qy.toFixed(3));
    expect(w).toContain(r.loss.toFixed(3));
    expect(w).toContain(r.bce.toFixed(3));
    expect(w).toContain(r.binaryKL.toFixed(3));
    expect(w).toContain('mat');
    expect(def.worked(v, r, 'zh-TW')).toContain('墊子');
  });

  it('summary and table are non-empty and never read NaN or undefined, in both languages', () => {
    const cases = [values(), ...(def.presets ?? []).map((p) => values(p.values as never))];
    for (const v of cases) {
      const r = compute(v);
      for (const lang of LANGS) {
        const s = def.summary(v, r, lang);
        const t = def.table(v, r, lang);
        const all = [s, t.caption, ...t.columns, ...t.rows.flat().map(String)].join(' ');
        expect(s).toContain(r.loss.toFixed(3));
        expect(t.rows).toHaveLength(5);
        expect(all).not.toMatch(/NaN|undefined/);
        // the −ln q column at the true token is the loss
        expectClose(Number(t.rows[r.y][4]), r.loss, { rel: 1e-3 });
      }
    }
  });

  it('has prose in both languages and links softmax and mse', () => {
    for (const lang of LANGS) {
      expect(def.text[lang].intro.length).toBeGreaterThan(50);
      expect(def.text[lang].body.length).toBeGreaterThan(2);
    }
    expect(findEntry('cross-entropy')!.related).toEqual(
      expect.arrayContaining(['softmax', 'mse', 'attention']),
    );
  });
});

describe('cross-entropy page Plot', () => {
  it('draws the predicted bars, marks the true token and the current loss on the −ln curve', () => {
    const v = values();
    const r = compute(v);
    const { container } = renderPlot(v);
    expect(container.querySelectorAll('rect.bar[data-index]')).toHaveLength(5);
    const emph = container.querySelector('.bar-group.is-emphasis rect.bar');
    expect(emph?.getAttribute('data-index')).toBe(String(r.y));
    expect(container.querySelector('.true-marker')).not.toBeNull();
    expect(container.textContent).toContain(`L = ${r.loss.toFixed(2)}`);
    expect(container.textContent).toContain(`BCE = ${r.bce.toFixed(2)}`);
    expect(container.querySelectorAll('svg')).toHaveLength(2);
    expect(container.querySelectorAll('.current-point').length).toBeGreaterThanOrEqual(2);
  });

  it('renders every preset in both languages without NaN and with finite geometry', () => {
    for (const preset of def.presets ?? []) {
      for (const lang of LANGS) {
        const v = values(preset.values as Record<string, ParamValue>);
        const { container, unmount } = renderPlot(v, lang);
        expect(container.textContent).not.toMatch(/NaN|undefined/);
        for (const c of container.querySelectorAll('circle')) {
          expect(Number.isFinite(Number(c.getAttribute('cx')))).toBe(true);
          expect(Number.isFinite(Number(c.getAttribute('cy')))).toBe(true);
        }
        for (const p of container.querySelectorAll('path')) {
          expect(p.getAttribute('d') ?? '').not.toMatch(/NaN/);
        }
        unmount();
      }
    }
  });

  it('pins a loss above the plot range to the top edge with an arrow', () => {
    const v = values({ z: [10, -10, -10, -10, -10], y: 1 });
    expect(compute(v).loss).toBeGreaterThan(LOSS_MAX);
    const { container } = renderPlot(v);
    expect(container.textContent).toContain('L = 20.00 ↑');
  });

  it('draws the KL gap for a wrong binary prediction and hides it at p = t', () => {
    const wrong = renderPlot(values({ by: 1, bp: 0.3 }));
    expect(wrong.container.querySelector('.kl-gap')).not.toBeNull();
    wrong.unmount();
    const soft = renderPlot(values({ by: 0.3, bp: 0.3 }), 'zh-TW');
    expect(soft.container.querySelector('.kl-gap')).toBeNull();
    expect(soft.container.textContent).toContain('H(t)');
    expect(soft.container.textContent).toContain('月亮');
  });
});

describe('cross-entropy plots on a phone', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the side-by-side layout at the 640 fallback: bars 236 wide, curve from 306, binary plot 384', () => {
    const L = crossEntropyLayout(640);
    expect(L.narrow).toBe(false);
    expect([L.barsW, L.curveX, L.curveW, L.binW]).toEqual([236, 306, 262, 384]);
    expect(viewBoxWidths(renderPlot(values()).container)).toEqual([640, 640]);
  });

  it('stacks bars, −ln curve and binary plot, each as wide as a narrow column', () => {
    const L = crossEntropyLayout(342);
    expect(L.narrow).toBe(true);
    expect(L.curveX).toBe(0);
    expect(L.barsW).toBe(L.curveW);
    expect(L.binW).toBe(L.curveW);
    stubColumnWidth(342);
    const v = values();
    const r = compute(v);
    const { container } = renderPlot(v);
    expect(viewBoxWidths(container)).toEqual([342, 342, 342]);
    const svgs = container.querySelectorAll('svg');
    expect(svgs[0].querySelectorAll('rect.bar[data-index]')).toHaveLength(5);
    expect(svgs[1].querySelector('.neg-log')).not.toBeNull();
    expect(svgs[1].textContent).toContain(`L = ${r.loss.toFixed(2)}`);
    expect(svgs[2].querySelector('.bce-curve')).not.toBeNull();
    // the binary legend sits under its plot, inside the viewBox
    const legend = svgs[2].querySelector('.legend')!.getAttribute('transform')!;
    const [lx, ly] = legend.match(/-?[\d.]+/g)!.map(Number);
    expect(lx).toBeLessThan(0);
    expect(ly).toBeGreaterThan(L.binH);
    expect(L.binMargin.top + ly + 110).toBeLessThan(L.binHeight);
  });
});

describe('cross-entropy plot live update', () => {
  afterEach(() => vi.unstubAllGlobals());

  const tenth = (k: number) => Number((k / 10).toFixed(1));
  const valuesArb = fc.record({
    y: fc.integer({ min: 0, max: 4 }),
    z: fc.array(fc.integer({ min: -100, max: 100 }).map(tenth), { minLength: 5, maxLength: 5 }),
    by: fc.oneof(
      fc.constantFrom(0, 1),
      fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
    ),
    bp: fc.integer({ min: 1, max: 999 }).map((k) => k / 1000),
  });

  // wide: bars and curve side by side in one SVG; narrow: stacked in two
  for (const width of [640, 342]) {
    it(`a tick leaves the same SVG as a fresh render (${width} px)`, () => {
      if (width !== 640) stubColumnWidth(width);
      fc.assert(
        fc.property(valuesArb, valuesArb, fc.constantFrom<Lang>('en', 'zh-TW'), (a, b, lang) => {
          expectTickAsFresh(def, values(a), values(b), lang);
        }),
        { numRuns: 60 },
      );
    });
  }
});
