import { render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePlotSize, type PlotSizeBounds } from '../../src/plots/usePlotSize';
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
});
