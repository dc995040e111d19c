import type { RefObject } from 'react';
import { startTransition, useLayoutEffect, useState } from 'react';

/** Bounds of a plot's viewBox width, and the width used before (or without) a measurement. */
export interface PlotSizeBounds {
  /** Width before measurement, without ResizeObserver (jsdom) and in presentation mode; default 640. */
  fallback?: number;
  /** Narrowest viewBox width; default 0. */
  min?: number;
  /** Widest viewBox width; default Infinity. */
  max?: number;
}

/** What `usePlotSize` measures. */
export interface PlotSize {
  /** The viewBox width to draw at: the column's width clamped to [min, max], else `fallback`. */
  width: number;
  /** The column's content width in CSS pixels; null until measured. */
  columnWidth: number | null;
  /** In presentation mode (an ancestor with `data-present`), the box's height in CSS pixels; else null. */
  presentHeight: number | null;
}

interface Measured {
  width: number | null;
  height: number | null;
  present: boolean;
}

const UNMEASURED: Measured = { width: null, height: null, present: false };

/**
 * The size of a plot drawn in the element behind `ref`, followed with one
 * ResizeObserver: a viewBox width as wide as its column so text keeps its CSS
 * size on a phone, the raw column width, and the box height in presentation
 * mode, where CSS fits the plot to the screen.
 */
export function usePlotSize(
  ref: RefObject<Element | null>,
  { fallback = 640, min = 0, max = Infinity }: PlotSizeBounds = {},
): PlotSize {
  const [m, setM] = useState<Measured>(UNMEASURED);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const r = entries[0]?.contentRect;
      if (!r) return;
      const width = r.width > 0 ? Math.round(r.width) : null;
      const present = el.closest('[data-present]') !== null;
      const height = present && r.height > 0 ? Math.round(r.height) : null;
      // a transition: a plot drawn again at its new width must not block the page (the
      // first measurement lands while a prerendered page is still loading)
      startTransition(() =>
        setM((prev) =>
          prev.width === width && prev.height === height && prev.present === present
            ? prev
            : { width, height, present },
        ),
      );
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  const width = m.width === null || m.present ? fallback : Math.min(max, Math.max(min, m.width));
  return { width, columnWidth: m.width, presentHeight: m.height };
}
