import { describe, expect, it } from 'vitest';
import type { ChoiceParam, Param } from '../../src/ui/card/types';
import { availableOptions, normalizeValues } from '../../src/ui/card/values';

const n: Param = {
  kind: 'scalar',
  name: 'n',
  tex: 'n',
  label: { en: 'tokens', 'zh-TW': '詞元數' },
  min: 2,
  max: 6,
  step: 1,
  default: 4,
  integer: true,
};
const row: ChoiceParam = {
  kind: 'choice',
  name: 'row',
  tex: 'i',
  label: { en: 'row', 'zh-TW': '列' },
  options: [0, 1, 2, 3, 4, 5].map((v) => ({ value: v, label: { en: `${v}`, 'zh-TW': `${v}` } })),
  default: 3,
  limit: { param: 'n' },
};
const params = [n, row];

describe('choice params limited by another param', () => {
  it('availableOptions(row) offers only values below n', () => {
    expect(availableOptions(row, { n: 3, row: 0 }).map((o) => o.value)).toEqual([0, 1, 2]);
    expect(availableOptions(row, { n: 6, row: 0 }).map((o) => o.value)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('normalizeValues moves a row beyond n to the last offered row', () => {
    expect(normalizeValues(params, { n: 3, row: 5 }).row).toBe(2);
    expect(normalizeValues(params, { n: 2, row: 3 }).row).toBe(1);
  });

  it('normalizeValues keeps an offered row and replaces a non-option by the default', () => {
    const kept = { n: 5, row: 4 };
    expect(normalizeValues(params, kept)).toBe(kept);
    expect(normalizeValues(params, { n: 5, row: 9 }).row).toBe(3);
    expect(normalizeValues(params, { n: 2, row: 9 }).row).toBe(0);
  });
});
