import { describe, expect, it } from 'vitest';
import { pointLabelBelow } from '../../../src/formulas/activation/ActivationPlot';

describe('pointLabelBelow', () => {
  const flat = (py: number) => () => py;

  it('keeps the label above when nothing crosses the band above the point', () => {
    expect(pointLabelBelow([flat(100)], 100, [110, 250], 300)).toBe(false);
  });

  it('moves the label below when a curve runs through the band above and below is clear', () => {
    // a comparison curve 15px above the point, through the label's text
    expect(pointLabelBelow([flat(100), flat(85)], 100, [110, 250], 300)).toBe(true);
  });

  it('stays above when a curve crosses the band below as well', () => {
    expect(pointLabelBelow([flat(85), flat(115)], 100, [110, 250], 300)).toBe(false);
  });

  it('ignores marks outside the plot (NaN) and goes below near the top edge', () => {
    expect(pointLabelBelow([() => NaN], 100, [110, 250], 300)).toBe(false);
    expect(pointLabelBelow([], 20, [110, 250], 300)).toBe(true);
  });
});
