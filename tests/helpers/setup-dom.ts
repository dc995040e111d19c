import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadKatex } from '../../src/ui/tex/katexLoader';

// jsdom has no 2D canvas (its getContext reports "not implemented"). A context that
// draws nothing stands in, so canvas layers work as in a browser and record their marks
// (MarksCanvas's DRAWN_MARKS); a test of a browser without a 2D canvas stubs getContext.
if (typeof HTMLCanvasElement !== 'undefined') {
  const noop = () => {};
  HTMLCanvasElement.prototype.getContext = (() =>
    new Proxy({ measureText: () => ({ width: 0 }) } as Record<PropertyKey, unknown>, {
      get: (target, key) => (key in target ? target[key] : noop),
    })) as unknown as typeof HTMLCanvasElement.prototype.getContext;
  globalThis.Path2D ??= class {
    addPath() {}
  } as unknown as typeof Path2D;
}

afterEach(() => {
  cleanup();
});

// KaTeX loads on demand in the app (src/ui/tex/katexLoader.ts); components under test render at once.
await loadKatex();
