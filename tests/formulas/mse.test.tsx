import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import def from '../../src/formulas/mse';
import { findEntry } from '../../src/formulas/registry';
import { mseFrame, mseGeometry } from '../../src/formulas/mse/MsePlot';
import type { MseResult } from '../../src/formulas/mse/model';
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

function compute(v: Values): MseResult {
  return def.compute(v) as MseResult;
}

const strictTex = expectStrictTex;

function renderPlot(v: Values, lang: Lang = 'en') {
  return renderFormulaPlot(def, v, lang);
}

const presetValues = (id: string) =>
  values((def.presets ?? []).find((p) => p.id === id)!.values as Record<string, ParamValue>);

describe('mse page compute()', () => {
  it('the defaults (n = 6) give squared errors .36 .25 .64 .04 1.69 .09 and MSE 3.07/6', () => {
    const r = compute(values());
    expect(r.n).toBe(6);
    expectAllClose(r.residuals, [-0.6, 0.5, -0.8, 0.2, 1.3, -0.3], { abs: 1e-12 });
    expectAllClose(r.squares, [0.36, 0.25, 0.64, 0.04, 1.69, 0.09], { abs: 1e-12 });
    expectClose(r.sum, 3.07);
    expectClose(r.mse, 3.07 / 6);
    expectClose(r.rmse, Math.sqrt(3.07 / 6));
    expect(r.largest).toBe(4);
    expectClose(r.largestShare, 1.69 / 3.07);
  });

  it('n = 8 uses all eight samples: MSE (3.07 + 1.96 + 0.25)/8 = 0.66', () => {
    const r = compute(values({ n: 8 }));
    expect(r.y).toHaveLength(8);
    expectClose(r.mse, 0.66);
  });

  it('even errors and one outlier share mean absolute error 1 but have MSE 1 and 5', () => {
    const even = compute(presetValues('even-errors'));
    const outlier = compute(presetValues('one-outlier'));
    expect(even.n).toBe(5);
    expectClose(even.mae, 1);
    expectClose(even.mse, 1);
    expectClose(even.bias, -1 / 5);
    expectClose(outlier.mae, 1);
    expectClose(outlier.mse, 5);
    expect(outlier.largest).toBe(3);
    expectClose(outlier.largestShare, 1);
  });

  it('a perfect fit has MSE 0 and no largest share', () => {
    const r = compute(presetValues('perfect'));
    expect(r.mse).toBe(0);
    expect(r.largestShare).toBe(0);
  });
});

describe('mse page text', () => {
  it('renders its TeX and every worked example strictly', () => {
    strictTex(def.tex);
    for (const lang of LANGS) {
      for (const v of [
        values(),
        values({ n: 8 }),
        ...(def.presets ?? []).map((p) => values(p.values as never)),
      ]) {
        strictTex(def.worked(v, def.compute(v), lang));
      }
    }
  });

  it('worked() shows each squared error, the sum over n and the MSE of the result', () => {
    const v = values();
    const r = compute(v);
    const w = def.worked(v, r, 'en');
    for (const s of ['0.36', '0.25', '0.64', '0.04', '1.69', '0.09', '3.07', '0.512']) {
      expect(w).toContain(s);
    }
    expect(w).toContain('\\tfrac{1}{\\textcolor{#000003}{6}}');
  });

  it('summary and table are non-empty and never read NaN or undefined, in both languages', () => {
    const cases = [
      values(),
      values({ n: 8 }),
      ...(def.presets ?? []).map((p) => values(p.values as never)),
    ];
    for (const v of cases) {
      const r = compute(v);
      for (const lang of LANGS) {
        const s = def.summary(v, r, lang);
        const t = def.table(v, r, lang);
        const all = [s, t.caption, ...t.columns, ...t.rows.flat().map(String)].join(' ');
        expect(s).toContain(r.mse.toFixed(3));
        expect(t.rows).toHaveLength(r.n + 1);
        expect(t.rows[r.n][4]).toBe(Number(r.mse.toPrecision(6)));
        expect(all).not.toMatch(/NaN|undefined/);
      }
    }
  });

  it('has prose in both languages and links cross-entropy', () => {
    for (const lang of LANGS) {
      expect(def.text[lang].intro.length).toBeGreaterThan(50);
      expect(def.text[lang].body.length).toBeGreaterThan(2);
    }
    expect(findEntry('mse')!.related).toContain('cross-entropy');
  });
});

describe('mse page Plot', () => {
  it('uses one scale factor on both axes', () => {
    for (const v of [
      values(),
      presetValues('one-outlier'),
      values({ n: 8, yhat: [10, 10, 10, 10, 10, 10, 10, 10], y: [0, 0, 0, 0, 0, 0, 0, 0] }),
    ]) {
      const g = mseGeometry(compute(v));
      expectClose(g.x(1) - g.x(0), g.unit);
      expectClose(g.y(0) - g.y(1), g.unit);
      expect(g.unit).toBeGreaterThan(0);
    }
  });

  it('takes its scale in quarter-octave steps below the full height, the largest that fits', () => {
    const entry = fc.integer({ min: 0, max: 100 }).map((k) => k / 10);
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 8 }),
        fc.array(entry, { minLength: 8, maxLength: 8 }),
        fc.array(entry, { minLength: 8, maxLength: 8 }),
        fc.constantFrom(342, 480, 642, 760),
        (n, y, yhat, width) => {
          const frame = mseFrame(width);
          const r = compute(values({ n, y, yhat }));
          const g = mseGeometry(r, frame);
          const full = frame.innerHeight / 10;
          const steps = 4 * Math.log2(full / g.unit);
          expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-9);
          // it fits: samples and their squares, then the mean square, within the width…
          expect(g.meanX + r.rmse * g.unit).toBeLessThanOrEqual(
            frame.innerWidth - frame.meanRoom + 24 + 1e-9,
          );
          // …and one step larger would not (unless it is the full height already)
          if (steps > 0.5) {
            const larger = g.unit * 2 ** 0.25;
            expect((g.xMax + r.rmse) * larger).toBeGreaterThan(frame.innerWidth - frame.meanRoom);
          }
        },
      ),
    );
  });

  it('draws n points, residuals and squares with side |y − ŷ| in data units, and the mean square', () => {
    const v = values();
    const r = compute(v);
    const g = mseGeometry(r);
    const { container } = renderPlot(v);
    const squares = [...container.querySelectorAll('rect.error-square[data-index]')];
    expect(squares).toHaveLength(6);
    squares.forEach((sq, i) => {
      const w = Number(sq.getAttribute('width'));
      const h = Number(sq.getAttribute('height'));
      expectClose(w, h);
      expectClose(w, Math.abs(r.residuals[i]) * g.unit);
    });
    expect(container.querySelectorAll('circle.target')).toHaveLength(7); // 6 + legend
    expect(container.querySelectorAll('circle.prediction')).toHaveLength(7);
    expect(container.querySelectorAll('g.sample line.residual')).toHaveLength(6);
    const mean = container.querySelectorAll('rect.mse-square')[1];
    expectClose(Number(mean.getAttribute('width')), r.rmse * g.unit);
    expect(container.textContent).toContain('MSE = 0.512');
    const row = [...container.querySelectorAll('.squares-row .row-value[data-index]')].map(
      (t) => t.textContent,
    );
    expect(row).toEqual(['0.36', '0.25', '0.64', '0.04', '1.69', '0.09']);
  });

  it('renders every preset and n = 8 in both languages without NaN', () => {
    for (const v of [
      values({ n: 8 }),
      ...(def.presets ?? []).map((p) => values(p.values as never)),
    ]) {
      for (const lang of LANGS) {
        const r = compute(v);
        const { container, unmount } = renderPlot(v, lang);
        expect(container.querySelectorAll('rect.error-square[data-index]')).toHaveLength(r.n);
        expect(container.textContent).not.toMatch(/NaN|undefined/);
        for (const el of container.querySelectorAll('rect, circle, line')) {
          for (const a of ['x', 'y', 'width', 'height', 'cx', 'cy', 'x1', 'x2', 'y1', 'y2']) {
            const s = el.getAttribute(a);
            if (s !== null) expect(Number.isFinite(Number(s))).toBe(true);
          }
        }
        unmount();
      }
    }
  });

  it('labels the axes in zh-TW', () => {
    const { container } = renderPlot(values(), 'zh-TW');
    expect(container.textContent).toContain('樣本 i');
    expect(container.textContent).toContain('平方誤差');
  });
});

describe('mse plot on a phone', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps one scale on both axes and fits samples and mean square in a narrow column', () => {
    const frame = mseFrame(342);
    expect(frame.narrow).toBe(true);
    for (const v of [
      values(),
      values({ n: 8, yhat: [10, 10, 10, 10, 10, 10, 10, 10], y: [0, 0, 0, 0, 0, 0, 0, 0] }),
    ]) {
      const r = compute(v);
      const g = mseGeometry(r, frame);
      expectClose(g.x(1) - g.x(0), g.unit);
      expectClose(g.y(0) - g.y(1), g.unit);
      expect(g.unit).toBeGreaterThan(0);
      expect(g.y(0) - g.y(10)).toBeLessThanOrEqual(frame.innerHeight + 1e-9);
      expect(g.meanX + r.rmse * g.unit).toBeLessThanOrEqual(frame.innerWidth);
    }
  });

  it('draws squares square at the column width, thinning the squares row only when crowded', () => {
    stubColumnWidth(342);
    const v = values();
    const r = compute(v);
    const g = mseGeometry(r, mseFrame(342));
    const { container, unmount } = renderPlot(v);
    expect(viewBoxWidths(container)).toEqual([342]);
    const squares = [...container.querySelectorAll('rect.error-square[data-index]')];
    expect(squares).toHaveLength(6);
    squares.forEach((sq, i) => {
      expectClose(Number(sq.getAttribute('width')), Math.abs(r.residuals[i]) * g.unit);
      expectClose(Number(sq.getAttribute('height')), Number(sq.getAttribute('width')));
    });
    // the default six fit: every squared error is still shown
    expect(container.querySelectorAll('.squares-row .row-value[data-index]')).toHaveLength(6);
    unmount();
    const crowded = renderPlot(
      values({ n: 8, yhat: [10, 10, 10, 10, 10, 10, 10, 10], y: [0, 0, 0, 0, 0, 0, 0, 0] }),
    );
    const shown = crowded.container.querySelectorAll('.squares-row .row-value[data-index]');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(8);
    expect(crowded.container.textContent).toContain('MSE = 100.000');
  });
});

describe('mse plot live update', () => {
  afterEach(() => vi.unstubAllGlobals());

  const tenth = (k: number) => Number((k / 10).toFixed(1));
  /** Mostly small residuals (the scale stays), sometimes large ones (it shrinks). */
  const entry = fc.oneof(
    { arbitrary: fc.integer({ min: 40, max: 60 }).map(tenth), weight: 6 },
    { arbitrary: fc.integer({ min: 0, max: 100 }).map(tenth), weight: 1 },
  );
  const langArb = fc.constantFrom<Lang>('en', 'zh-TW');
  const valuesArb = fc.record({
    n: fc.integer({ min: 5, max: 8 }),
    y: fc.array(entry, { minLength: 8, maxLength: 8 }),
    yhat: fc.array(entry, { minLength: 8, maxLength: 8 }),
  });

  // On a phone the scale follows √MSE on nearly every tick, so there React draws nearly all.
  for (const width of [640, 760, 342]) {
    it(`a tick leaves the same SVG as a fresh render (${width} px)`, () => {
      if (width !== 640) stubColumnWidth(width);
      else vi.unstubAllGlobals();
      fc.assert(
        fc.property(valuesArb, valuesArb, fc.boolean(), langArb, (a, b, sameN, lang) => {
          expectTickAsFresh(def, values(a), values({ ...b, n: sameN ? a.n : b.n }), lang);
        }),
        { numRuns: 60 },
      );
    });
  }
});
