import type { RefObject } from 'react';
import { useLayoutEffect, useState } from 'react';

/**
 * The content width in CSS pixels of the element behind `ref`, followed with a
 * ResizeObserver; null until measured (and where ResizeObserver is missing, as
 * in jsdom). Lets a plot pick a viewBox as wide as its column so text keeps
 * its size on a phone instead of shrinking with the drawing.
 */
export function useContainerWidth(ref: RefObject<Element | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined && w > 0)
        setWidth((prev) => (prev === Math.round(w) ? prev : Math.round(w)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Bounds of a plot's viewBox width, and the width used before (or without) a measurement. */
export interface PlotWidthBounds {
  fallback: number;
  min: number;
  max: number;
}

/**
 * The viewBox width of a plot drawn in the element behind `ref`: its column's
 * width clamped to [min, max], so text keeps its CSS size on a phone. Falls
 * back to `fallback` before measurement, without ResizeObserver (jsdom), and
 * in presentation mode (an ancestor with `data-present`), where the plot is
 * fitted to its box by CSS tuned for the fallback width.
 */
export function usePlotWidth(ref: RefObject<Element | null>, bounds: PlotWidthBounds): number {
  const [measured, setMeasured] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      const next = w !== undefined && w > 0 && !el.closest('[data-present]') ? Math.round(w) : null;
      setMeasured((prev) => (prev === next ? prev : next));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  if (measured === null) return bounds.fallback;
  return Math.min(bounds.max, Math.max(bounds.min, measured));
}
