import { memo } from 'react';
import { setAttr, setAttrs } from './liveDom';

/** A continuous scale as d3-scale returns it (linear, log, …). */
export interface AxisScale {
  (value: number): number;
  ticks?: (count?: number) => number[];
  tickFormat?: (count?: number, specifier?: string) => (d: number) => string;
  range: () => number[];
}

interface AxisProps {
  scale: AxisScale;
  /** Length of the other axis (grid lines span it). */
  size: number;
  label: string;
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

function formatter(scale: AxisScale, count: number, format?: (d: number) => string) {
  if (format) return format;
  const f = scale.tickFormat ? scale.tickFormat(count) : (d: number) => String(d);
  return (d: number) => f(d).replace('-', '−');
}

/** Where a bottom axis puts a tick. */
const xTickTransform = (scale: AxisScale, v: number) => `translate(${scale(v)},0)`;

/**
 * Writes a new scale into a rendered `AxisBottom` (its `.axis-x` group) with the
 * same tick values and labels, for a plot's live update: the attributes its
 * render would write. False, with nothing written, when the ticks differ in number.
 */
export function updateAxisBottom(
  axis: Element,
  scale: AxisScale,
  tickValues: readonly number[],
): boolean {
  const ticks = axis.querySelectorAll(':scope > g');
  if (ticks.length !== tickValues.length) return false;
  const [r0, r1] = scale.range();
  setAttrs(axis.querySelector(':scope > .axis-line'), { x1: r0, x2: r1 });
  setAttr(axis.querySelector(':scope > .axis-label'), 'x', (r0 + r1) / 2);
  ticks.forEach((tick, i) => setAttr(tick, 'transform', xTickTransform(scale, tickValues[i])));
  return true;
}

/** Sets the length of a rendered `AxisLeft`'s grid lines (its `size`), for a plot's live update. */
export function updateAxisLeftSize(axis: Element, size: number): void {
  axis.querySelectorAll(':scope > g > .grid-line').forEach((line) => setAttr(line, 'x2', size));
}

/** A horizontal axis at the bottom of a plot of height `size`, with a centred label. */
export const AxisBottom = memo(function AxisBottom({
  scale,
  size,
  label,
  ticks = 6,
  tickValues,
  format,
  grid,
}: AxisProps) {
  const values = tickList(scale, ticks, tickValues);
  const fmt = formatter(scale, ticks, format);
  const [r0, r1] = scale.range();
  return (
    <g className="axis axis-x" transform={`translate(0,${size})`}>
      <line className="axis-line" x1={r0} x2={r1} y1={0} y2={0} />
      {values.map((v) => (
        <g key={v} transform={xTickTransform(scale, v)}>
          {grid && <line className="grid-line" y1={0} y2={-size} />}
          <line className="tick-line" y1={0} y2={6} />
          <text className="tick-label" y={20} textAnchor="middle">
            {fmt(v)}
          </text>
        </g>
      ))}
      <text className="axis-label" x={(r0 + r1) / 2} y={38} textAnchor="middle">
        {label}
      </text>
    </g>
  );
});

/** About the width of one tick-label character at the plots' 13px, in viewBox units. */
const LABEL_CHAR = 7;

/** A vertical axis at the left of a plot of width `size`, with a rotated label. */
export const AxisLeft = memo(function AxisLeft({
  scale,
  size,
  label,
  ticks = 5,
  tickValues,
  format,
  grid,
}: AxisProps) {
  const values = tickList(scale, ticks, tickValues);
  const fmt = formatter(scale, ticks, format);
  const [r0, r1] = scale.range();
  // The title clears the widest tick label: 42 suits three characters (0.5), a minus sign
  // or a fourth digit pushes it out by about a character's width.
  const widest = Math.max(0, ...values.map((v) => fmt(v).length));
  const titleX = -42 - LABEL_CHAR * Math.max(0, widest - 3);
  return (
    <g className="axis axis-y">
      <line className="axis-line" x1={0} x2={0} y1={r0} y2={r1} />
      {values.map((v) => (
        <g key={v} transform={`translate(0,${scale(v)})`}>
          {grid && <line className="grid-line" x1={0} x2={size} />}
          <line className="tick-line" x1={-6} x2={0} />
          <text className="tick-label" x={-9} dy="0.32em" textAnchor="end">
            {fmt(v)}
          </text>
        </g>
      ))}
      <text
        className="axis-label"
        transform={`translate(${titleX},${(r0 + r1) / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {label}
      </text>
    </g>
  );
});
