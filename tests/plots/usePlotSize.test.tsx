import { act, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRERENDER_COLUMN, usePlotSize, type PlotSizeBounds } from '../../src/plots/usePlotSize';
import { MeasureEpochProvider } from '../../src/ui/prerender/hydration';
import { stubColumnWidth } from './columnWidth';

function Probe({ bounds, out }: { bounds?: PlotSizeBounds; out: (s: unknown) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  out(usePlotSize(ref, bounds));
  return <div ref={ref} />;
}

function sizeOf(bounds?: PlotSizeBounds) {
  let last: unknown = null;
  render(<Probe bounds={bounds} out={(s) => (last = s)} />);
  return last;
}

afterEach(() => vi.unstubAllGlobals());

describe('usePlotSize', () => {
  it('usePlotSize gives the fallback and no column width without ResizeObserver', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    expect(sizeOf({ fallback: 500 })).toEqual({
      width: 500,
      columnWidth: null,
      presentHeight: null,
    });
  });

  it('usePlotSize clamps the measured column width to [min, max]', () => {
    stubColumnWidth(358);
    expect(sizeOf({ fallback: 640, min: 400, max: 720 })).toMatchObject({
      width: 400,
      columnWidth: 358,
    });
    stubColumnWidth(1000);
    expect(sizeOf({ fallback: 640, min: 400, max: 720 })).toMatchObject({ width: 720 });
    stubColumnWidth(600);
    expect(sizeOf({ fallback: 640, min: 400, max: 720 })).toMatchObject({ width: 600 });
  });

  it('a plot hydrated at the prerender column keeps it once live, until its first measurement', () => {
    // a ResizeObserver that reports only when `report` is called, as a browser reports after
    // its next layout, not while React commits
    const observers: ResizeObserverCallback[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: ResizeObserverCallback) {
          observers.push(callback);
        }
        observe(): void {}
        disconnect(): void {}
      },
    );
    const report = (width: number) =>
      act(() =>
        observers.forEach((cb) =>
          cb([{ contentRect: { width } } as ResizeObserverEntry], {} as ResizeObserver),
        ),
      );
    const widths: number[] = [];
    function Sized() {
      const ref = useRef<HTMLDivElement>(null);
      widths.push(usePlotSize(ref, { fallback: 640 }).width);
      return <div ref={ref} />;
    }
    const { rerender } = render(
      <MeasureEpochProvider value={0}>
        <Sized />
      </MeasureEpochProvider>,
    );
    rerender(
      <MeasureEpochProvider value={1}>
        <Sized />
      </MeasureEpochProvider>,
    );
    expect(new Set(widths)).toEqual(new Set([PRERENDER_COLUMN]));
    report(500);
    expect(widths.at(-1)).toBe(500);

    // a plot that starts live (no prerendered HTML) draws at its fallback until measured
    widths.length = 0;
    render(<Sized />);
    expect(widths).toEqual([640]);
  });
});
