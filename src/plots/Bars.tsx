import { scaleBand } from 'd3-scale';
import { memo, useMemo } from 'react';
import { useFrame, type ContinuousScale } from './frame';
import { formatNumber } from './formatNumber';
import { cx, toneClass, type Tone } from './tones';

/** One bar: its category label and value. */
export interface BarDatum {
  label: string;
  value: number;
}

/** A bar laid out in inner-group pixels; a non-finite value has no rectangle (height 0). */
export interface BarRect {
  label: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where its value label sits: above a positive bar, below a negative one. */
  labelY: number;
}

/**
 * Lays bars out over a band scale across [0, width] and the frame's y scale,
 * from the baseline y = 0 (or the domain's end nearest 0).
 */
export function barLayout(
  data: readonly BarDatum[],
  y: ContinuousScale,
  width: number,
  padding = 0.2,
): BarRect[] {
  const band = scaleBand<number>()
    .domain(data.map((_, i) => i))
    .range([0, width])
    .paddingInner(padding)
    .paddingOuter(padding / 2);
  const [lo, hi] = y.domain();
  const base = y(Math.min(Math.max(0, Math.min(lo, hi)), Math.max(lo, hi)));
  return data.map((d, i) => {
    const x = band(i) ?? 0;
    const top = Number.isFinite(d.value) ? y(d.value) : base;
    const py = Number.isFinite(top) ? top : base;
    const up = py <= base;
    return {
      label: d.label,
      value: d.value,
      x,
      y: Math.min(py, base),
      width: band.bandwidth(),
      height: Math.abs(base - py),
      labelY: up ? Math.min(py, base) - 6 : Math.max(py, base) + 16,
    };
  });
}

/** Props of `Bars`. */
export interface BarsProps {
  data: readonly BarDatum[];
  tone?: Tone;
  /** Index of the bar drawn highlighted (ringed, in `highlightTone`). */
  highlight?: number;
  highlightTone?: Tone;
  /** Draw each value above its bar. */
  labels?: boolean;
  /** Value label text; default `formatNumber(v, 2)`. */
  format?: (v: number) => string;
  /** Band padding, a fraction of the step; default 0.2. */
  padding?: number;
}

/** Vertical bars over a band of categories across the frame, heights on the frame's y scale. */
export const Bars = memo(function Bars({
  data,
  tone = 'sym1',
  highlight,
  highlightTone = 'accent',
  labels = false,
  format = formatNumber,
  padding = 0.2,
}: BarsProps) {
  const { y, innerWidth } = useFrame();
  const rects = useMemo(
    () => barLayout(data, y, innerWidth, padding),
    [data, y, innerWidth, padding],
  );
  return (
    <g className="kit-bars" aria-hidden="true">
      {rects.map((r, i) => (
        <g key={i} className={toneClass(i === highlight ? highlightTone : tone)}>
          <rect
            className={cx('kit-bar', i === highlight && 'is-highlighted')}
            x={r.x}
            y={r.y}
            width={r.width}
            height={r.height}
          />
          {labels && (
            <text className="kit-bar-label" x={r.x + r.width / 2} y={r.labelY} textAnchor="middle">
              {format(r.value)}
            </text>
          )}
        </g>
      ))}
    </g>
  );
});

/** The centre x of bar `i` of `n` across `width` (for an axis of category labels under `Bars`). */
export function barCenter(i: number, n: number, width: number, padding = 0.2): number {
  const band = scaleBand<number>()
    .domain([...Array(n).keys()])
    .range([0, width])
    .paddingInner(padding)
    .paddingOuter(padding / 2);
  return (band(i) ?? 0) + band.bandwidth() / 2;
}
