import type { ReactNode } from 'react';

/** Inner margins of a plot in viewBox units. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const DEFAULT_MARGIN: Margin = { top: 16, right: 16, bottom: 44, left: 56 };

/** Props of `PlotFrame`. */
export interface PlotFrameProps {
  /** viewBox width; the SVG scales to its container's width. */
  width?: number;
  /** viewBox height. */
  height?: number;
  margin?: Margin;
  /** Drawn inside a `<g>` translated by the margin. */
  children: ReactNode;
  className?: string;
}

/** An SVG that scales to its container, with a translated inner group. Use `innerSize` for scale ranges. */
export function PlotFrame({
  width = 640,
  height = 360,
  margin = DEFAULT_MARGIN,
  children,
  className,
}: PlotFrameProps) {
  return (
    <svg
      className={className ? `plot-svg ${className}` : 'plot-svg'}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      focusable="false"
    >
      <g transform={`translate(${margin.left},${margin.top})`}>{children}</g>
    </svg>
  );
}

/** Inner width and height of a frame after margins. */
export function innerSize(
  width = 640,
  height = 360,
  margin: Margin = DEFAULT_MARGIN,
): { innerWidth: number; innerHeight: number } {
  return {
    innerWidth: width - margin.left - margin.right,
    innerHeight: height - margin.top - margin.bottom,
  };
}
