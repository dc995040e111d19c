import { vi } from 'vitest';

/**
 * Stands in for ResizeObserver (jsdom has none and no layout): every observed
 * element reports a content width of `width` px, as a phone's column would.
 * Undo with `vi.unstubAllGlobals()`.
 */
export function stubColumnWidth(width: number): void {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      private readonly callback: ResizeObserverCallback;
      constructor(callback: ResizeObserverCallback) {
        this.callback = callback;
      }
      observe(): void {
        this.callback(
          [{ contentRect: { width } } as ResizeObserverEntry],
          this as unknown as ResizeObserver,
        );
      }
      unobserve(): void {}
      disconnect(): void {}
    },
  );
}

/** The viewBox width of each plot SVG in `container`. */
export function viewBoxWidths(container: Element): number[] {
  return [...container.querySelectorAll('svg.plot-svg')].map((s) =>
    Number(s.getAttribute('viewBox')?.split(' ')[2]),
  );
}
