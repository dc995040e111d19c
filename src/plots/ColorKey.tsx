import { memo, useId, useMemo } from 'react';
import { makeColorScale, type ColorScale, type ColorScaleSpec } from './colorScale';
import { denseClass } from './denseStyles';
import { formatNumber, tickFormatter } from './formatNumber';
import { useFrame } from './frame';
import './kit-dense.css';

/** A colour key laid out along its length: gradient stops and ticks. */
export interface ColorKeyLayout {
  /** Gradient stops from the low end (offset 0) to the high end (offset 1). */
  stops: { offset: number; color: string }[];
  /** Ticks: value, distance from the low end in viewBox units, label and colour there. */
  ticks: { value: number; at: number; label: string; color: string }[];
}

/**
 * The stops and ticks of a colour key `length` long: each tick stands where its value's
 * colour is on the bar, and the bar's colour there is the scale's colour of the value.
 */
export function colorKeyLayout(
  scale: ColorScale,
  length: number,
  {
    ticks = 5,
    stops = 33,
    format,
  }: { ticks?: number; stops?: number; format?: (v: number) => string } = {},
): ColorKeyLayout {
  const n = Math.max(2, Math.round(stops));
  const stopList = Array.from({ length: n }, (_, k) => {
    const offset = k / (n - 1);
    return { offset, color: scale(scale.valueAt(offset)) ?? 'transparent' };
  });
  const values = scale.ticks(ticks);
  const fmt =
    format ??
    (scale.spec.kind === 'sequential' && scale.spec.log
      ? (v: number) => formatNumber(v, { digits: 2, notation: 'significant' })
      : tickFormatter(values));
  return {
    stops: stopList,
    ticks: values.map((value) => ({
      value,
      at: scale.position(value) * length,
      label: fmt(value),
      color: scale(value) ?? 'transparent',
    })),
  };
}

/** Props of `ColorKey`. */
export interface ColorKeyProps {
  /** The scale the plot's colours come from. */
  scale: ColorScaleSpec | ColorScale;
  /** A title over the bar (the quantity and its unit). */
  title?: string;
  /**
   * Where the bar's top-left corner is, in the frame's inner pixels; default just right of
   * the plot area (give the frame a right margin of about 64).
   */
  at?: { x: number; y: number };
  /** Length of the bar; default the frame's inner height (vertical) or a third of its width. */
  length?: number;
  thickness?: number;
  orientation?: 'vertical' | 'horizontal';
  ticks?: number;
  format?: (v: number) => string;
}

/** A labelled colour bar with ticks, low values at the bottom (or left). */
export const ColorKey = memo(function ColorKey({
  scale,
  title,
  at,
  length,
  thickness = 12,
  orientation = 'vertical',
  ticks = 5,
  format,
}: ColorKeyProps) {
  const frame = useFrame();
  const id = useId();
  const vertical = orientation === 'vertical';
  const len = length ?? (vertical ? frame.innerHeight : frame.innerWidth / 3);
  const origin = at ?? (vertical ? { x: frame.innerWidth + 14, y: 0 } : { x: 0, y: -28 });
  // a spec written inline compares by content, so a render with the same spec reuses the scale
  const specKey = typeof scale === 'function' ? scale : JSON.stringify(scale);
  const built = useMemo(
    () => (typeof scale === 'function' ? scale : makeColorScale(scale)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- specKey stands for scale
    [specKey],
  );
  const layout = useMemo(
    () => colorKeyLayout(built, len, { ticks, format }),
    [built, len, ticks, format],
  );
  const gradient = `kd-key-${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <g className="kd-color-key" aria-hidden="true" transform={`translate(${origin.x},${origin.y})`}>
      <defs>
        <linearGradient id={gradient} x1={0} y1={vertical ? 1 : 0} x2={vertical ? 0 : 1} y2={0}>
          {layout.stops.map((s) => (
            <stop key={s.offset} offset={s.offset} stopColor={s.color} />
          ))}
        </linearGradient>
      </defs>
      {title && (
        <text
          className={denseClass('color-key-title')}
          x={vertical ? 0 : 0}
          y={vertical ? -6 : -6}
          textAnchor="start"
        >
          {title}
        </text>
      )}
      <rect
        className={denseClass('color-key-bar')}
        x={0}
        y={0}
        width={vertical ? thickness : len}
        height={vertical ? len : thickness}
        fill={`url(#${gradient})`}
      />
      {layout.ticks.map((t) => {
        const p = vertical ? len - t.at : t.at;
        return (
          <g key={t.value} className="kd-key-tick-group" data-value={t.value}>
            <line
              className={denseClass('color-key-tick')}
              x1={vertical ? thickness : p}
              x2={vertical ? thickness + 4 : p}
              y1={vertical ? p : thickness}
              y2={vertical ? p : thickness + 4}
            />
            <text
              className={denseClass('color-key-label')}
              x={vertical ? thickness + 7 : p}
              y={vertical ? p : thickness + 17}
              dy={vertical ? '0.32em' : undefined}
              textAnchor={vertical ? 'start' : 'middle'}
            >
              {t.label}
            </text>
          </g>
        );
      })}
    </g>
  );
});
