import type { RefObject } from 'react';
import { startTransition, useLayoutEffect, useState } from 'react';
import { useMeasureEpoch } from '../ui/prerender/hydration';

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
 * The column a prerendered plot is drawn for: a 412 px wide phone's (most Android phones, and
 * Lighthouse's mobile preset), so a phone shows the phone layout at its own text size from the
 * first paint, and the measured layout after hydration moves little or nothing. A wider screen
 * shows it at this size until then (src/ui/styles/card.css, `.plot-image[data-estimated]`).
 */
export const PRERENDER_COLUMN = 359;

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
  // while the plot must match the prerendered HTML, it is drawn for the prerender's column
  const first = useMeasureEpoch() === 0;
  // a plot that was hydrated from the prerendered HTML stays at the prerender's column until
  // its first measurement, rather than drawing at `fallback` in between (neural-network's
  // panels went 359 → 360 → 359, every mark written twice)
  const [hydrated] = useState(first);
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
  const clamp = (w: number) => Math.min(max, Math.max(min, w));
  if (first || (hydrated && m === UNMEASURED && typeof ResizeObserver !== 'undefined'))
    return { width: clamp(PRERENDER_COLUMN), columnWidth: PRERENDER_COLUMN, presentHeight: null };
  const width = m.width === null || m.present ? fallback : clamp(m.width);
  return { width, columnWidth: m.width, presentHeight: m.height };
}
