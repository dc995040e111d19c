import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PlotProps, Values, ValuesOf } from '../../src/ui/card/types';
import { defineFormula, defineParams } from '../../src/ui/card/types';
import { bilingual } from '../../src/ui/i18n';

// Checked by `tsc --noEmit` (tsconfig includes tests): every `@ts-expect-error` line
// below must be an error, or the typecheck fails.

const PARAMS = defineParams([
  {
    kind: 'scalar',
    name: 'T',
    tex: 'T',
    label: { en: 'temperature', 'zh-TW': '溫度' },
    min: 0.1,
    max: 10,
    step: 0.1,
    default: 1,
  },
  {
    kind: 'vector',
    name: 'z',
    tex: 'z',
    label: { en: 'logits', 'zh-TW': 'logits' },
    min: -5,
    max: 5,
    step: 0.1,
    default: [1, 2],
    length: 2,
    itemLabel: (i, lang) => `${lang} ${i}`,
  },
  {
    kind: 'matrix',
    name: 'Q',
    tex: 'Q',
    label: { en: 'queries', 'zh-TW': '查詢' },
    min: -3,
    max: 3,
    step: 0.1,
    default: [[0, 1]],
    rows: 1,
    cols: 2,
  },
  {
    kind: 'toggle',
    name: 'causal',
    tex: 'M',
    label: { en: 'mask', 'zh-TW': '遮罩' },
    default: false,
  },
  {
    kind: 'choice',
    name: 'row',
    tex: 'i',
    label: { en: 'row', 'zh-TW': '列' },
    options: [{ value: 0, label: { en: 'first', 'zh-TW': '第一' } }],
    default: 0,
  },
  { kind: 'seed', name: 's', tex: 's', label: { en: 'seed', 'zh-TW': '種子' }, default: 1 },
  {
    kind: 'time',
    name: 'k',
    tex: 'k',
    label: { en: 'step', 'zh-TW': '步' },
    max: 10,
    default: 0,
  },
]);

type V = ValuesOf<typeof PARAMS>;

/** A plot typed by the page's values. */
function Plot({ values, result }: PlotProps<number, V>) {
  return `${values.T} ${values.z.length} ${result}`;
}

const def = defineFormula({
  id: 'typed',
  tex: 'T',
  params: PARAMS,
  compute: ({ T, z }) => z.reduce((a, b) => a + b, 0) / T,
  worked: (values, r, lang) => `${values.T} ${values.causal ? 1 : 0} ${r.toFixed(1)} ${lang}`,
  Plot,
  summary: (values) => {
    // @ts-expect-error a misspelt param name is an error
    return String(values.t);
  },
  table: (values, r) => ({ caption: '', columns: [], rows: [[values.row, r]] }),
  presets: [
    { id: 'ok', label: { en: 'ok', 'zh-TW': '好' }, values: { T: 2, causal: true } },
    // @ts-expect-error a preset's misspelt name is an error
    { id: 'typo', label: { en: 'typo', 'zh-TW': '錯' }, values: { temp: 2 } },
    // @ts-expect-error a preset's value of the wrong kind is an error
    { id: 'kind', label: { en: 'kind', 'zh-TW': '種' }, values: { causal: 1 } },
  ],
  text: { en: { intro: '', body: [] }, 'zh-TW': { intro: '', body: [] } },
});

defineFormula({
  id: 'inline',
  tex: 'x',
  params: [
    {
      kind: 'scalar',
      name: 'x',
      tex: 'x',
      label: { en: 'x', 'zh-TW': 'x' },
      min: 0,
      max: 1,
      step: 0.1,
      default: 0,
    },
  ],
  compute: (values) => {
    expectTypeOf(values).toEqualTypeOf<{ readonly x: number }>();
    // @ts-expect-error a misspelt name in an inline param list is an error too
    return values.X;
  },
  worked: () => '',
  Plot: () => null,
  summary: () => '',
  table: () => ({ caption: '', columns: [], rows: [] }),
  text: { en: { intro: '', body: [] }, 'zh-TW': { intro: '', body: [] } },
});

// @ts-expect-error a bilingual text missing a language is an error
bilingual({ en: 'yes' });

describe('defineFormula types', () => {
  it('ValuesOf<params> maps each kind to its value type, keyed by name', () => {
    expectTypeOf<V>().toEqualTypeOf<{
      readonly T: number;
      readonly z: number[];
      readonly Q: number[][];
      readonly causal: boolean;
      readonly row: number;
      readonly s: number;
      readonly k: number;
    }>();
  });

  it('defineFormula returns its declaration, erased to the Values form for the card', () => {
    expectTypeOf(def.compute).parameter(0).toEqualTypeOf<Values>();
    const values: Values = { T: 2, z: [1, 3], Q: [[0, 1]], causal: false, row: 0, s: 1, k: 0 };
    expect(def.compute(values)).toBe(2);
    expect(def.params).toBe(PARAMS);
  });

  it('bilingual keeps both languages, the zh-TW entry typed by the en entry', () => {
    const words = bilingual({
      en: (n: number) => `${n} tokens`,
      'zh-TW': (n) => `${n.toFixed(0)} 個詞元`,
    });
    expect(words.en(3)).toBe('3 tokens');
    expect(words['zh-TW'](3)).toBe('3 個詞元');
  });
});
