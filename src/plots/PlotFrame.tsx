import { createContext, useContext, type ReactNode, type RefObject } from 'react';
import { FrameProvider, useMakeFrame, type ScaleInput } from './frame';

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
  /** Receives the SVG element (e.g. for a canvas laid over it). */
  svgRef?: RefObject<SVGSVGElement | null>;
  /** Data x: a domain (`{ domain: [a, b], scale?: 'log' }`) or a d3 scale; its range becomes [0, innerWidth]. */
  x?: ScaleInput;
  /** Data y: a domain or a d3 scale; its range becomes [innerHeight, 0]. */
  y?: ScaleInput;
  /**
   * The plot holds focusable marks (DraggablePoint): the SVG is then not aria-hidden
   * as a whole, and each decorative mark hides itself instead.
   */
  interactive?: boolean;
}

/** The frame's whole viewBox in the inner group's coordinates. */
const FrameBox = createContext({ x: 0, y: 0, width: 0, height: 0 });

/**
 * An unpainted rectangle over the whole frame, which keeps the bounds of the paint chunk
 * it starts fixed. Chromium paints an SVG in chunks, a new one after each group with its
 * own transform, opacity or clip. When a chunk's bounds change (a bar grows past the
 * others, a label moves out of them) it works out the page's compositing layers again
 * from all its chunks, a full compositor update in the frame of every such tick. Put one
 * first in each run of marks a tick moves, after the axes (a group of its own per tick);
 * `dx`, `dy` give the group's offset from the frame's inner origin; `pad` widens it on every
 * side, for text that may reach past the frame (tick labels at the edges).
 */
export function ChunkBounds({
  dx = 0,
  dy = 0,
  pad = 0,
}: {
  dx?: number;
  dy?: number;
  pad?: number;
}) {
  const box = useContext(FrameBox);
  return (
    <rect
      className="chunk-bounds"
      aria-hidden="true"
      x={box.x - dx - pad}
      y={box.y - dy - pad}
      width={box.width + 2 * pad}
      height={box.height + 2 * pad}
      fill="none"
    />
  );
}

/**
 * An SVG that scales to its container, with a translated inner group. It hands its
 * frame (scales from `x`/`y`, inner size, margin) to the marks inside via `useFrame()`;
 * without `x`/`y`, use `innerSize` for scale ranges as before.
 */
export function PlotFrame({
  width = 640,
  height = 360,
  margin = DEFAULT_MARGIN,
  children,
  className,
  svgRef,
  x,
  y,
  interactive = false,
}: PlotFrameProps) {
  const frame = useMakeFrame(width, height, margin, x, y);
  return (
    <svg
      ref={svgRef}
      className={className ? `plot-svg ${className}` : 'plot-svg'}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden={interactive ? undefined : 'true'}
      focusable={interactive ? undefined : 'false'}
    >
      <g transform={`translate(${margin.left},${margin.top})`}>
        <FrameBox.Provider value={{ x: -margin.left, y: -margin.top, width, height }}>
          <FrameProvider frame={frame}>
            <ChunkBounds />
            {children}
          </FrameProvider>
        </FrameBox.Provider>
      </g>
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
