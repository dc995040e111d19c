import { memo, useId, useMemo } from 'react';
import { denseClass } from './denseStyles';
import { useFrame, type ContinuousScale } from './frame';
import { ChunkBounds } from './PlotFrame';
import { cx, strokeClass, toneClass, type StrokeStyle, type Tone } from './tones';
import './kit-dense.css';

/** How far past the plot area a point may be drawn before it is pinned, in plot sizes. */
const FAR = 4;
/** Arrowheads: length and half-width in viewBox units; segments shorter than MIN_SEGMENT get none. */
const ARROW_LENGTH = 8;
const ARROW_HALF = 4;
const MIN_SEGMENT = 14;

/** A trajectory laid out in the frame's inner pixels. */
export interface TrajectoryLayout {
  /** The polyline through every drawn point, '' with fewer than one. */
  d: string;
  /** Pixels of the drawn points (up to the current one, before any non-finite point). */
  points: [number, number][];
  start: [number, number] | null;
  current: [number, number] | null;
  /** Index of the current point among the given ones (clamped), −1 when none is drawn. */
  currentIndex: number;
  /** Arrowheads at the middle of long enough segments, as one path. */
  arrows: string;
  /** The path stopped at a non-finite point (the optimizer diverged). */
  diverged: boolean;
  /** Some point lay far outside the plot and was pinned at its edge region. */
  clipped: boolean;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Projects a trajectory of data points up to `current` (default the last) with the frame's
 * scales; stops at the first non-finite point and pins far-away points, so no coordinate
 * is NaN or huge. `arrowEvery` puts an arrowhead on every k-th segment (0: none).
 */
export function trajectoryLayout(
  points: readonly (readonly [number, number])[],
  x: ContinuousScale,
  y: ContinuousScale,
  current = points.length - 1,
  arrowEvery = 0,
): TrajectoryLayout {
  const [x0, x1] = x.range();
  const [y0, y1] = y.range();
  const w = Math.abs(x1 - x0) || 1;
  const h = Math.abs(y1 - y0) || 1;
  const lo = [Math.min(x0, x1) - FAR * w, Math.min(y0, y1) - FAR * h];
  const hi = [Math.max(x0, x1) + FAR * w, Math.max(y0, y1) + FAR * h];
  const last = Math.min(points.length - 1, Math.max(-1, Math.floor(current)));
  const px: [number, number][] = [];
  let diverged = false;
  let clipped = false;
  for (let i = 0; i <= last; i++) {
    const [dx, dy] = points[i];
    const X = x(dx);
    const Y = y(dy);
    if (!Number.isFinite(X) || !Number.isFinite(Y)) {
      diverged = true;
      break;
    }
    const cxp = Math.min(hi[0], Math.max(lo[0], X));
    const cyp = Math.min(hi[1], Math.max(lo[1], Y));
    if (cxp !== X || cyp !== Y) clipped = true;
    px.push([r2(cxp), r2(cyp)]);
  }
  const d = px.map(([a, b], i) => `${i === 0 ? 'M' : 'L'}${a},${b}`).join('');
  let arrows = '';
  if (arrowEvery > 0) {
    for (let i = 1; i < px.length; i++) {
      if (i % arrowEvery !== 0) continue;
      const [ax, ay] = px[i - 1];
      const [bx, by] = px[i];
      const len = Math.hypot(bx - ax, by - ay);
      if (len < MIN_SEGMENT) continue;
      const ux = (bx - ax) / len;
      const uy = (by - ay) / len;
      const tipX = (ax + bx) / 2 + (ux * ARROW_LENGTH) / 2;
      const tipY = (ay + by) / 2 + (uy * ARROW_LENGTH) / 2;
      const baseX = tipX - ux * ARROW_LENGTH;
      const baseY = tipY - uy * ARROW_LENGTH;
      arrows +=
        `M${r2(tipX)},${r2(tipY)}` +
        `L${r2(baseX - uy * ARROW_HALF)},${r2(baseY + ux * ARROW_HALF)}` +
        `L${r2(baseX + uy * ARROW_HALF)},${r2(baseY - ux * ARROW_HALF)}Z`;
    }
  }
  return {
    d,
    points: px,
    start: px[0] ?? null,
    current: px.length > 0 ? px[px.length - 1] : null,
    currentIndex: px.length - 1,
    arrows,
    diverged,
    clipped,
  };
}

/** Props of `Trajectory`. */
export interface TrajectoryProps {
  /** The iterates in data coordinates, oldest first. */
  points: readonly (readonly [number, number])[];
  /** Index of the current point (a step slider); default the last. */
  current?: number;
  tone?: Tone;
  /** An arrowhead on every k-th segment; 0 (default) for none. */
  arrowEvery?: number;
  /** Clip the path to the plot area (default), so a divergent run stays inside the frame. */
  clip?: boolean;
  /**
   * The path's dash pattern (default solid): runs told apart by more than their colour, as in
   * the legend that names them.
   */
  stroke?: StrokeStyle;
  className?: string;
}

/**
 * An optimizer's path over a plot (e.g. a `Contour`): the polyline of its iterates up to
 * the current one, an open circle at the start and a filled one at the current point.
 */
export const Trajectory = memo(function Trajectory({
  points,
  current,
  tone = 'sym1',
  arrowEvery = 0,
  clip = true,
  stroke = 'solid',
  className,
}: TrajectoryProps) {
  const frame = useFrame();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const layout = useMemo(
    () => trajectoryLayout(points, frame.x, frame.y, current ?? points.length - 1, arrowEvery),
    [points, frame.x, frame.y, current, arrowEvery],
  );
  if (!layout.start) return null;
  const clipId = `kd-traj-${id}`;
  return (
    <g
      className={cx('kd-trajectory', toneClass(tone), className)}
      aria-hidden="true"
      data-diverged={layout.diverged || undefined}
    >
      {clip && (
        <defs>
          <clipPath id={clipId}>
            <rect x={0} y={0} width={frame.innerWidth} height={frame.innerHeight} />
          </clipPath>
        </defs>
      )}
      <g clipPath={clip ? `url(#${clipId})` : undefined}>
        {/* a clip group paints in a chunk of its own: fixed bounds as the path changes */}
        {clip && <ChunkBounds />}
        <path className="kd-trajectory-halo" d={layout.d} />
        <path className={cx(denseClass('trajectory-path'), strokeClass(stroke))} d={layout.d} />
        {layout.arrows && <path className={denseClass('trajectory-arrow')} d={layout.arrows} />}
        <circle
          className={denseClass('trajectory-start')}
          cx={layout.start[0]}
          cy={layout.start[1]}
          r={4.5}
        />
        {layout.current && layout.currentIndex > 0 && (
          <circle
            className={denseClass('trajectory-current')}
            cx={layout.current[0]}
            cy={layout.current[1]}
            r={6}
          />
        )}
      </g>
    </g>
  );
});
