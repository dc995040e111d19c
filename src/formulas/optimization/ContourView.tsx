import { useCallback, useMemo, useRef } from 'react';
import { AxisBottom, AxisLeft } from '../../plots/Axes';
import { Contour } from '../../plots/Contour';
import { DraggablePoint } from '../../plots/DraggablePoint';
import { useFrame } from '../../plots/frame';
import { formatFixed } from '../../plots/formatNumber';
import { arrowGeometry } from '../../plots/marks';
import { ChunkBounds, PlotFrame } from '../../plots/PlotFrame';
import type { Margin } from '../../plots/PlotFrame';
import { Trajectory } from '../../plots/Trajectory';
import { cx, toneClass, type StrokeStyle, type Tone } from '../../plots/tones';
import { usePlotSize } from '../../plots/usePlotSize';
import type { Lang } from '../../ui/card/types';
import type { Problem } from './problems';
import { OPT_WORDS } from './words';

const MARGIN: Margin = { top: 12, right: 14, bottom: 44, left: 50 };
/** Length in viewBox units of the drawn −∇L direction. */
const GRAD_ARROW = 46;

/** One run drawn over the contours. */
export interface ContourRun {
  key: string;
  points: readonly (readonly number[])[];
  tone: Tone;
  /** A pinned run kept for comparison: drawn faint. */
  ghost?: boolean;
  /** Its dash pattern (default solid), as in the key. */
  stroke?: StrokeStyle;
}

/** An extra arrow at the current point (SGD's full-batch gradient, momentum's velocity). */
export interface ContourArrow {
  key: string;
  /** The vector in data units, drawn from the current point; scaled to `GRAD_ARROW` when `unit`. */
  vector: readonly number[];
  tone: Tone;
  unit?: boolean;
  dashed?: boolean;
}

/** Props of `ContourView`. */
export interface ContourViewProps {
  problem: Problem;
  /** The runs; the first is the main one (its gradient arrow and next step are drawn). */
  runs: readonly ContourRun[];
  current: number;
  /** ∇L at the main run's current point (drawn as −∇L, a direction of fixed length). */
  grad: readonly number[] | null;
  /** θ_{k+1} of the main run, drawn as a dashed step. */
  next: readonly number[] | null;
  /** More arrows at the current point. */
  arrows?: readonly ContourArrow[];
  lang: Lang;
  onStart: (x: number, y: number) => void;
  highlight: string | null;
  setHighlight: (name: string | null) => void;
  startName: string;
  lrName: string;
  /** The largest viewBox height; default 440. */
  maxHeight?: number;
  /** Axis titles; default θ₁ and θ₂. */
  axes?: readonly [string, string];
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** The arrows and the next step of the main run at its current point. */
function CurrentMarks({
  at,
  grad,
  next,
  arrows,
  lrHighlighted,
  gradLabel,
}: {
  at: readonly number[];
  grad: readonly number[] | null;
  next: readonly number[] | null;
  arrows: readonly ContourArrow[];
  lrHighlighted: boolean;
  gradLabel: string;
}) {
  const { x, y } = useFrame();
  const a: [number, number] = [x(at[0]), y(at[1])];
  if (!a.every(Number.isFinite)) return null;
  const far = (v: number) => Math.max(-2000, Math.min(4000, v));
  const list: {
    key: string;
    tail: [number, number];
    head: [number, number];
    tone: Tone;
    dashed?: boolean;
  }[] = [];
  const unitHead = (v: readonly number[]): [number, number] | null => {
    // the direction in pixels (y flips), scaled to a fixed length
    const dx = x(at[0] + v[0]) - a[0];
    const dy = y(at[1] + v[1]) - a[1];
    const len = Math.hypot(dx, dy);
    if (!(len > 1e-9) || !Number.isFinite(len)) return null;
    return [a[0] + (dx / len) * GRAD_ARROW, a[1] + (dy / len) * GRAD_ARROW];
  };
  let label: [number, number] | null = null;
  if (grad) {
    const head = unitHead([-grad[0], -grad[1]]);
    if (head) {
      list.push({ key: 'grad', tail: a, head, tone: 'sym4' });
      label = head;
    }
  }
  for (const ar of arrows) {
    const head = ar.unit
      ? unitHead(ar.vector)
      : ([far(x(at[0] + ar.vector[0])), far(y(at[1] + ar.vector[1]))] as [number, number]);
    if (head && head.every(Number.isFinite))
      list.push({ key: ar.key, tail: a, head, tone: ar.tone, dashed: ar.dashed });
  }
  const n = next ? ([far(x(next[0])), far(y(next[1]))] as [number, number]) : null;
  return (
    <g className="opt-current-marks">
      {n && n.every(Number.isFinite) && (
        <line
          className={cx('opt-next-line tone-sym2', lrHighlighted && 'is-highlighted')}
          x1={r2(a[0])}
          y1={r2(a[1])}
          x2={r2(n[0])}
          y2={r2(n[1])}
        />
      )}
      {list.map((ar) => {
        const g = arrowGeometry(ar.tail, ar.head, 9);
        if (!g) return null;
        return (
          <g key={ar.key} className={cx('opt-arrow', toneClass(ar.tone))}>
            <line
              className={cx('opt-arrow-shaft', ar.dashed && 'stroke-dashed')}
              x1={r2(ar.tail[0])}
              y1={r2(ar.tail[1])}
              x2={r2(g.shaft[0])}
              y2={r2(g.shaft[1])}
            />
            <path className="opt-arrow-head" d={g.head} />
          </g>
        );
      })}
      {label && (
        <text className="plot-halo opt-arrow-label" x={r2(label[0] + 4)} y={r2(label[1] - 6)}>
          {gradLabel}
        </text>
      )}
    </g>
  );
}

/**
 * A contour plot of a 2-D loss with runs over it: each run's path up to the current
 * step, the main run's −∇L direction and next step at its current point, and the start
 * θ₀ as a handle the reader drags (or moves with the arrow keys).
 */
export function ContourView({
  problem,
  runs,
  current,
  grad,
  next,
  arrows = [],
  lang,
  onStart,
  highlight,
  setHighlight,
  startName,
  lrName,
  maxHeight = 440,
  axes,
}: ContourViewProps) {
  const w = OPT_WORDS[lang];
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(boxRef, { fallback: 520, min: 280, max: 640 });
  const spanX = problem.x[1] - problem.x[0];
  const spanY = problem.y[1] - problem.y[0];
  const innerW = width - MARGIN.left - MARGIN.right;
  const height = Math.round(
    Math.min(maxHeight, innerW * (spanY / spanX)) + MARGIN.top + MARGIN.bottom,
  );
  const xSpec = useMemo(() => ({ domain: problem.x }), [problem]);
  const ySpec = useMemo(() => ({ domain: problem.y }), [problem]);
  // the loss above its minimum, so levels can be spread in logs
  const f = useCallback((a: number, b: number) => problem.f([a, b]) - problem.fMin, [problem]);
  const main = runs[0];
  const k = Math.max(0, Math.min(main.points.length - 1, Math.round(current)));
  const at = main.points[k];
  const start = main.points[0];
  const [x0, x1] = problem.x;
  const [y0, y1] = problem.y;
  const inside = start[0] >= x0 && start[0] <= x1 && start[1] >= y0 && start[1] <= y1;
  const snap = (v: number) => Math.round(v * 100) / 100;
  return (
    <div
      className="opt-contour"
      ref={boxRef}
      onMouseEnter={() => setHighlight(startName)}
      onMouseLeave={() => setHighlight(null)}
    >
      <PlotFrame width={width} height={height} margin={MARGIN} x={xSpec} y={ySpec} interactive>
        <Contour f={f} thresholds={12} spacing="log" resolution={72} scheme="viridis" />
        <AxisBottom label={axes?.[0] ?? w.x1} ticks={6} />
        <AxisLeft label={axes?.[1] ?? w.x2} ticks={6} />
        <g className="opt-runs">
          <ChunkBounds />
          {runs
            .slice()
            .reverse()
            .map((r) => (
              <Trajectory
                key={r.key}
                points={r.points as readonly (readonly [number, number])[]}
                current={r.ghost ? undefined : Math.min(k, r.points.length - 1)}
                tone={r.tone}
                stroke={r.stroke}
                className={cx('opt-trajectory', r.ghost && 'is-ghost')}
              />
            ))}
          {/* each trajectory's clip group ends a paint chunk: the marks after it start another */}
          <ChunkBounds />
          <CurrentMarks
            at={at}
            grad={grad}
            next={next}
            arrows={arrows}
            lrHighlighted={highlight === lrName}
            gradLabel="−∇L"
          />
        </g>
        {inside && (
          <DraggablePoint
            x={start[0]}
            y={start[1]}
            onMove={(a, b) => onStart(snap(a), snap(b))}
            label={w.startHandle}
            roleDescription={w.handleRole}
            valueText={(a, b) => `θ₀ = (${formatFixed(a, 2, lang)}, ${formatFixed(b, 2, lang)})`}
            tone="sym3"
            className={cx(highlight === startName && 'is-highlighted')}
          />
        )}
      </PlotFrame>
    </div>
  );
}
