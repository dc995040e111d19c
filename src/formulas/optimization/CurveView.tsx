import { useCallback, useId, useMemo, useRef } from 'react';
import { AxisBottom, AxisLeft } from '../../plots/Axes';
import { Curve } from '../../plots/Curve';
import { DraggablePoint } from '../../plots/DraggablePoint';
import { useFrame } from '../../plots/frame';
import { formatFixed, formatNumber } from '../../plots/formatNumber';
import { ChunkBounds, PlotFrame } from '../../plots/PlotFrame';
import type { Margin } from '../../plots/PlotFrame';
import { cx, toneClass, type Tone } from '../../plots/tones';
import { usePlotSize } from '../../plots/usePlotSize';
import type { Lang } from '../../ui/card/types';
import type { Problem } from './problems';
import { OPT_WORDS } from './words';

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
/** k written as subscript digits, for θₖ in plain text. */
export function subscript(k: number): string {
  return String(k)
    .split('')
    .map((d) => SUBSCRIPT[Number(d)] ?? d)
    .join('');
}

type Pt = readonly [number, number];

/**
 * The part of the segment a–b inside the box [0, w] × [0, h] (Liang–Barsky), rounded to
 * 0.01, or null. Marks drawn only there keep their paint chunk's bounds inside the frame
 * (see ChunkBounds): a run thrown far off the window would otherwise widen them each tick.
 */
function clipSegment(a: Pt, b: Pt, w: number, h: number): [Pt, Pt] | null {
  if (![...a, ...b].every(Number.isFinite)) return null;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
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
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return null;
  }
  const at = (t: number): Pt => [
    Math.round((a[0] + t * dx) * 100) / 100,
    Math.round((a[1] + t * dy) * 100) / 100,
  ];
  return [at(t0), at(t1)];
}

/** Whether a point lies in the box [0, w] × [0, h]. */
function inBox(p: Pt, w: number, h: number): boolean {
  return p[0] >= 0 && p[0] <= w && p[1] >= 0 && p[1] <= h;
}

const MARGIN: Margin = { top: 14, right: 16, bottom: 44, left: 52 };

/** Props of `CurveView`. */
export interface CurveViewProps {
  problem: Problem;
  /** θ₀ … θ_last of the run (1-D points). */
  points: readonly (readonly number[])[];
  /** The current step (clamped to the run). */
  current: number;
  /** θ_{k+1}, the point the next step reaches, when there is one. */
  next: number | null;
  lang: Lang;
  /** Moves the start θ₀ (dragged along the curve or by the arrow keys). */
  onStart: (x: number) => void;
  /** The highlighted param (η, θ₀) and its setter, to tie the marks to the formula. */
  highlight: string | null;
  setHighlight: (name: string | null) => void;
  /** The names of the start and learning-rate params. */
  startName: string;
  lrName: string;
  /** viewBox height; default 320. */
  height?: number;
  /** The narrowest viewBox width (small multiples go narrower); default 280. */
  minWidth?: number;
  /** Tone of the run (steps and ball); default sym1. */
  tone?: Tone;
}

/** The marks that follow the run: steps along the curve, the tangent, the ball and the next step. */
function CurveMarks({
  problem,
  points,
  current,
  next,
  highlight,
  lrName,
  offLabel,
  offNote,
  tone,
}: Pick<CurveViewProps, 'problem' | 'points' | 'current' | 'next' | 'highlight' | 'lrName'> & {
  /** θₖ = value, and the note that it is off the plot, on a line of their own. */
  offLabel: string;
  offNote: string;
  tone: Tone;
}) {
  const { x, y, innerWidth, innerHeight } = useFrame();
  const clip = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const k = Math.max(0, Math.min(points.length - 1, Math.round(current)));
  const px = (v: number) => x(v);
  const py = (v: number) => y(v);
  const onCurve = (t: number): Pt => [px(t), py(problem.f([t]))];
  const clipTo = (a: Pt, b: Pt) => clipSegment(a, b, innerWidth, innerHeight);
  // the steps joined along the curve, only their parts inside the frame
  let d = '';
  let open = false;
  for (let i = 1; i <= k; i++) {
    const seg = clipTo(onCurve(points[i - 1][0]), onCurve(points[i][0]));
    if (!seg) {
      open = false;
      continue;
    }
    d += `${open ? '' : `M${seg[0][0]},${seg[0][1]}`}L${seg[1][0]},${seg[1][1]}`;
    open = seg[1][0] === Math.round(onCurve(points[i][0])[0] * 100) / 100;
  }
  const round = (p: Pt): Pt => [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100];
  const cur = points[k][0];
  const t0 = onCurve(cur);
  const ball = inBox(t0, innerWidth, innerHeight) ? round(t0) : null;
  const slope = problem.grad([cur])[0];
  // the tangent over a quarter of the window on either side
  const half = (problem.x[1] - problem.x[0]) / 4;
  const tangent = clipTo(
    [px(cur - half), py(problem.f([cur]) - slope * half)],
    [px(cur + half), py(problem.f([cur]) + slope * half)],
  );
  const base = innerHeight - 8;
  const stepTo = next === null ? null : onCurve(next);
  const nextLine = stepTo && clipTo(t0, stepTo);
  const nextBase = stepTo && clipTo([t0[0], base], [stepTo[0], base]);
  const nextEnd =
    stepTo && inBox([stepTo[0], base], innerWidth, innerHeight) ? round([stepTo[0], base]) : null;
  const hl = highlight === lrName;
  // a run thrown off the window: say where the current point went, at the edge it left by
  const off = cur < problem.x[0] ? 'left' : cur > problem.x[1] ? 'right' : null;
  return (
    <g className="opt-curve-marks">
      <ChunkBounds />
      <defs>
        <clipPath id={`opt-clip-${clip}`}>
          <rect x={0} y={0} width={innerWidth} height={innerHeight} />
        </clipPath>
      </defs>
      {/* a clip group paints in a chunk of its own, and the marks after it in another: each
          starts with fixed bounds (see ChunkBounds) */}
      <g clipPath={`url(#opt-clip-${clip})`}>
        <ChunkBounds />
        {tangent && (
          <line
            className="tangent opt-tangent"
            x1={tangent[0][0]}
            y1={tangent[0][1]}
            x2={tangent[1][0]}
            y2={tangent[1][1]}
          />
        )}
        <path className={cx('opt-steps', toneClass(tone))} d={d} />
        {points.slice(0, k + 1).map((p, i) => {
          const c = onCurve(p[0]);
          if (!inBox(c, innerWidth, innerHeight)) return null;
          const [a, b] = round(c);
          return (
            <circle key={i} className={cx('opt-step-point', toneClass(tone))} cx={a} cy={b} r={3} />
          );
        })}
        {stepTo && (
          <g className={cx('opt-next tone-sym2', hl && 'is-highlighted')}>
            {nextLine && (
              <line
                className="opt-next-line"
                x1={nextLine[0][0]}
                y1={nextLine[0][1]}
                x2={nextLine[1][0]}
                y2={nextLine[1][1]}
              />
            )}
            {nextBase && (
              <line
                className="opt-next-base"
                x1={nextBase[0][0]}
                y1={base}
                x2={nextBase[1][0]}
                y2={base}
              />
            )}
            {nextEnd && <circle className="opt-next-end" cx={nextEnd[0]} cy={base} r={3} />}
          </g>
        )}
        {ball && (
          <circle
            className={cx('current-point opt-ball', toneClass(tone))}
            cx={ball[0]}
            cy={ball[1]}
            r={7}
          />
        )}
      </g>
      <ChunkBounds />
      {off && (
        <text
          className={cx('plot-halo opt-off-plot', toneClass(tone))}
          x={off === 'left' ? 6 : innerWidth - 6}
          y={16}
          textAnchor={off === 'left' ? 'start' : 'end'}
        >
          {/* on two short lines: on one it ran past a small panel's edge, widening the
              chunk's bounds as the number of steps changed θₖ (see ChunkBounds) */}
          <tspan>
            {off === 'left' ? '◂ ' : ''}
            {offLabel}
            {off === 'right' ? ' ▸' : ''}
          </tspan>
          <tspan x={off === 'left' ? 6 : innerWidth - 6} dy={15}>
            {offNote}
          </tspan>
        </text>
      )}
    </g>
  );
}

/**
 * A 1-D loss curve with a run of gradient descent on it: the steps joined along the
 * curve, the ball at the current θ_k with its tangent, the next step −η∇L drawn along
 * the θ axis, and the start θ₀ as a handle the reader drags along the curve.
 */
export function CurveView({
  problem,
  points,
  current,
  next,
  lang,
  onStart,
  highlight,
  setHighlight,
  startName,
  lrName,
  height = 320,
  minWidth = 280,
  tone = 'sym1',
}: CurveViewProps) {
  const w = OPT_WORDS[lang];
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(boxRef, { fallback: 560, min: minWidth, max: 760 });
  const xSpec = useMemo(() => ({ domain: problem.x }), [problem]);
  const ySpec = useMemo(() => ({ domain: problem.y }), [problem]);
  const f = useCallback((t: number) => problem.f([t]), [problem]);
  const x0 = points[0][0];
  const [lo, hi] = problem.x;
  const onMove = useCallback(
    (nx: number) => onStart(Math.max(lo, Math.min(hi, Math.round(nx * 100) / 100))),
    [onStart, lo, hi],
  );
  const inside = x0 >= lo && x0 <= hi;
  return (
    <div
      className="opt-curve"
      ref={boxRef}
      onMouseEnter={() => setHighlight(startName)}
      onMouseLeave={() => setHighlight(null)}
    >
      <PlotFrame width={width} height={height} margin={MARGIN} x={xSpec} y={ySpec} interactive>
        <AxisBottom label={w.theta} ticks={width < 360 ? 4 : 8} />
        <AxisLeft label={w.loss} ticks={height < 260 ? 4 : 5} grid />
        <Curve f={f} tone="axis" className="opt-loss-curve" />
        <CurveMarks
          problem={problem}
          points={points}
          current={current}
          next={next}
          highlight={highlight}
          lrName={lrName}
          tone={tone}
          offLabel={`θ${subscript(Math.min(points.length - 1, Math.round(current)))} = ${formatNumber(
            points[Math.min(points.length - 1, Math.round(current))][0],
            { digits: 3, notation: 'significant', lang },
          )}`}
          offNote={`(${w.offPlot})`}
        />
        {inside && (
          <DraggablePoint
            x={x0}
            y={problem.f([x0])}
            onMove={(nx) => onMove(nx)}
            constrain={(nx) => [nx, problem.f([nx])]}
            label={w.startHandle}
            roleDescription={w.handleRole}
            valueText={(nx) => `θ₀ = ${formatFixed(nx, 2, lang)}`}
            tone="sym3"
            className={cx(highlight === startName && 'is-highlighted')}
          />
        )}
      </PlotFrame>
    </div>
  );
}
