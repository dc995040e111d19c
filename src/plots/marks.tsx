import { memo } from 'react';
import { useFrame, type Frame } from './frame';
import { cx, strokeClass, toneClass, type StrokeStyle, type Tone } from './tones';

/** A point in data coordinates. */
export type Vec2 = readonly [number, number];

/** Shared props of the straight marks. */
interface StrokeProps {
  tone?: Tone;
  stroke?: StrokeStyle;
  thin?: boolean;
  className?: string;
}

function strokeClasses(
  base: string,
  { tone = 'sym1', stroke = 'solid', thin, className }: StrokeProps,
) {
  return cx(base, toneClass(tone), strokeClass(stroke), thin && 'is-thin', className);
}

/** A data point in inner-group pixels. */
export function toPixel(frame: Frame, [vx, vy]: Vec2): [number, number] {
  return [frame.x(vx), frame.y(vy)];
}

/** Props of `Point`. */
export interface PointProps {
  x: number;
  y: number;
  tone?: Tone;
  /** Radius in viewBox units; default 6. */
  r?: number;
  className?: string;
}

/** A dot at (x, y) in data coordinates; nothing when either maps to a non-finite pixel. */
export const Point = memo(function Point({ x, y, tone = 'sym1', r = 6, className }: PointProps) {
  const frame = useFrame();
  const [px, py] = toPixel(frame, [x, y]);
  if (!Number.isFinite(px) || !Number.isFinite(py)) return null;
  return (
    <circle
      className={cx('kit-point', toneClass(tone), className)}
      cx={px}
      cy={py}
      r={r}
      aria-hidden="true"
    />
  );
});

/** Props of `Segment`. */
export interface SegmentProps extends StrokeProps {
  from: Vec2;
  to: Vec2;
}

/** A straight segment between two data points. */
export const Segment = memo(function Segment({ from, to, ...style }: SegmentProps) {
  const frame = useFrame();
  const [x1, y1] = toPixel(frame, from);
  const [x2, y2] = toPixel(frame, to);
  if (![x1, y1, x2, y2].every(Number.isFinite)) return null;
  return (
    <line
      className={strokeClasses('kit-line', style)}
      x1={x1}
      y1={y1}
      x2={x2}
      y2={y2}
      aria-hidden="true"
    />
  );
});

/**
 * The part of the line through pixels a and b inside the box [0, w]×[0, h]
 * (Liang–Barsky on the infinite line); null when it misses the box or a = b.
 */
export function clipLine(
  a: readonly [number, number],
  b: readonly [number, number],
  w: number,
  h: number,
): [[number, number], [number, number]] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  if (dx === 0 && dy === 0) return null;
  let t0 = -Infinity;
  let t1 = Infinity;
  const edges: [number, number][] = [
    [-dx, a[0]],
    [dx, w - a[0]],
    [-dy, a[1]],
    [dy, h - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
  }
  if (t0 > t1) return null;
  return [
    [a[0] + t0 * dx, a[1] + t0 * dy],
    [a[0] + t1 * dx, a[1] + t1 * dy],
  ];
}

/** Props of `Line`: through two points, or through one point with a slope (data units). */
export type LineProps = StrokeProps &
  (
    | { through: readonly [Vec2, Vec2]; point?: never; slope?: never }
    | { point: Vec2; slope: number; through?: never }
  );

/** A straight line across the whole plot (on linear axes), clipped to the frame. */
export const Line = memo(function Line(props: LineProps) {
  const frame = useFrame();
  const [p, q]: readonly [Vec2, Vec2] = props.through ?? [
    props.point,
    [props.point[0] + 1, props.point[1] + props.slope],
  ];
  const a = toPixel(frame, p);
  const b = toPixel(frame, q);
  if (![...a, ...b].every(Number.isFinite)) return null;
  const seg = clipLine(a, b, frame.innerWidth, frame.innerHeight);
  if (!seg) return null;
  const { through: _t, point: _p, slope: _s, ...style } = props;
  return (
    <line
      className={strokeClasses('kit-line', style)}
      x1={seg[0][0]}
      y1={seg[0][1]}
      x2={seg[1][0]}
      y2={seg[1][1]}
      aria-hidden="true"
    />
  );
});

/** The shaft end and head triangle of an arrow between two pixels, the head `size` px long. */
export function arrowGeometry(
  tail: readonly [number, number],
  head: readonly [number, number],
  size: number,
): { shaft: [number, number]; head: string } | null {
  const dx = head[0] - tail[0];
  const dy = head[1] - tail[1];
  const len = Math.hypot(dx, dy);
  if (!(len > 0)) return null;
  const s = Math.min(size, len);
  const ux = dx / len;
  const uy = dy / len;
  const bx = head[0] - ux * s;
  const by = head[1] - uy * s;
  const half = s * 0.45;
  const pts = [
    [head[0], head[1]],
    [bx - uy * half, by + ux * half],
    [bx + uy * half, by - ux * half],
  ];
  return {
    shaft: [bx + ux * s * 0.2, by + uy * s * 0.2],
    head: `M${pts.map((p) => `${round(p[0])},${round(p[1])}`).join('L')}Z`,
  };
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Props of `Arrow`. */
export interface ArrowProps extends StrokeProps {
  /** The tail in data coordinates; default the origin. */
  tail?: Vec2;
  head: Vec2;
  /** Head length in viewBox units; default 12. */
  headSize?: number;
}

/** A vector from a tail to a head in data coordinates, its head a path sized in viewBox units. */
export const Arrow = memo(function Arrow({
  tail = [0, 0],
  head,
  headSize = 12,
  ...style
}: ArrowProps) {
  const frame = useFrame();
  const a = toPixel(frame, tail);
  const b = toPixel(frame, head);
  if (![...a, ...b].every(Number.isFinite)) return null;
  const g = arrowGeometry(a, b, headSize);
  if (!g) return null;
  return (
    <g className={cx('kit-arrow-group', toneClass(style.tone ?? 'sym1'))} aria-hidden="true">
      <line
        className={strokeClasses('kit-arrow', style)}
        x1={a[0]}
        y1={a[1]}
        x2={g.shaft[0]}
        y2={g.shaft[1]}
      />
      <path className="kit-arrow-head" d={g.head} />
    </g>
  );
});
