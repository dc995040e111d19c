import { render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import def from '../../src/formulas/softmax';
import { findEntry } from '../../src/formulas/registry';
import { wrapText } from '../../src/formulas/softmax/SoftmaxPlot';
import type { SoftmaxResult } from '../../src/formulas/softmax/model';
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

function compute(v: Values): SoftmaxResult {
  return def.compute(v) as SoftmaxResult;
}

const strictTex = expectStrictTex;

function renderPlot(v: Values, lang: Lang = 'en') {
  return renderFormulaPlot(def, v, lang);
}

describe('softmax page compute()', () => {
  it('softmax of equal logits is uniform 1/5 with entropy ln 5', () => {
    const r = compute(values({ z: [0, 0, 0, 0, 0], T: 1, c: 0 }));
    expectAllClose(r.p, [0.2, 0.2, 0.2, 0.2, 0.2]);
    expectClose(r.entropy, Math.log(5));
    expectClose(r.maxEntropy, Math.log(5));
    expect(r.naiveStatus).toBe('ok');
  });

  it('softmax of logits ln(1, 2, 3, 4, 10) is (1, 2, 3, 4, 10)/20', () => {
    const z = [1, 2, 3, 4, 10].map(Math.log);
    const r = compute(values({ z, T: 1, c: 0 }));
    const p = [0.05, 0.1, 0.15, 0.2, 0.5];
    expectAllClose(r.p, p);
    // H = −Σ p ln p written out term by term
    const H = -(
      0.05 * Math.log(0.05) +
      0.1 * Math.log(0.1) +
      0.15 * Math.log(0.15) +
      0.2 * Math.log(0.2) +
      0.5 * Math.log(0.5)
    );
    expectClose(r.entropy, H);
    expect(r.top).toBe(4);
    expectAllClose(r.naive, p);
  });

  it('temperature T = 2 takes square roots of the weights e^z', () => {
    const z = [1, 2, 3, 4, 10].map(Math.log);
    const r = compute(values({ z, T: 2, c: 0 }));
    const w = [1, Math.SQRT2, Math.sqrt(3), 2, Math.sqrt(10)];
    const s = w.reduce((a, b) => a + b, 0);
    expectAllClose(
      r.p,
      w.map((x) => x / s),
    );
    expectAllClose(
      r.scaled,
      z.map((x) => x / 2),
    );
    expectClose(r.max, Math.log(10) / 2);
  });

  it('the default logits give p(mat) = 1 / (1 + e^−1.3 + e^−1.7 + e^−2.5 + e^−4.5)', () => {
    const r = compute(values());
    const denom = 1 + Math.exp(-1.3) + Math.exp(-1.7) + Math.exp(-2.5) + Math.exp(-4.5);
    expectClose(r.p[0], 1 / denom);
    expectClose(r.p[4], Math.exp(-4.5) / denom);
    expectClose(r.stableSum, denom);
    expectClose(r.p[0], 0.6458, { rel: 1e-4 });
  });

  it('a shift c = ±1000 leaves p unchanged while the naive formula overflows or underflows', () => {
    const base = compute(values({ c: 0 }));
    const up = compute(values({ c: 1000 }));
    const down = compute(values({ c: -1000 }));
    expectAllClose(up.p, base.p);
    expectAllClose(down.p, base.p);
    expect(base.naiveStatus).toBe('ok');
    expect(up.naiveStatus).toBe('overflow');
    expect(up.naiveExps[0]).toBe(Infinity);
    expect(Number.isNaN(up.naive[0])).toBe(true);
    expect(down.naiveStatus).toBe('underflow');
    expect(down.naiveSum).toBe(0);
    expect(down.naive.every(Number.isNaN)).toBe(true);
    expectAllClose(up.logits, [1002.5, 1001.2, 1000.8, 1000, 998]);
  });

  it('a low temperature overflows the naive formula at moderate logits (10 / 0.05 = 200 is fine, 40 / 0.05 is not)', () => {
    expect(compute(values({ z: [10, 0, 0, 0, 0], T: 0.05, c: 0 })).naiveStatus).toBe('ok');
    const r = compute(values({ z: [10, 0, 0, 0, 0], T: 0.05, c: 30 }));
    expect(r.naiveStatus).toBe('overflow');
    expectClose(r.p[0], 1 / (1 + 4 * Math.exp(-200)));
  });
});

describe('softmax page text', () => {
  it('renders its TeX and every worked example strictly', () => {
    strictTex(def.tex);
    for (const lang of LANGS) {
      strictTex(def.worked(values(), compute(values()), lang));
      for (const preset of def.presets ?? []) {
        const v = values(preset.values as Record<string, ParamValue>);
        strictTex(def.worked(v, def.compute(v), lang));
      }
    }
  });

  it('worked() shows the probabilities and entropy of the result', () => {
    const v = values();
    const r = compute(v);
    const w = def.worked(v, r, 'en');
    for (const p of r.p) expect(w).toContain(p.toFixed(2));
    expect(w).toContain(r.entropy.toFixed(2));
    expect(w).toContain(r.stableSum.toFixed(3));
    expect(w).not.toContain('overflow');
    const huge = values({ c: 1000 });
    expect(def.worked(huge, def.compute(huge), 'en')).toContain('overflow');
    expect(def.worked(huge, def.compute(huge), 'zh-TW')).toContain('溢位');
  });

  it('summary and table are non-empty and never read NaN or undefined, in both languages', () => {
    const cases = [values(), ...(def.presets ?? []).map((p) => values(p.values as never))];
    for (const v of cases) {
      const r = def.compute(v);
      for (const lang of LANGS) {
        const s = def.summary(v, r, lang);
        const t = def.table(v, r, lang);
        const all = [s, t.caption, ...t.columns, ...t.rows.flat().map(String)].join(' ');
        expect(s.length).toBeGreaterThan(20);
        expect(t.rows).toHaveLength(5);
        expect(all).not.toMatch(/NaN|undefined/);
      }
    }
  });

  it('has intro and body in both languages and presets confident, uncertain, huge logits', () => {
    for (const lang of LANGS) {
      expect(def.text[lang].intro.length).toBeGreaterThan(50);
      expect(def.text[lang].body.length).toBeGreaterThan(2);
    }
    const ids = (def.presets ?? []).map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['confident', 'uncertain', 'huge-logits']));
    expect(findEntry('softmax')!.related).toEqual(
      expect.arrayContaining(['cross-entropy', 'attention']),
    );
  });
});

describe('softmax page Plot', () => {
  it('draws five bars labelled with the probabilities and the tokens', () => {
    const v = values();
    const r = compute(v);
    const { container } = renderPlot(v);
    expect(container.querySelectorAll('rect.bar[data-index]')).toHaveLength(5);
    const labels = [...container.querySelectorAll('text.bar-label')].map((t) => t.textContent);
    expect(labels).toEqual(r.p.map((p) => p.toFixed(2)));
    expect(container.textContent).toContain('mat');
    expect(container.textContent).toContain(`H(p) = ${r.entropy.toFixed(2)}`);
    expect(container.querySelector('.uniform-line')).not.toBeNull();
  });

  it('renders every preset in both languages without NaN', () => {
    for (const preset of def.presets ?? []) {
      for (const lang of LANGS) {
        const v = values(preset.values as Record<string, ParamValue>);
        const r = compute(v);
        const { container, unmount } = renderPlot(v, lang);
        expect(container.querySelectorAll('rect.bar[data-index]')).toHaveLength(5);
        expect(container.textContent).not.toMatch(/NaN|undefined/);
        const heights = [...container.querySelectorAll('rect.bar[data-index]')].map((b) =>
          Number(b.getAttribute('height')),
        );
        heights.forEach((h) => expect(Number.isFinite(h)).toBe(true));
        expect(heights.indexOf(Math.max(...heights))).toBe(r.top);
        unmount();
      }
    }
  });

  it('shows the naive row as ∞/∞ beside exact stable bars for huge logits', () => {
    const v = values({ c: 1000 });
    const { container } = renderPlot(v);
    const naive = [...container.querySelectorAll('.naive-row .row-value')].map(
      (t) => t.textContent,
    );
    expect(naive).toContain('∞/∞');
    expect(container.querySelectorAll('.naive-wrong').length).toBeGreaterThan(0);
    const labels = [...container.querySelectorAll('text.bar-label')].map((t) => t.textContent);
    expect(labels).toEqual(compute(values()).p.map((p) => p.toFixed(2)));
    expect(container.textContent).toContain('1002.5');
  });

  it('shows the naive row as 0/0 for very negative logits, and in zh-TW labels the tokens in Chinese', () => {
    const v = values({ c: -1000 });
    const { container } = renderPlot(v, 'zh-TW');
    expect(container.textContent).toContain('0/0');
    expect(container.textContent).toContain('墊子');
    expect(container.textContent).toContain('直接計算');
  });

  it('a tick leaves the same SVG as a fresh render', () => {
    const tenth = (k: number) => Number((k / 10).toFixed(1));
    const valuesArb = fc.record({
      z: fc.array(fc.integer({ min: -100, max: 100 }).map(tenth), { minLength: 5, maxLength: 5 }),
      T: fc.constantFrom(0.05, 0.3, 0.7, 1, 2.5, 20),
      c: fc.constantFrom(-1000, -300, -5, 0, 7, 400, 1000),
    });
    fc.assert(
      fc.property(valuesArb, valuesArb, fc.constantFrom<Lang>('en', 'zh-TW'), (a, b, lang) => {
        expectTickAsFresh(def, values(a), values(b), lang);
      }),
      { numRuns: 60 },
    );
  });
});

describe('softmax plot on a phone', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is drawn 640 wide when its column is not measured (jsdom, first paint)', () => {
    const { container } = renderPlot(values());
    expect(viewBoxWidths(container)).toEqual([640]);
  });

  it('takes its column width as viewBox width, clamped to 320…760, so text keeps its size', () => {
    stubColumnWidth(342);
    const phone = renderPlot(values());
    expect(viewBoxWidths(phone.container)).toEqual([342]);
    expect(phone.container.querySelectorAll('rect.bar[data-index]')).toHaveLength(5);
    phone.unmount();
    stubColumnWidth(200);
    const tiny = renderPlot(values());
    expect(viewBoxWidths(tiny.container)).toEqual([320]);
    tiny.unmount();
    stubColumnWidth(1400);
    expect(viewBoxWidths(renderPlot(values()).container)).toEqual([760]);
  });

  it('wraps the naive-versus-stable note to the narrow width in both languages', () => {
    stubColumnWidth(342);
    for (const lang of ['en', 'zh-TW'] as Lang[]) {
      const { container, unmount } = renderPlot(values({ c: 1000 }), lang);
      const lines = [...container.querySelectorAll('.naive-note tspan')].map((t) => t.textContent);
      expect(lines.length).toBeGreaterThan(1);
      // every word kept, in order; only the spaces at the breaks go
      const note = {
        en: 'Naive: e^s overflows to ∞, and ∞/∞ has no value. Stable: subtract max s first, exact.',
        'zh-TW': '直接計算：e^s 溢位成 ∞，∞/∞ 沒有數值。穩定算法：先減去 max s，結果精確。',
      }[lang];
      const bare = (t: string) => t.replace(/\s/g, '');
      expect(bare(lines.join(''))).toBe(bare(note));
      unmount();
    }
  });

  it('keeps the fallback width in presentation mode, whose CSS fits the plot to its box', () => {
    stubColumnWidth(342);
    const host = document.createElement('div');
    host.setAttribute('data-present', '');
    document.body.appendChild(host);
    const Plot = def.Plot;
    const v = values();
    const { container } = render(
      <Plot
        values={v}
        result={def.compute(v)}
        lang="en"
        highlight={null}
        setHighlight={() => {}}
        setValue={() => {}}
      />,
      { container: host },
    );
    expect(viewBoxWidths(container)).toEqual([640]);
    host.remove();
  });
});

describe('wrapText', () => {
  it('breaks at spaces and between CJK characters, each line within the width', () => {
    expect(wrapText('aaa bbb ccc', 40, 10)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('short', 400, 10)).toEqual(['short']);
    const zh = wrapText('一二三四五，六七八', 50, 10);
    expect(zh.join('')).toBe('一二三四五，六七八');
    zh.forEach((line) => expect([...line].length).toBeLessThanOrEqual(6));
  });
});
