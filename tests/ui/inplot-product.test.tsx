import { describe, expect, it } from 'vitest';
import { ParamControls } from '../../src/ui/card/ParamControls';
import type { Param } from '../../src/ui/card/types';
import { defineParams } from '../../src/ui/card/types';
import {
  keepFinished,
  normalizeValues,
  presetValues,
  timeDefaults,
  timeMax,
} from '../../src/ui/card/values';
import { parseParams, serializeParams } from '../../src/ui/url/params';
import { renderWithI18n } from './renderWithI18n';

const PARAMS: readonly Param[] = defineParams([
  {
    kind: 'scalar',
    name: 'm',
    tex: 'm',
    label: { en: 'rows', 'zh-TW': '列' },
    min: 1,
    max: 4,
    step: 1,
    default: 2,
    integer: true,
  },
  {
    kind: 'scalar',
    name: 'n',
    tex: 'n',
    label: { en: 'cols', 'zh-TW': '行' },
    min: 1,
    max: 4,
    step: 1,
    default: 3,
    integer: true,
  },
  {
    kind: 'matrix',
    name: 'A',
    tex: 'A',
    label: { en: 'grid A', 'zh-TW': '方格 A' },
    min: -9,
    max: 9,
    step: 0.5,
    default: [
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ],
    rows: { param: 'm' },
    cols: 2,
    inPlot: true,
  },
  {
    kind: 'time',
    name: 't',
    tex: 't',
    label: { en: 'cells done', 'zh-TW': '完成的格子' },
    max: { product: ['m', 'n'] },
    default: 16,
  },
]);

describe('a time param whose last step is a product of params', () => {
  it('timeMax({ product: [m, n] }) is m·n, and the step is clamped to it', () => {
    const v = normalizeValues(PARAMS, { m: 3, n: 4, A: [], t: 99 });
    expect(timeMax(PARAMS[3] as Extract<Param, { kind: 'time' }>, v)).toBe(12);
    expect(v.t).toBe(12);
    expect(normalizeValues(PARAMS, { m: 1, n: 1, A: [], t: 5 }).t).toBe(1);
  });

  it('a URL step past m·n is clamped with a notice, and a step inside it round-trips', () => {
    const bad = parseParams(PARAMS, new URLSearchParams('m=2&n=2&t=9'));
    expect(bad.values.t).toBe(4);
    expect(bad.notices.some((n) => n.kind === 'clamped' && n.name === 't')).toBe(true);
    const good = parseParams(PARAMS, new URLSearchParams('m=2&n=3&t=5'));
    expect(good.values.t).toBe(5);
    expect(good.notices).toEqual([]);
  });
});

describe('a param edited in the plot (inPlot)', () => {
  it('has no control of its own, while the others keep theirs', () => {
    const values = normalizeValues(PARAMS, {});
    const view = renderWithI18n(
      <ParamControls
        params={PARAMS}
        values={values}
        lang="en"
        highlight={null}
        onSet={() => {}}
        onHighlight={() => {}}
      />,
    );
    expect(view.container.querySelector('[data-param="A"]')).toBeNull();
    expect(view.container.querySelector('[data-param="m"]')).not.toBeNull();
    expect(view.container.querySelector('[data-param="t"]')).not.toBeNull();
    view.unmount();
  });

  it('is still read from and written to the URL', () => {
    const parsed = parseParams(PARAMS, new URLSearchParams('A=0,1;2,3'));
    expect(parsed.values.A).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(serializeParams(PARAMS, parsed.values)).toContainEqual(['A', '0,1;2,3']);
  });
});

describe('a step that follows other params', () => {
  const time = PARAMS[3] as Extract<Param, { kind: 'time' }>;

  it('a finished run stays finished when its end moves (m 2 → 3 with n = 3: step 6 → 9)', () => {
    const prev = normalizeValues(PARAMS, { m: 2, n: 3, A: [], t: 6 });
    const next = normalizeValues(PARAMS, { ...prev, m: 3 });
    expect(next.t).toBe(6);
    expect(keepFinished(PARAMS, prev, next).t).toBe(9);
    // a run part-way stays where it was
    const mid = normalizeValues(PARAMS, { m: 2, n: 3, A: [], t: 2 });
    expect(keepFinished(PARAMS, mid, normalizeValues(PARAMS, { ...mid, m: 3 })).t).toBe(2);
    expect(timeMax(time, next)).toBe(9);
  });

  it('a preset or a URL that leaves the step out gets its default under their sizes', () => {
    expect(presetValues(PARAMS, { m: 4, n: 4 }).t).toBe(16);
    expect(presetValues(PARAMS, { m: 4, n: 4, t: 0 }).t).toBe(0);
    expect(parseParams(PARAMS, new URLSearchParams('m=3&n=3')).values.t).toBe(9);
    expect(
      timeDefaults(PARAMS, normalizeValues(PARAMS, { m: 3, n: 2, t: 1 }), new Set(['t'])).t,
    ).toBe(1);
  });
});
