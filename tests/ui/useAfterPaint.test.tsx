import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTLE_MS, useAfterPaint } from '../../src/ui/card/useAfterPaint';

describe('useAfterPaint', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: [
        'setTimeout',
        'clearTimeout',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'performance',
      ],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('useAfterPaint(v) shows the first value at once', () => {
    const { result } = renderHook(({ v }) => useAfterPaint(v), { initialProps: { v: 1 } });
    expect(result.current).toBe(1);
  });

  it('useAfterPaint(v) holds a changing value until changes stop for SETTLE_MS, then shows the newest', () => {
    const { result, rerender } = renderHook(({ v }) => useAfterPaint(v), {
      initialProps: { v: 1 },
    });
    for (let v = 2; v <= 6; v++) {
      rerender({ v });
      act(() => void vi.advanceTimersByTime(SETTLE_MS / 2));
      expect(result.current).toBe(1);
    }
    act(() => void vi.advanceTimersByTime(SETTLE_MS + 20));
    expect(result.current).toBe(6);
  });
});
