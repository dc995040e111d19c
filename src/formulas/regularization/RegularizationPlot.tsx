import { line } from 'd3-shape';
import { useCallback, useId, useMemo, useRef, type ReactNode } from 'react';
import {
  AxisBottom,
  AxisLeft,
  Bars,
  ChunkBounds,
  Contour,
  Curve,
  DraggablePoint,
  Legend,
  PlotFrame,
  Point,
  Segment,
  Trajectory,
  barCenter,
  formatNumber,
  useFrame,
  usePlotSize,
  type LegendItem,
  type Margin,
  type PlotSizeBounds,
  PLOT_FONT,
} from '../../plots';
import type { Lang, PlotProps } from '../../ui/card/types';
import { useWorkerCompute } from '../../ui/worker/useWorkerCompute';
import { NOISE, N_TRAIN, trueCurve } from './data';
import { LAMBDA_MAX, LAMBDA_MIN, PATH_LAMBDAS, fitPaths, polyValue } from './fit';
import type { FitPaths, PathInput } from './fit';
import { W_STAR, bowl, geometryAt, levelEllipse } from './geometry';
import { OFFSET_MAX, subscript } from './model';
import type { RegularizationResult, RegularizationValues } from './model';
import { WORDS, formatWeight } from './words';
import './regularization.css';

/** The paths' worker (Vite bundles the file with its imports from src/math). */
const pathsWorker = () =>
  new Worker(new URL('./paths.worker.ts', import.meta.url), { type: 'module' });

/** The fit's value axis; a point moved past it is drawn at its edge. */
export const Y_DOMAIN: readonly [number, number] = [-3.5, 3.5];
const X_DOMAIN: readonly [number, number] = [-1.05, 1.05];
/** The two-weight picture's window, the same scale on both axes. */
const W1_DOMAIN: readonly [number, number] = [-0.75, 2.5];
const W2_DOMAIN: readonly [number, number] = [-0.75, 1.75];

/** The legends' labels are 12px in every mode (regularization.css), measured so. */
const LEGEND_FONT = PLOT_FONT.replace('13px', '12px');

const WIDE: PlotSizeBounds = { fallback: 640, min: 300, max: 760 };
const SMALL: PlotSizeBounds = { fallback: 320, min: 280, max: 480 };

/** A panel: a title and a plot as wide as its column. */
function Panel({
  title,
  className,
  bounds,
  children,
}: {
  title: string;
  className: string;
  bounds: PlotSizeBounds;
  children: (width: number) => ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(ref, bounds);
  return (
    <div className={`reg-panel ${className}`}>
      <div className="reg-panel-title">{title}</div>
      <div className="reg-panel-body" ref={ref}>
        {children(width)}
      </div>
    </div>
  );
}

const clampY = (v: number) => Math.max(Y_DOMAIN[0], Math.min(Y_DOMAIN[1], v));

/** A clip rectangle over the frame's inner area, for curves that leave it. */
function ClipRect({ id }: { id: string }) {
  const { innerWidth, innerHeight } = useFrame();
  return (
    <defs>
      <clipPath id={id}>
        <rect x={0} y={0} width={innerWidth} height={innerHeight} />
      </clipPath>
    </defs>
  );
}

/** A vertical line at the current λ across the frame. */
function LambdaLine({ lambda, active }: { lambda: number; active: boolean }) {
  const { x, innerHeight } = useFrame();
  const px = x(lambda);
  if (!Number.isFinite(px)) return null;
  return (
    <line
      className={`reg-lambda-line tone-sym2${active ? ' is-highlighted' : ''}`}
      x1={px}
      x2={px}
      y1={0}
      y2={innerHeight}
      aria-hidden="true"
    />
  );
}

/** Ticks of the λ axis: every other power of ten. */
const LAMBDA_TICKS = [1e-8, 1e-6, 1e-4, 1e-2, 1];
const lambdaTick = (v: number) => `10${superscript(Math.round(Math.log10(v)))}`;
const SUPERSCRIPTS: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};
function superscript(k: number): string {
  return String(k)
    .split('')
    .map((c) => SUPERSCRIPTS[c] ?? c)
    .join('');
}

interface FitPanelProps {
  r: RegularizationResult;
  lang: Lang;
  width: number;
  highlight: string | null;
  setHighlight: (name: string | null) => void;
  onMovePoint: (i: number, offset: number) => void;
}

const FIT_MARGIN: Margin = { top: 46, right: 12, bottom: 46, left: 48 };

/** The fit: training points (draggable), held-out points, the true curve and the fitted polynomial. */
function FitPanel({ r, lang, width, highlight, setHighlight, onMovePoint }: FitPanelProps) {
  const w = WORDS[lang];
  const clipId = `reg-fit-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const weights = r.w;
  const fitted = useCallback((x: number) => polyValue(weights, x), [weights]);
  const height = width < 420 ? 300 : 320;
  const legend: LegendItem[] = useMemo(
    () => [
      { label: w.trainPoints, tone: 'sym4', kind: 'point' },
      { label: w.testPoints, tone: 'sym6', kind: 'point' },
      { label: w.trueCurve, tone: 'muted', kind: 'dashed' },
      { label: w.fitCurve(r.degree), tone: 'sym1', kind: 'line' },
    ],
    [w, r.degree],
  );
  const hl = (name: string) => (highlight === name ? ' is-highlighted' : '');
  return (
    <PlotFrame
      width={width}
      height={height}
      margin={FIT_MARGIN}
      x={{ domain: X_DOMAIN }}
      y={{ domain: Y_DOMAIN }}
      className="reg-fit"
      interactive
    >
      <Legend items={legend} y={-FIT_MARGIN.top + 2} font={LEGEND_FONT} />
      <AxisBottom label="x" ticks={5} />
      <AxisLeft label="y" ticks={7} grid />
      <ClipRect id={clipId} />
      <ChunkBounds />
      <g aria-hidden="true">
        {r.testX.map((x, i) => (
          <Point key={i} x={x} y={clampY(r.testY[i])} tone="sym6" r={2.5} className="reg-test" />
        ))}
      </g>
      <g clipPath={`url(#${clipId})`}>
        <ChunkBounds />
        <Curve f={trueCurve} tone="muted" stroke="dashed" thin />
        <Curve f={fitted} tone="sym1" className={`reg-fit-curve${hl('degree')}`} samples={160} />
      </g>
      <ChunkBounds />
      {/* Each point's move from where it was drawn, one line per point always (an unmoved
          one has no length, under its point): a line added or removed as a point leaves or
          returns to 0 made Chromium work out its layers again now and then. */}
      <g aria-hidden="true">
        {r.x.map((x, i) => (
          <Segment
            key={i}
            from={[x, clampY(r.y0[i])]}
            to={[x, clampY(r.y[i])]}
            tone="sym4"
            stroke="dotted"
          />
        ))}
      </g>
      <g
        className={`reg-points${hl('moved')}`}
        onMouseEnter={() => setHighlight('moved')}
        onMouseLeave={() => setHighlight(null)}
      >
        {r.x.map((x, i) => (
          <DraggablePoint
            key={i}
            x={x}
            y={clampY(r.y[i])}
            tone="sym4"
            r={5}
            label={w.pointLabel(i + 1)}
            roleDescription={w.pointRole}
            valueText={(_px, py) => w.pointValue(x, py, lang)}
            constrain={(_nx, ny) => {
              const offset = Math.max(-OFFSET_MAX, Math.min(OFFSET_MAX, ny - r.y0[i]));
              return [x, r.y0[i] + Math.round(offset * 100) / 100];
            }}
            onMove={(_nx, ny) =>
              onMovePoint(
                i,
                Math.round(Math.max(-OFFSET_MAX, Math.min(OFFSET_MAX, ny - r.y0[i])) * 100) / 100,
              )
            }
          />
        ))}
      </g>
      <OffPlotNote r={r} lang={lang} />
      <ChunkBounds />
      <text className="reg-readout" x={FIT_MARGIN.left > 0 ? 6 : 0} y={14}>
        {w.errors(formatNumber(r.train, 3), formatNumber(r.test, 3))}
      </text>
    </PlotFrame>
  );
}

/** Names the training points beyond the value axis (drawn at its edge) and their true y. */
function OffPlotNote({ r, lang }: { r: RegularizationResult; lang: Lang }) {
  const { innerWidth, innerHeight } = useFrame();
  const off = r.y.map((y, i) => ({ y, i })).filter(({ y }) => y < Y_DOMAIN[0] || y > Y_DOMAIN[1]);
  if (off.length === 0) return null;
  const text = WORDS[lang].offPlot(
    off.map(({ y, i }) => `${i + 1} (y = ${formatNumber(y, { digits: 2, lang })})`).join(', '),
  );
  return (
    <text className="reg-off-note" x={innerWidth - 4} y={innerHeight - 6} textAnchor="end">
      {text}
    </text>
  );
}

const BAR_MARGIN: Margin = { top: 18, right: 10, bottom: 46, left: 60 };

/** The weights w₀ … w_d as bars; a weight that is exactly 0 is ringed and labelled 0. */
function WeightsPanel({ r, lang, width }: { r: RegularizationResult; lang: Lang; width: number }) {
  const w = WORDS[lang];
  const height = 240;
  const m = Math.max(0.5, ...r.w.map((v) => Math.abs(v)));
  const data = useMemo(() => r.w.map((v, k) => ({ label: `w${subscript(k)}`, value: v })), [r.w]);
  const inner = width - BAR_MARGIN.left - BAR_MARGIN.right;
  return (
    <PlotFrame
      width={width}
      height={height}
      margin={BAR_MARGIN}
      x={{ domain: [0, 1] }}
      y={{ domain: [-m * 1.15, m * 1.15], nice: true }}
      className="reg-weights"
    >
      <AxisLeft label={w.weightAxis} ticks={5} grid />
      <ChunkBounds />
      <Bars data={data} tone="sym1" padding={0.25} />
      <ZeroMarks r={r} />
      <g className="reg-bar-labels">
        {data.map((d, k) => (
          <text
            key={k}
            className={`reg-bar-name${k === 0 ? ' is-free' : ''}`}
            x={barCenter(k, data.length, inner, 0.25)}
            y={height - BAR_MARGIN.top - BAR_MARGIN.bottom + 16}
            textAnchor="middle"
          >
            {d.label}
          </text>
        ))}
      </g>
      <text
        className="reg-caption"
        x={inner / 2}
        y={height - BAR_MARGIN.top - BAR_MARGIN.bottom + 36}
        textAnchor="middle"
      >
        {w.weightsCaption(r.kind, r.zeros, r.degree)}
      </text>
    </PlotFrame>
  );
}

/** Rings and "0" labels at the weights that are exactly 0, with the value of the others. */
function ZeroMarks({ r }: { r: RegularizationResult }) {
  const { y, innerWidth } = useFrame();
  const y0 = y(0);
  const n = r.w.length;
  return (
    <g aria-hidden="true">
      {r.w.map((v, k) => {
        const cx = barCenter(k, n, innerWidth, 0.25);
        if (v === 0 && k > 0) {
          return (
            <g key={k} className="reg-zero tone-sym5">
              <circle cx={cx} cy={y0} r={6} />
              <text x={cx} y={y0 - 10} textAnchor="middle">
                0
              </text>
            </g>
          );
        }
        return n <= 7 ? (
          <text
            key={k}
            className="reg-bar-value"
            x={cx}
            y={v >= 0 ? y(v) - 5 : y(v) + 13}
            textAnchor="middle"
          >
            {formatWeight(v)}
          </text>
        ) : null;
      })}
    </g>
  );
}

const PATH_MARGIN: Margin = { top: 18, right: 12, bottom: 46, left: 60 };

/** How far up the coefficient path's axis reaches: its weights from λ = 10⁻⁵ on (smaller λ may run off, clipped). */
function pathLimit(paths: FitPaths | undefined, w: readonly number[]): number {
  let m = Math.max(0.5, ...w.map((v) => Math.abs(v)));
  if (paths) {
    paths.lambdas.forEach((l, j) => {
      if (l >= 1e-5) for (const v of paths.weights[j]) m = Math.max(m, Math.abs(v));
    });
  }
  return Math.min(m, 60);
}

/** The lines w_k(λ) of the coefficient path, in the frame's pixels. */
function PathLines({ paths, clipId }: { paths: FitPaths; clipId: string }) {
  const { x, y } = useFrame();
  const d = useMemo(() => {
    const gen = line<[number, number]>();
    const k = paths.weights[0]?.length ?? 0;
    return Array.from(
      { length: k - 1 },
      (_, i) =>
        gen(
          paths.lambdas.map((l, j) => {
            const v = y(paths.weights[j][i + 1]);
            return [x(l), Math.max(-1e4, Math.min(1e4, v))];
          }),
        ) ?? '',
    );
  }, [paths, x, y]);
  return (
    <g clipPath={`url(#${clipId})`} aria-hidden="true">
      <ChunkBounds />
      {d.map((p, i) => (
        <path key={i} className="kit-line tone-sym1 reg-path-line" d={p} />
      ))}
    </g>
  );
}

/** The coefficient path: every penalized weight against λ (log), the current λ marked. */
function PathPanel({
  r,
  paths,
  lang,
  width,
  highlight,
}: {
  r: RegularizationResult;
  paths: FitPaths | undefined;
  lang: Lang;
  width: number;
  highlight: string | null;
}) {
  const w = WORDS[lang];
  const clipId = `reg-path-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const limit = pathLimit(paths, r.w);
  return (
    <PlotFrame
      width={width}
      height={240}
      margin={PATH_MARGIN}
      x={{ domain: [LAMBDA_MIN, LAMBDA_MAX], scale: 'log' }}
      y={{ domain: [-limit * 1.1, limit * 1.1], nice: true }}
      className="reg-path"
    >
      <AxisBottom label={w.lambdaAxis} tickValues={LAMBDA_TICKS} format={lambdaTick} />
      <AxisLeft label={w.weightAxisPath} ticks={5} grid />
      <ClipRect id={clipId} />
      <ChunkBounds />
      {paths && <PathLines paths={paths} clipId={clipId} />}
      <ChunkBounds />
      <LambdaLine lambda={r.lambda} active={highlight === 'lambda'} />
      <g aria-hidden="true">
        {r.w
          .slice(1)
          .map((v, k) =>
            Math.abs(v) <= limit * 1.1 ? (
              <Point
                key={k}
                x={r.lambda}
                y={v}
                r={3.5}
                tone={v === 0 ? 'sym5' : 'sym1'}
                className="reg-path-dot"
              />
            ) : null,
          )}
      </g>
    </PlotFrame>
  );
}

const ERR_MARGIN: Margin = { top: 40, right: 12, bottom: 46, left: 60 };

/** Training and held-out MSE against λ (both log), the current λ and the best held-out λ marked. */
function ErrorPanel({
  r,
  paths,
  lang,
  width,
  highlight,
}: {
  r: RegularizationResult;
  paths: FitPaths | undefined;
  lang: Lang;
  width: number;
  highlight: string | null;
}) {
  const w = WORDS[lang];
  const clipId = `reg-err-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const all = paths ? [...paths.train, ...paths.test] : [];
  // Whole decades, so a tick that moves an error a little leaves the axis (and its ticks'
  // groups) where they are: a moved tick group makes Chromium work out its layers again.
  const lo =
    10 **
    Math.floor(
      Math.log10(Math.max(1e-4, Math.min(NOISE * NOISE * 0.5, r.train, r.test, ...all) * 0.8)),
    );
  const hi =
    10 ** Math.ceil(Math.log10(Math.min(1e3, Math.max(1, r.train, r.test, ...all) * 1.25)));
  const legend: LegendItem[] = useMemo(
    () => [
      { label: w.trainError, tone: 'sym4', kind: 'line' },
      { label: w.testError, tone: 'sym6', kind: 'line' },
      { label: w.noiseFloor, tone: 'muted', kind: 'dashed' },
    ],
    [w],
  );
  return (
    <PlotFrame
      width={width}
      height={250}
      margin={ERR_MARGIN}
      x={{ domain: [LAMBDA_MIN, LAMBDA_MAX], scale: 'log' }}
      y={{ domain: [lo, hi], scale: 'log' }}
      className="reg-errors"
    >
      <Legend items={legend} y={-ERR_MARGIN.top + 2} font={LEGEND_FONT} />
      <AxisBottom label={w.lambdaAxis} tickValues={LAMBDA_TICKS} format={lambdaTick} />
      <AxisLeft label={w.mseAxis} ticks={4} grid />
      <ClipRect id={clipId} />
      <ChunkBounds />
      <g clipPath={`url(#${clipId})`} aria-hidden="true">
        <ChunkBounds />
        <Segment
          from={[LAMBDA_MIN, NOISE * NOISE]}
          to={[LAMBDA_MAX, NOISE * NOISE]}
          tone="muted"
          stroke="dashed"
          thin
        />
        {paths && <ErrorLines paths={paths} />}
      </g>
      <ChunkBounds />
      <LambdaLine lambda={r.lambda} active={highlight === 'lambda'} />
      {paths && (
        <BestMark lambda={paths.lambdas[paths.best]} value={paths.test[paths.best]} lang={lang} />
      )}
      <Point x={r.lambda} y={r.train} tone="sym4" r={5} />
      <Point x={r.lambda} y={r.test} tone="sym6" r={5} />
    </PlotFrame>
  );
}

function ErrorLines({ paths }: { paths: FitPaths }) {
  const { x, y } = useFrame();
  const d = useMemo(() => {
    const gen = line<number>()
      .x((_v, j) => x(paths.lambdas[j]))
      .y((v) => y(Math.max(1e-6, v)));
    return { train: gen(paths.train) ?? '', test: gen(paths.test) ?? '' };
  }, [paths, x, y]);
  return (
    <>
      <path className="kit-line tone-sym4" d={d.train} />
      <path className="kit-line tone-sym6" d={d.test} />
    </>
  );
}

function BestMark({ lambda, value, lang }: { lambda: number; value: number; lang: Lang }) {
  const { x, y, innerWidth } = useFrame();
  const px = x(lambda);
  const py = y(value);
  if (!Number.isFinite(px) || !Number.isFinite(py)) return null;
  const right = px < innerWidth * 0.6;
  return (
    <g className="reg-best tone-sym6" aria-hidden="true">
      <line x1={px} x2={px} y1={4} y2={py + 6} />
      <path d={`M${px},${py + 6} l-5,9 h10 z`} />
      <text x={px + (right ? 5 : -5)} y={12} textAnchor={right ? 'start' : 'end'}>
        {WORDS[lang].best}
      </text>
    </g>
  );
}

const GEO_MARGIN: Margin = { top: 40, right: 12, bottom: 44, left: 48 };
const GEO_THRESHOLDS = [0.05, 0.2, 0.5, 1, 1.6, 2.4, 3.4, 4.6, 6];

/** The optima of both penalties at every λ of the grid (fixed: the bowl does not depend on the data). */
function useGeometryPaths() {
  return useMemo(() => PATH_LAMBDAS.map((l) => geometryAt(l)), []);
}

/**
 * The two-weight picture: the bowl's level lines, the L1 diamond and the L2 circle
 * through their optima at λ, the level line each touches, and each optimum's path as λ grows.
 */
function GeometryPanel({
  r,
  lang,
  width,
  highlight,
}: {
  r: RegularizationResult;
  lang: Lang;
  width: number;
  highlight: string | null;
}) {
  const w = WORDS[lang];
  const clipId = `reg-geo-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const innerW = width - GEO_MARGIN.left - GEO_MARGIN.right;
  const unit = innerW / (W1_DOMAIN[1] - W1_DOMAIN[0]);
  const height =
    Math.round(unit * (W2_DOMAIN[1] - W2_DOMAIN[0])) + GEO_MARGIN.top + GEO_MARGIN.bottom;
  const g = r.geometry;
  const grid = useGeometryPaths();
  const upTo = (pick: (k: number) => [number, number]) => {
    const pts: [number, number][] = [W_STAR as [number, number]];
    PATH_LAMBDAS.forEach((l, k) => {
      if (l <= r.lambda) pts.push(pick(k));
    });
    return pts;
  };
  const l1Path = upTo((k) => grid[k].l1);
  l1Path.push(g.l1);
  const l2Path = upTo((k) => grid[k].l2);
  l2Path.push(g.l2);
  const legend: LegendItem[] = useMemo(
    () => [
      { label: w.diamond, tone: 'sym7', kind: r.kind === 1 ? 'line' : 'dashed' },
      { label: w.circle, tone: 'sym8', kind: r.kind === 2 ? 'line' : 'dashed' },
      { label: w.unregularized, tone: 'accent', kind: 'point' },
    ],
    [w, r.kind],
  );
  return (
    <PlotFrame
      width={width}
      height={height}
      margin={GEO_MARGIN}
      x={{ domain: W1_DOMAIN }}
      y={{ domain: W2_DOMAIN }}
      className="reg-geometry"
    >
      <Legend items={legend} y={-GEO_MARGIN.top + 2} font={LEGEND_FONT} />
      <Contour
        f={bowl}
        thresholds={GEO_THRESHOLDS}
        bands={false}
        lines
        tone="faint"
        resolution={60}
      />
      <AxisBottom label="w₁" ticks={5} />
      <AxisLeft label="w₂" ticks={4} />
      <Axes0 />
      <ClipRect id={clipId} />
      <ChunkBounds />
      <g clipPath={`url(#${clipId})`} aria-hidden="true">
        <ChunkBounds />
        <Shapes g={g} kind={r.kind} active={highlight === 'lambda'} />
      </g>
      <Trajectory points={l2Path} tone="sym8" className="reg-geo-path" />
      <ChunkBounds />
      <Trajectory points={l1Path} tone="sym7" className="reg-geo-path" />
      <ChunkBounds />
      <Point x={W_STAR[0]} y={W_STAR[1]} tone="accent" r={4} />
    </PlotFrame>
  );
}

/** The lines w₁ = 0 and w₂ = 0, where a weight is exactly 0. */
function Axes0() {
  const { x, y, innerWidth, innerHeight } = useFrame();
  return (
    <g className="reg-axes0" aria-hidden="true">
      <line x1={x(0)} x2={x(0)} y1={0} y2={innerHeight} />
      <line x1={0} x2={innerWidth} y1={y(0)} y2={y(0)} />
    </g>
  );
}

/** The diamond, the circle and the level line through each optimum, in pixels. */
function Shapes({
  g,
  kind,
  active,
}: {
  g: RegularizationResult['geometry'];
  kind: 1 | 2;
  active: boolean;
}) {
  const { x, y } = useFrame();
  const t = g.diamond;
  const diamond = `M${x(t)},${y(0)}L${x(0)},${y(t)}L${x(-t)},${y(0)}L${x(0)},${y(-t)}Z`;
  const rx = Math.abs(x(g.radius) - x(0));
  const ry = Math.abs(y(g.radius) - y(0));
  const ellipse = (c: number) => {
    const pts = levelEllipse(c);
    return pts.length ? `M${pts.map(([a, b]) => `${x(a)},${y(b)}`).join('L')}Z` : '';
  };
  const hl = active ? ' is-highlighted' : '';
  return (
    <>
      <path
        className={`reg-level tone-sym7${kind === 1 ? '' : ' is-other'}`}
        d={ellipse(g.l1Loss)}
      />
      <path
        className={`reg-level tone-sym8${kind === 2 ? '' : ' is-other'}`}
        d={ellipse(g.l2Loss)}
      />
      {t > 0 && (
        <path className={`reg-region tone-sym7${kind === 1 ? hl : ' is-other'}`} d={diamond} />
      )}
      {g.radius > 0 && (
        <ellipse
          className={`reg-region tone-sym8${kind === 2 ? hl : ' is-other'}`}
          cx={x(0)}
          cy={y(0)}
          rx={rx}
          ry={ry}
        />
      )}
    </>
  );
}

/**
 * The page's plot: the fit with draggable points, the weights, the coefficient path and
 * the training and held-out error over λ, and the two-weight picture of both penalties.
 */
export function RegularizationPlot({
  values,
  result: r,
  lang,
  highlight,
  setHighlight,
  setValue,
}: PlotProps<RegularizationResult, RegularizationValues>) {
  const w = WORDS[lang];
  const movedKey = r.offsets.join(',');
  const input = useMemo<PathInput>(
    () => ({
      kind: r.kind,
      degree: r.degree,
      seed: r.seed,
      offsets: movedKey.split(',').map(Number),
    }),
    [r.kind, r.degree, r.seed, movedKey],
  );
  const paths = useWorkerCompute(fitPaths, input, pathsWorker).value ?? undefined;
  const moved = values.moved;
  const onMovePoint = useCallback(
    (i: number, offset: number) => {
      const next = Array.from({ length: N_TRAIN }, (_, k) => moved[k] ?? 0);
      next[i] = offset;
      setValue('moved', next);
    },
    [moved, setValue],
  );
  return (
    <div className="reg-plot">
      <Panel title={w.fitTitle} className="reg-panel-fit" bounds={WIDE}>
        {(width) => (
          <FitPanel
            r={r}
            lang={lang}
            width={width}
            highlight={highlight}
            setHighlight={setHighlight}
            onMovePoint={onMovePoint}
          />
        )}
      </Panel>
      <Panel title={w.weightsTitle} className="reg-panel-weights" bounds={SMALL}>
        {(width) => <WeightsPanel r={r} lang={lang} width={width} />}
      </Panel>
      <Panel title={w.errorTitle} className="reg-panel-errors" bounds={SMALL}>
        {(width) => (
          <ErrorPanel r={r} paths={paths} lang={lang} width={width} highlight={highlight} />
        )}
      </Panel>
      <Panel title={w.pathTitle} className="reg-panel-path" bounds={SMALL}>
        {(width) => (
          <PathPanel r={r} paths={paths} lang={lang} width={width} highlight={highlight} />
        )}
      </Panel>
      <Panel title={w.geometryTitle} className="reg-panel-geometry" bounds={SMALL}>
        {(width) => <GeometryPanel r={r} lang={lang} width={width} highlight={highlight} />}
      </Panel>
    </div>
  );
}
