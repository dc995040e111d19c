import type { RefObject } from 'react';
import { usePlotSize, type PlotSizeBounds } from './usePlotSize';

/**
 * The content width in CSS pixels of the element behind `ref`; null until
 * measured (and without ResizeObserver, as in jsdom).
 * @deprecated use `usePlotSize(ref).columnWidth` (src/plots/usePlotSize.ts).
 */
export function useContainerWidth(ref: RefObject<Element | null>): number | null {
  return usePlotSize(ref).columnWidth;
}

/** Bounds of a plot's viewBox width, and the width used before (or without) a measurement. */
export interface PlotWidthBounds {
  fallback: number;
  min: number;
  max: number;
}

/**
 * The viewBox width of a plot drawn in the element behind `ref`, clamped to [min, max];
 * `fallback` before measurement, without ResizeObserver and in presentation mode.
 * @deprecated use `usePlotSize(ref, bounds).width` (src/plots/usePlotSize.ts).
 */
export function usePlotWidth(ref: RefObject<Element | null>, bounds: PlotWidthBounds): number {
  return usePlotSize(ref, bounds satisfies PlotSizeBounds).width;
}
