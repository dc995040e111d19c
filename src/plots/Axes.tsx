import { memo } from 'react';
import { tickFormatter } from './formatNumber';
import { useOptionalFrame } from './frame';
import { ChunkBounds } from './PlotFrame';

/** A continuous scale as d3-scale returns it (linear, log, …). */
export interface AxisScale {
  (value: number): number;
  ticks?: (count?: number) => number[];
  tickFormat?: (count?: number, specifier?: string) => (d: number) => string;
  range: () => number[];
}

/** Props of `AxisBottom` and `AxisLeft`. */
export interface AxisProps {
  /** The axis scale; default the enclosing frame's x (bottom) or y (left). */
  scale?: AxisScale;
  /** Length of the other axis (grid lines span it); default the frame's inner height (bottom) or width (left). */
  size?: number;
  /** The axis title. */
  label: string;
  /** Its unit, shown after the title: "loss (nats)". */
  unit?: string;
  ticks?: number;
  /** Explicit tick values instead of `scale.ticks()`. */
  tickValues?: readonly number[];
  format?: (d: number) => string;
  /** Draw faint grid lines across the plot. */
  grid?: boolean;
}

function tickList(scale: AxisScale, count: number, values?: readonly number[]): number[] {
  if (values) return [...values];
  return scale.ticks ? scale.ticks(count) : [];
}

/** Ticks of a frame axis: on a log scale over two decades or more, only the powers of ten. */
function frameTicks(scale: AxisScale, count: number, values?: readonly number[]): number[] {
  const all = tickList(scale, count, values);
  if (values || !('base' in scale)) return all;
  const decades = all.filter((v) => Number.isInteger(Math.round(Math.log10(v) * 1e9) / 1e9));
  return decades.length >= 3 ? decades : all;
}

/** Tick text: `format`, else d3's tick format for a given scale, else the one formatter's. */
function formatter(
  scale: AxisScale,
  count: number,
  values: readonly number[],
  fromFrame: boolean,
  format?: (d: number) => string,
) {
  if (format) return format;
  if (fromFrame) return tickFormatter(values);
  const f = scale.tickFormat ? scale.tickFormat(count) : (d: number) => String(d);
  return (d: number) => {
    const s = f(d).replace(/-/g, '−');
    return /^−[0.]*$/.test(s) ? s.slice(1) : s;
  };
}

/** The title with its unit. */
const title = (label: string, unit?: string) => (unit ? `${label} (${unit})` : label);

/** The scale and size an axis draws with: its own, else the frame's. */
function useAxis(
  which: 'x' | 'y',
  scale: AxisScale | undefined,
  size: number | undefined,
): { scale: AxisScale; size: number; fromFrame: boolean } {
  const frame = useOptionalFrame();
  if (scale) return { scale, size: size ?? 0, fromFrame: false };
  if (!frame) throw new Error('An axis without a scale must be inside a <PlotFrame> with x and y');
  const s = which === 'x' ? frame.x : frame.y;
  return {
    scale: s,
    size: size ?? (which === 'x' ? frame.innerHeight : frame.innerWidth),
    fromFrame: true,
  };
}

/*
 * A tick (and the left axis's title) is placed by its marks' own coordinates, not by a
 * translated group: a group with a transform paints in a paint chunk of its own, and
 * moving it (a domain that follows a slider) makes Chromium work out the page's
 * compositing layers again on each tick (see ChunkBounds). A group without a transform
 * starts no chunk.
 */

/**
 * How far past the plot's box the bottom axis's chunk bounds reach, on every side: over
 * a tick label centred on the right edge at presenting's type, with room to spare (48
 * was not enough for the learning-rate page's three narrow charts). An unpainted margin
 * costs nothing; a label that appears or changes there then keeps the bounds fixed.
 */
const TICK_OVERHANG = 200;

/** A horizontal axis at the bottom of a plot of height `size` (default: the frame's x), with a centred title. */
export const AxisBottom = memo(function AxisBottom({
  scale: ownScale,
  size: ownSize,
  label,
  unit,
  ticks = 6,
  tickValues,
  format,
  grid,
}: AxisProps) {
  const { scale, size, fromFrame } = useAxis('x', ownScale, ownSize);
  const values = fromFrame
    ? frameTicks(scale, ticks, tickValues)
    : tickList(scale, ticks, tickValues);
  const fmt = formatter(scale, ticks, values, fromFrame, format);
  const [r0, r1] = scale.range();
  return (
    <g className="axis axis-x" transform={`translate(0,${size})`}>
      {/* the group is a paint chunk of its own: fixed bounds while its ticks move */}
      <ChunkBounds dy={size} pad={TICK_OVERHANG} />
      <line className="axis-line" x1={r0} x2={r1} y1={0} y2={0} />
      {values.map((v) => (
        <g key={v}>
          {grid && <line className="grid-line" x1={scale(v)} x2={scale(v)} y1={0} y2={-size} />}
          <line className="tick-line" x1={scale(v)} x2={scale(v)} y1={0} y2={6} />
          <text className="tick-label" x={scale(v)} y={20} textAnchor="middle">
            {fmt(v)}
          </text>
        </g>
      ))}
      <text className="axis-label" x={(r0 + r1) / 2} y={38} textAnchor="middle">
        {title(label, unit)}
      </text>
    </g>
  );
});

/** About the width of one tick-label character at the plots' 13px, in viewBox units. */
const LABEL_CHAR = 7;

/** A vertical axis at the left of a plot of width `size` (default: the frame's y), with a rotated title. */
export const AxisLeft = memo(function AxisLeft({
  scale: ownScale,
  size: ownSize,
  label,
  unit,
  ticks = 5,
  tickValues,
  format,
  grid,
}: AxisProps) {
  const { scale, size, fromFrame } = useAxis('y', ownScale, ownSize);
  const values = fromFrame
    ? frameTicks(scale, ticks, tickValues)
    : tickList(scale, ticks, tickValues);
  const fmt = formatter(scale, ticks, values, fromFrame, format);
  const [r0, r1] = scale.range();
  // The title clears the widest tick label: 42 suits three characters (0.5), a minus sign
  // or a fourth digit pushes it out by about a character's width.
  const widest = Math.max(0, ...values.map((v) => fmt(v).length));
  const titleX = -42 - LABEL_CHAR * Math.max(0, widest - 3);
  return (
    <g className="axis axis-y">
      {/* after the bottom axis's group, a paint chunk of its own: fixed bounds as ticks move */}
      <ChunkBounds />
      <line className="axis-line" x1={0} x2={0} y1={r0} y2={r1} />
      {values.map((v) => (
        <g key={v}>
          {grid && <line className="grid-line" x1={0} x2={size} y1={scale(v)} y2={scale(v)} />}
          <line className="tick-line" x1={-6} x2={0} y1={scale(v)} y2={scale(v)} />
          <text className="tick-label" x={-9} y={scale(v)} dy="0.32em" textAnchor="end">
            {fmt(v)}
          </text>
        </g>
      ))}
      <text
        className="axis-label"
        transform="rotate(-90)"
        x={-(r0 + r1) / 2}
        y={titleX}
        textAnchor="middle"
      >
        {title(label, unit)}
      </text>
    </g>
  );
});
