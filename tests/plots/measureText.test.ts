import { describe, expect, it } from 'vitest';
import { estimateTextWidth, fontSizeOf, measureText } from '../../src/plots/measureText';

describe('measureText', () => {
  it('measureText falls back to a deterministic estimate where canvas measures 0 (jsdom)', () => {
    const a = measureText('softmax(x)', '13px sans-serif');
    expect(a).toBeGreaterThan(0);
    expect(measureText('softmax(x)', '13px sans-serif')).toBe(a);
    expect(a).toBe(estimateTextWidth('softmax(x)', '13px sans-serif'));
  });

  it('grows with the text and the font size, and is 0 for empty text', () => {
    expect(measureText('')).toBe(0);
    expect(measureText('abcd')).toBeGreaterThan(measureText('ab'));
    expect(measureText('ab', '26px sans-serif')).toBeCloseTo(
      2 * measureText('ab', '13px sans-serif'),
    );
  });

  it('gives CJK glyphs a full em', () => {
    expect(estimateTextWidth('損失', '10px sans-serif')).toBe(20);
  });

  it('reads the px size of a font shorthand', () => {
    expect(fontSizeOf('bold 14.5px serif')).toBe(14.5);
    expect(fontSizeOf('serif')).toBe(13);
  });
});
