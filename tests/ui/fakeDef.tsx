import type { FormulaDef, PlotProps, Values } from '../../src/ui/card/types';
import { defineFormula } from '../../src/ui/card/types';
import { sym, texNum } from '../../src/ui/tex/sym';

/** What the fake formula computes: y = a·sum(v) / T, and whether the toggle is on. */
export interface FakeResult {
  y: number;
  sum: number;
}

/** Props of the last rendered fake plot, for assertions. */
export const plotLog: PlotProps<FakeResult>[] = [];

function FakePlot(props: PlotProps<FakeResult>) {
  plotLog.push(props);
  return (
    <svg data-testid="fake-plot" data-y={props.result.y} data-highlight={props.highlight ?? ''}>
      <circle
        className="current-point"
        onMouseEnter={() => props.setHighlight('a')}
        onClick={() => props.setValue('a', 2)}
      />
    </svg>
  );
}

/** A small declaration covering every param kind; `a = 9` makes compute throw. */
export function makeFakeDef(overrides: Partial<FormulaDef<FakeResult>> = {}) {
  return defineFormula<FakeResult>({
    id: 'fake',
    tex: `y = \\frac{${sym(1, 'a')} \\sum_i ${sym(2, 'v_i')}}{${sym(3, 'T')}}`,
    params: [
      {
        kind: 'scalar',
        name: 'a',
        tex: 'a',
        label: { en: 'gain', 'zh-TW': '增益' },
        slot: 1,
        min: -5,
        max: 10,
        step: 0.5,
        default: 1,
      },
      {
        kind: 'scalar',
        name: 'n',
        tex: 'n',
        label: { en: 'count', 'zh-TW': '個數' },
        min: 1,
        max: 4,
        step: 1,
        default: 3,
        integer: true,
      },
      {
        kind: 'vector',
        name: 'v',
        tex: 'v',
        label: { en: 'inputs', 'zh-TW': '輸入' },
        slot: 2,
        min: -3,
        max: 3,
        step: 0.1,
        default: [1, 2, -1, 0.5],
        length: { param: 'n' },
      },
      {
        kind: 'scalar',
        name: 'T',
        tex: 'T',
        label: { en: 'temperature', 'zh-TW': '溫度' },
        slot: 3,
        min: 0.05,
        max: 20,
        step: 0.01,
        default: 1,
        scale: 'log',
      },
      {
        kind: 'matrix',
        name: 'M',
        tex: 'M',
        label: { en: 'weights', 'zh-TW': '權重' },
        slot: 4,
        min: -2,
        max: 2,
        step: 0.1,
        default: [
          [1, 0],
          [0, 1],
        ],
        rows: 2,
        cols: 2,
      },
      {
        kind: 'toggle',
        name: 'mask',
        tex: 'm',
        label: { en: 'mask', 'zh-TW': '遮罩' },
        default: false,
      },
      {
        kind: 'choice',
        name: 'k',
        tex: 'k',
        label: { en: 'class', 'zh-TW': '類別' },
        options: [
          { value: 0, label: { en: 'cat', 'zh-TW': '貓' } },
          { value: 1, label: { en: 'dog', 'zh-TW': '狗' } },
        ],
        default: 0,
      },
    ],
    compute: (values: Values) => {
      const a = values.a as number;
      if (a === 9) throw new RangeError('a must not be 9');
      const v = values.v as number[];
      const sum = v.reduce((s, x) => s + x, 0);
      return { y: (a * sum) / (values.T as number), sum };
    },
    worked: (values, r, lang) =>
      `y = \\frac{${texNum(values.a as number, 1)} \\cdot ${texNum(r.sum, 2)}}{${texNum(values.T as number, 2)}} = ${texNum(r.y, 3)}\\ \\text{${lang === 'en' ? 'units' : '單位'}}`,
    Plot: FakePlot,
    summary: (_v, r, lang) =>
      lang === 'en' ? `Point at y = ${r.y.toFixed(2)}` : `點在 y = ${r.y.toFixed(2)}`,
    table: (_v, r) => ({ caption: 'Fake data', columns: ['name', 'value'], rows: [['y', r.y]] }),
    presets: [
      {
        id: 'big',
        label: { en: 'Big gain', 'zh-TW': '大增益' },
        values: { a: 4 },
        note: { en: 'Everything scales by four.', 'zh-TW': '全部放大四倍。' },
      },
    ],
    text: {
      en: { intro: 'A fake formula with $a$ and $T$.', body: ['Body with $\\sum_i v_i$.'] },
      'zh-TW': { intro: '一條假的公式，有 $a$ 與 $T$。', body: ['內文 $\\sum_i v_i$。'] },
    },
    ...overrides,
  });
}
