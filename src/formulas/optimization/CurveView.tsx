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
  tone,
}: Pick<CurveViewProps, 'problem' | 'points' | 'current' | 'next' | 'highlight' | 'lrName'> & {
  offLabel: string;
  tone: Tone;
}) {
  const { x, y, innerWidth, innerHeight } = useFrame();
  const clip = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const k = Math.max(0, Math.min(points.length - 1, Math.round(current)));
  const px = (v: number) => x(v);
  const py = (v: number) => y(v);
  // the run's points on the curve, pinned a little past the frame so no coordinate is huge
  const lim = (v: number, size: number) => Math.max(-size, Math.min(2 * size, v));
  const onCurve = (t: number): [number, number] => [
    Math.round(lim(px(t), innerWidth) * 100) / 100,
    Math.round(lim(py(problem.f([t])), innerHeight) * 100) / 100,
  ];
  let d = '';
  for (let i = 0; i <= k; i++) {
    const [a, b] = onCurve(points[i][0]);
    d += `${i === 0 ? 'M' : 'L'}${a},${b}`;
  }
  const cur = points[k][0];
  const [cx0, cy0] = onCurve(cur);
  const slope = problem.grad([cur])[0];
  // the tangent over a quarter of the window on either side
  const half = (problem.x[1] - problem.x[0]) / 4;
  const t0 = onCurve(cur);
  const ta: [number, number] = [px(cur - half), py(problem.f([cur]) - slope * half)];
  const tb: [number, number] = [px(cur + half), py(problem.f([cur]) + slope * half)];
  const stepTo = next === null ? null : onCurve(next);
  const base = innerHeight - 8;
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
        {[ta, tb].every((p) => p.every(Number.isFinite)) && (
          <line
            className="tangent opt-tangent"
            x1={Math.round(ta[0] * 100) / 100}
            y1={Math.round(lim(ta[1], innerHeight) * 100) / 100}
            x2={Math.round(tb[0] * 100) / 100}
            y2={Math.round(lim(tb[1], innerHeight) * 100) / 100}
          />
        )}
        <path className={cx('opt-steps', toneClass(tone))} d={d} />
        {points.slice(0, k + 1).map((p, i) => {
          const [a, b] = onCurve(p[0]);
          return (
            <circle key={i} className={cx('opt-step-point', toneClass(tone))} cx={a} cy={b} r={3} />
          );
        })}
        {stepTo && (
          <g className={cx('opt-next tone-sym2', hl && 'is-highlighted')}>
            <line className="opt-next-line" x1={cx0} y1={cy0} x2={stepTo[0]} y2={stepTo[1]} />
            <line className="opt-next-base" x1={cx0} y1={base} x2={stepTo[0]} y2={base} />
            <circle className="opt-next-end" cx={stepTo[0]} cy={base} r={3} />
          </g>
        )}
        <circle
          className={cx('current-point opt-ball', toneClass(tone))}
          cx={t0[0]}
          cy={t0[1]}
          r={7}
        />
      </g>
      <ChunkBounds />
      {off && (
        <text
          className={cx('plot-halo opt-off-plot', toneClass(tone))}
          x={off === 'left' ? 6 : innerWidth - 6}
          y={16}
          textAnchor={off === 'left' ? 'start' : 'end'}
        >
          {off === 'left' ? '◂ ' : ''}
          {offLabel}
          {off === 'right' ? ' ▸' : ''}
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
          )} (${w.offPlot})`}
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
