import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WAIT_MS, SETTLE_MS, useSettled } from '../../src/ui/card/useSettled';

describe('useSettled', () => {
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

  it('useSettled(v) shows the first value at once', () => {
    const { result } = renderHook(({ v }) => useSettled(v), { initialProps: { v: 1 } });
    expect(result.current).toBe(1);
  });

  it('useSettled(v) holds a changing value until changes stop for SETTLE_MS, then shows the newest', () => {
    const { result, rerender } = renderHook(({ v }) => useSettled(v), {
      initialProps: { v: 1 },
    });
    // Four changes, SETTLE_MS/2 apart: still within MAX_WAIT_MS of the first.
    for (let v = 2; v <= 5; v++) {
      rerender({ v });
      act(() => void vi.advanceTimersByTime(SETTLE_MS / 2));
      expect(result.current).toBe(1);
    }
    act(() => void vi.advanceTimersByTime(SETTLE_MS + 20));
    expect(result.current).toBe(5);
  });

  it('useSettled(v) still shows the newest value every MAX_WAIT_MS during a long drag', () => {
    const { result, rerender } = renderHook(({ v }) => useSettled(v), {
      initialProps: { v: 0 },
    });
    const step = 16;
    let v = 0;
    let t = 0;
    const seen = new Set<number>();
    while (t < 4 * MAX_WAIT_MS) {
      v += 1;
      rerender({ v });
      act(() => void vi.advanceTimersByTime(step));
      t += step;
      seen.add(result.current);
    }
    // Changes never stopped for SETTLE_MS, yet the shown value moved on several times.
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect(result.current).toBeGreaterThan(v - Math.ceil(MAX_WAIT_MS / step) - 2);
  });
});
