import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { URL_MAX_WAIT_MS, URL_REST_MS, useUrlWriter } from '../../src/ui/url/useUrlWriter';

describe('useUrlWriter', () => {
  let writes: string[];
  let spy: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/softmax?lang=en');
    writes = [];
    const real = window.history.replaceState.bind(window.history);
    spy = vi.spyOn(window.history, 'replaceState').mockImplementation((state, unused, url) => {
      writes.push(String(url));
      real(state, unused, url);
    });
  });

  afterEach(() => {
    spy.mockRestore();
    vi.useRealTimers();
    window.history.replaceState(null, '', '/');
  });

  const setT = (t: number) => (current: string) => {
    const q = new URLSearchParams(current);
    q.set('T', String(t));
    return `?${q.toString()}`;
  };

  it('writes once the values rest, keeping other keys, and only the latest value', () => {
    const { result } = renderHook(() => useUrlWriter());
    result.current(setT(1));
    result.current(setT(2));
    vi.advanceTimersByTime(URL_REST_MS - 1);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual(['/softmax?lang=en&T=2']);
    expect(window.location.search).toBe('?lang=en&T=2');
  });

  it('during a long drag writes at least every URL_MAX_WAIT_MS, then the final value', () => {
    const { result } = renderHook(() => useUrlWriter());
    const step = 16;
    const duration = 2500;
    for (let t = 0; t < duration; t += step) {
      result.current(setT(t));
      vi.advanceTimersByTime(step);
    }
    // a write per elapsed URL_MAX_WAIT_MS while the drag went on, none per tick
    expect(writes.length).toBe(Math.floor(duration / URL_MAX_WAIT_MS));
    vi.advanceTimersByTime(URL_REST_MS);
    expect(writes.length).toBe(Math.floor(duration / URL_MAX_WAIT_MS) + 1);
    const last = Math.floor((duration - 1) / step) * step;
    expect(writes.at(-1)).toBe(`/softmax?lang=en&T=${last}`);
  });

  it('drops a pending write on unmount and never writes into another page', () => {
    const first = renderHook(() => useUrlWriter());
    first.result.current(setT(3));
    first.unmount();
    vi.advanceTimersByTime(URL_MAX_WAIT_MS);
    expect(writes).toEqual([]);

    const second = renderHook(() => useUrlWriter());
    second.result.current(setT(4));
    window.history.pushState(null, '', '/relu');
    vi.advanceTimersByTime(URL_MAX_WAIT_MS);
    expect(writes).toEqual([]);
    expect(window.location.pathname).toBe('/relu');
  });
});
