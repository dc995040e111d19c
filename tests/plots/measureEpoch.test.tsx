// Text laid out by estimate while a prerendered page is hydrated is laid out again, measured, once
// the page is live: an update of the same nodes (src/ui/prerender/hydration.ts, useMeasureText).
// That the plot's nodes are kept is checked in tests/ui/prerender.test.tsx; that the live layout
// is a client render's, in a browser (tests/e2e/prerender.e2e.ts).

import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useMeasureText } from '../../src/plots/measureText';
import { MeasureEpochProvider } from '../../src/ui/prerender/hydration';

describe('useMeasureText', () => {
  it('is a new function once the epoch is live, the same one within an epoch', () => {
    const seen: unknown[] = [];
    function Probe() {
      seen.push(useMeasureText());
      return null;
    }
    const { rerender } = render(
      <MeasureEpochProvider value={0}>
        <Probe />
      </MeasureEpochProvider>,
    );
    rerender(
      <MeasureEpochProvider value={0}>
        <Probe />
      </MeasureEpochProvider>,
    );
    rerender(
      <MeasureEpochProvider value={1}>
        <Probe />
      </MeasureEpochProvider>,
    );
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[0]);
  });
});
