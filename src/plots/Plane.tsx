import type { ReactNode } from 'react';
import { AxisBottom, AxisLeft } from './Axes';
import { useFrame } from './frame';
import { Segment } from './marks';
import { PlotFrame, type Margin } from './PlotFrame';
import { cx } from './tones';

/** Margins of a plane: room for the tick labels and axis titles at the bottom and left. */
export const PLANE_MARGIN: Margin = { top: 12, right: 12, bottom: 46, left: 58 };

/** The viewBox height that makes a plane's inner area square for a viewBox `width`. */
export function planeHeight(width: number, margin: Margin = PLANE_MARGIN): number {
  return width - margin.left - margin.right + margin.top + margin.bottom;
}

/** Props of `Plane`. */
export interface PlaneProps {
  /** viewBox width (usually from `usePlotSize`); the height follows so the inner area is square. */
  width: number;
  /** Half the side of the square of data space shown: both axes run over [−span, span]. */
  span: number;
  /** Tick values of both axes (each drawn with a grid line). */
  ticks: readonly number[];
  /** Title of the horizontal axis. */
  xLabel: string;
  /** Title of the vertical axis. */
  yLabel: string;
  /** Draw the axis lines x = 0 and y = 0 across the plane (tone "axis", thin). Default true. */
  originAxes?: boolean;
  /** Defaults to `PLANE_MARGIN`. */
  margin?: Margin;
  /** Class of the SVG (added to `plot-svg`). */
  className?: string;
  /** The plane holds focusable marks (DraggablePoint); see `PlotFrame`. */
  interactive?: boolean;
  /**
   * The marks, in data coordinates, drawn after the axes and grid. Start each run of marks
   * a tick moves with `<ChunkBounds />` (PlotFrame), as the axes are a group of their own.
   */
  children?: ReactNode;
}

/**
 * A square coordinate plane: a `PlotFrame` over [−span, span]² whose height follows from
 * the width and margins so one data unit is as long across as up, with both axes, their
 * grid at `ticks` and (by default) the axis lines through the origin. Marks come as
 * children and read the frame with `useFrame()`:
 *
 * ```tsx
 * <Plane width={width} span={4.6} ticks={[-4, -2, 0, 2, 4]} xLabel="x₁" yLabel="x₂" interactive>
 *   <ChunkBounds />
 *   <Arrow head={v} tone="sym1" />
 *   <TipLabel at={v} text="v" className="sym-1" />
 *   <DraggablePoint x={v[0]} y={v[1]} … />
 * </Plane>
 * ```
 */
export function Plane({
  width,
  span,
  ticks,
  xLabel,
  yLabel,
  originAxes = true,
  margin = PLANE_MARGIN,
  className,
  interactive = false,
  children,
}: PlaneProps) {
  return (
    <PlotFrame
      width={width}
      height={planeHeight(width, margin)}
      margin={margin}
      x={{ domain: [-span, span] }}
      y={{ domain: [-span, span] }}
      className={className}
      interactive={interactive}
    >
      <AxisBottom label={xLabel} tickValues={ticks} grid />
      <AxisLeft label={yLabel} tickValues={ticks} grid />
      {originAxes && (
        <>
          <Segment from={[-span, 0]} to={[span, 0]} tone="axis" thin />
          <Segment from={[0, -span]} to={[0, span]} tone="axis" thin />
        </>
      )}
      {children}
    </PlotFrame>
  );
}

/** Props of `TipLabel`. */
export interface TipLabelProps {
  /** The data point labelled, usually a vector's tip. */
  at: readonly number[];
  text: string;
  /** Distance in px from the point, away from the origin. Default 14. */
  offset?: number;
  /** Added to `kit-tip-label plot-halo`; a `sym-N` class colours the text. */
  className?: string;
}

/**
 * A vector's name beside its tip, pushed `offset` px further from the origin so it clears
 * the arrowhead, anchored away from the vertical axis. Decorative (aria-hidden): say the
 * vector in the plot's text alternative.
 */
export function TipLabel({ at, text, offset = 14, className }: TipLabelProps) {
  const f = useFrame();
  const len = Math.hypot(at[0], at[1]) || 1;
  return (
    <text
      className={cx('kit-tip-label plot-halo', className)}
      x={f.x(at[0]) + (offset * at[0]) / len}
      y={f.y(at[1]) - (offset * at[1]) / len}
      dy="0.32em"
      textAnchor={at[0] < -0.2 ? 'end' : at[0] > 0.2 ? 'start' : 'middle'}
      aria-hidden="true"
    >
      {text}
    </text>
  );
}
