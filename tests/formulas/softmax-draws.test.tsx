import { act, screen } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/softmax';
import { DRAWS_MAX, drawTokens, manyShares } from '../../src/formulas/softmax/draws';
import type { SoftmaxResult } from '../../src/formulas/softmax/model';
import { createRandom } from '../../src/math';
import type { Lang, ParamValue } from '../../src/ui/card/types';
import { parseParams, serializeParams } from '../../src/ui/url/params';
import { expectStrictTex, renderFormulaPlot, withDefaults } from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];
const at = (over: Record<string, ParamValue>) => withDefaults(def, over);
const run = (over: Record<string, ParamValue>) => def.compute(at(over)) as SoftmaxResult;

describe('softmax: tokens drawn with a seed', () => {
  it('starts with nothing drawn: k = 0, seed 1, neither in the URL', () => {
    const r = run({});
    expect([r.k, r.seed, r.drawn, r.last]).toEqual([0, 1, [0, 0, 0, 0, 0], -1]);
    expect(serializeParams(def.params, at({}))).toEqual([]);
  });

  it('draw j is the token whose cumulative p first exceeds the j-th uniform of the seed', () => {
    const r = run({ k: 20, s: 7 });
    const random = createRandom(7);
    const hand = [0, 0, 0, 0, 0];
    for (let j = 0; j < 20; j++) {
      const u = random();
      let acc = 0;
      const i = r.p.findIndex((pi) => u < (acc += pi));
      hand[i === -1 ? 4 : i]++;
    }
    expect(r.drawn).toEqual(hand);
  });

  it('each step adds one draw to the last token drawn; the same seed gives the same draws', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.integer({ min: 0, max: DRAWS_MAX - 1 }), (s, k) => {
        const a = run({ s, k });
        const b = run({ s, k: k + 1 });
        expect(a.drawn.reduce((x, y) => x + y, 0)).toBe(k);
        const diff = b.drawn.map((c, i) => c - a.drawn[i]);
        expect(diff.filter((d) => d !== 0)).toEqual([1]);
        expect(diff[b.last]).toBe(1);
        expect(run({ s, k: k + 1 })).toEqual(b);
      }),
      { numRuns: 40 },
    );
  });

  it('a link with the seed and the step reopens the same draw; a hostile one is adjusted with a notice', () => {
    const v = at({ s: 123456, k: 37 });
    const search = new URLSearchParams(serializeParams(def.params, v));
    expect(search.toString()).toBe('s=123456&k=37');
    const back = parseParams(def.params, search);
    expect(def.compute(back.values)).toEqual(def.compute(v));
    const hostile = parseParams(def.params, new URLSearchParams('s=-9&k=1e9'));
    expect(hostile.values).toMatchObject({ s: 0, k: DRAWS_MAX });
    expect(hostile.notices.map((n) => n.kind)).toEqual(['clamped', 'clamped']);
  });

  it('the worked example, the summary, the table and the plot show the same counts, in both languages', () => {
    for (const lang of LANGS) {
      const v = at({ s: 5, k: 30 });
      const r = def.compute(v) as SoftmaxResult;
      const tex = def.worked(v, r, lang);
      expectStrictTex(tex);
      expect(tex).toContain(r.drawn.join(',\\ '));
      expect(def.summary(v, r, lang)).toContain(
        lang === 'en' ? 'Drawn 30 tokens with seed 5' : '以種子 5 抽出 30 個詞元',
      );
      expect(def.table(v, r, lang).rows.map((row) => row[row.length - 1])).toEqual(r.drawn);
      const { container, unmount } = renderFormulaPlot(def, v, lang);
      const row = container.querySelector('.drawn-row')!;
      expect([...row.querySelectorAll('.row-value')].map((t) => Number(t.textContent))).toEqual(
        r.drawn,
      );
      expect(row.querySelectorAll('.drawn-mark')).toHaveLength(5);
      unmount();
    }
  });

  it('100,000 draws land within 0.01 of p; the plot shows them once computed (main thread in jsdom)', async () => {
    const r = run({ T: 1 });
    const shares = manyShares({ p: r.p, seed: 1 });
    shares.forEach((x, i) => expect(Math.abs(x - r.p[i])).toBeLessThan(0.01));
    const { container, update } = renderFormulaPlot(def, at({}));
    expect(container.querySelector('.softmax-many'), 'only beside drawn tokens').toBeNull();
    update(at({ k: 10 }));
    const line = screen.getByText(/Shares in 100,000 draws \(seed 1\)/);
    expect(line).toHaveAttribute('aria-busy', 'true');
    await act(() => new Promise((res) => setTimeout(res, 0)));
    expect(line).toHaveAttribute('aria-busy', 'false');
    expect(line).toHaveTextContent(`mat ${shares[0].toFixed(3)}`);
  });

  it('drawTokens(p, seed, 0) and manyShares(null) draw nothing', () => {
    expect(drawTokens([0.5, 0.5], 3, 0)).toEqual({ counts: [0, 0], last: -1 });
    expect(manyShares(null)).toEqual([]);
  });
});
