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
