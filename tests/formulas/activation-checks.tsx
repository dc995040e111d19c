import { fireEvent } from '@testing-library/react';
import katex from 'katex';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { FormulaDef, Lang, ParamValue, Values } from '../../src/ui/card/types';
import type { ActivationResult } from '../../src/formulas/activation/ActivationPlot';
import {
  expectTickAsFresh,
  paramDefaults,
  renderFormulaPlot,
  renderStrictTex,
} from '../helpers/formula';

/** Default values of a declaration's params. */
export function defaults(def: FormulaDef<ActivationResult>): Record<string, ParamValue> {
  return paramDefaults(def);
}

/** Renders TeX the way the test suite demands: strict, throwing on any error. */
export const renderTex = renderStrictTex;

/** Renders a declaration's plot with the given values. */
export function renderPlot(
  def: FormulaDef<ActivationResult>,
  values: Values,
  lang: Lang = 'en',
  highlight: string | null = null,
) {
  return renderFormulaPlot(def, values, lang, highlight);
}

/** Checks every activation page shares: TeX, presets, plot, summary and table. */
export function sharedActivationChecks(
  def: FormulaDef<ActivationResult>,
  opts: { name: string; regions: number; compareNames: string[] },
): void {
  it('tex and worked() render in KaTeX strict mode, at defaults and at every preset', () => {
    expect(() => renderTex(def.tex)).not.toThrow();
    for (const p of def.params) expect(() => renderTex(p.tex)).not.toThrow();
    for (const values of [
      defaults(def),
      ...(def.presets ?? []).map((p) => ({ ...defaults(def), ...p.values })),
    ]) {
      const r = def.compute(values);
      for (const lang of ['en', 'zh-TW'] as const) {
        expect(() => renderTex(def.worked(values, r, lang))).not.toThrow();
      }
    }
  });

  it('declares an x slider and a compare toggle', () => {
    const x = def.params.find((p) => p.name === 'x');
    expect(x?.kind).toBe('scalar');
    expect(x?.slot).toBe(1);
    expect(def.params.find((p) => p.name === 'compare')?.kind).toBe('toggle');
  });

  it('Plot renders both curves, the point on each, the tangent and the legend with defaults', () => {
    const { container, result } = renderPlot(def, defaults(def));
    expect(container.querySelectorAll('path.series:not(.series-faint)').length).toBe(2);
    expect(container.querySelectorAll('.current-point').length).toBe(2);
    expect(container.querySelector('.tangent')).not.toBeNull();
    const legend = container.querySelector('.legend')!.textContent!;
    expect(legend).toContain(`${opts.name}(x)`);
    expect(legend).toContain(`${opts.name}′(x)`);
    for (const c of opts.compareNames) expect(legend).toContain(`${c}(x)`);
    expect(container.querySelectorAll('.region-vanishing').length).toBe(opts.regions);
    expect(container.textContent).toContain(String(result.y.toFixed(3)).replace('-', '−'));
    expect(container.innerHTML).not.toMatch(/NaN|undefined/);
  });

  it('the tangent passes through the current point', () => {
    const { container } = renderPlot(def, defaults(def));
    const t = container.querySelector('.tangent')!;
    const [x1, x2, y1, y2] = ['x1', 'x2', 'y1', 'y2'].map((a) => Number(t.getAttribute(a)));
    const pt = container.querySelector('.current-point:not(.derivative-point)')!;
    const cx = Number(pt.getAttribute('cx'));
    const cy = Number(pt.getAttribute('cy'));
    expect(y1 + ((y2 - y1) * (cx - x1)) / (x2 - x1)).toBeCloseTo(cy, 6);
  });

  it('compare off hides the comparison curves', () => {
    const { container } = renderPlot(def, { ...defaults(def), compare: false });
    expect(container.querySelectorAll('.series-faint').length).toBe(0);
    const on = renderPlot(def, { ...defaults(def), compare: true });
    expect(on.container.querySelectorAll('path.series-faint').length).toBe(
      opts.compareNames.length,
    );
  });

  for (const preset of def.presets ?? []) {
    it(`Plot renders preset "${preset.id}" with its numbers in both languages`, () => {
      for (const lang of ['en', 'zh-TW'] as const) {
        const values = { ...defaults(def), ...preset.values };
        const { container, result, unmount } = renderPlot(def, values, lang);
        expect(result.x).toBe(preset.values.x);
        expect(container.textContent).toContain(
          `${opts.name}(${result.x.toFixed(2).replace('-', '−')})`,
        );
        expect(container.innerHTML).not.toMatch(/NaN|undefined/);
        unmount();
      }
    });
  }

  it('highlight "x" enlarges the marker; hovering it asks to highlight x', () => {
    const { container, setHighlight } = renderPlot(def, defaults(def), 'en', 'x');
    expect(container.querySelector('.x-marker.is-highlighted')).not.toBeNull();
    fireEvent.pointerEnter(container.querySelector('.x-marker')!);
    expect(setHighlight).toHaveBeenCalledWith('x');
  });

  it('dragging on the plot sets x, snapped to the slider step and clamped', () => {
    const { container, setValue } = renderPlot(def, defaults(def));
    const surface = container.querySelector('.drag-surface') as SVGRectElement;
    const width = Number(surface.getAttribute('width'));
    surface.getBoundingClientRect = () =>
      ({ left: 100, top: 0, width, height: 300, right: 100 + width, bottom: 300 }) as DOMRect;
    const x = def.params.find((p) => p.name === 'x')!;
    if (x.kind !== 'scalar') throw new Error('x must be scalar');
    fireEvent.pointerDown(surface, { clientX: 100 + width / 2, pointerId: 1 });
    expect(setValue).toHaveBeenLastCalledWith('x', (x.min + x.max) / 2);
    fireEvent.pointerMove(surface, { clientX: 100 + width * 2, buttons: 1 });
    expect(setValue).toHaveBeenLastCalledWith('x', x.max);
  });

  it('summary and table are filled in both languages and never show NaN or undefined', () => {
    for (const values of [
      defaults(def),
      ...(def.presets ?? []).map((p) => ({ ...defaults(def), ...p.values })),
    ]) {
      const r = def.compute(values);
      for (const lang of ['en', 'zh-TW'] as const) {
        const summary = def.summary(values, r, lang);
        expect(summary.length).toBeGreaterThan(20);
        expect(summary).not.toMatch(/NaN|undefined/);
        const table = def.table(values, r, lang);
        expect(table.caption.length).toBeGreaterThan(0);
        expect(table.rows.length).toBeGreaterThan(3);
        for (const row of table.rows) expect(row.length).toBe(table.columns.length);
        const all = JSON.stringify(table);
        expect(all).not.toMatch(/NaN|undefined/);
        expect(table.rows.filter((row) => /current|目前/.test(String(row[0]))).length).toBe(1);
      }
    }
  });

  it('text has an intro and body paragraphs in both languages', () => {
    for (const lang of ['en', 'zh-TW'] as const) {
      expect(def.text[lang].intro.length).toBeGreaterThan(40);
      expect(def.text[lang].body.length).toBeGreaterThanOrEqual(3);
      for (const p of [def.text[lang].intro, ...def.text[lang].body]) {
        for (const m of p.matchAll(/\$([^$]+)\$/g)) {
          expect(() =>
            katex.renderToString(m[1], { throwOnError: true, strict: 'error' }),
          ).not.toThrow();
        }
      }
    }
  });

  it('a tick drawn by the live update leaves the same SVG as a fresh render at the new x', () => {
    const x = def.params.find((p) => p.name === 'x');
    if (!x || x.kind !== 'scalar') throw new Error('no x param');
    const steps = Math.round((x.max - x.min) / x.step);
    const at = (k: number) => Number((x.min + k * x.step).toFixed(6));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: steps }),
        fc.integer({ min: 0, max: steps }),
        fc.boolean(),
        fc.constantFrom<Lang>('en', 'zh-TW'),
        (k1, k2, compare, lang) => {
          const before = { ...defaults(def), x: at(k1), compare };
          const after = { ...before, x: at(k2) };
          expectTickAsFresh(def, before, after, lang);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('turning the comparison off leaves the same SVG as a fresh render', () => {
    const values = { ...defaults(def), compare: true };
    expectTickAsFresh(def, values, { ...values, compare: false });
  });
}
