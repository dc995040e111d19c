import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { PointerEvent } from 'react';
import { useId, useMemo } from 'react';
import type { Bilingual, Lang, PlotProps } from '../formulas/types';
import { AxisBottom, AxisLeft } from './Axes';
import { formatNumber } from './formatNumber';
import { innerSize, PlotFrame } from './PlotFrame';
import type { Interval } from './vanishingIntervals';
import './activationPlot.css';

/** The numbers an activation page computes for the current x. */
export interface ActivationResult {
  x: number;
  /** f(x) */
  y: number;
  /** f′(x), the slope of the tangent */
  dy: number;
  /** |f′(x)| below the page's threshold */
  vanishing: boolean;
}

/** A faint comparison curve (another activation). */
export interface CompareCurve {
  name: string;
  f: (x: number) => number;
}

/** Everything fixed about one activation's plot: curves, ranges, shaded regions. */
export interface ActivationPlotConfig {
  /** Plain-text name for the legend, e.g. "σ" or "ReLU". */
  name: string;
  f: (x: number) => number;
  df: (x: number) => number;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  /** Where |f′| is below the threshold (shaded). */
  regions: readonly Interval[];
  regionLabel: Bilingual;
  compare: readonly CompareCurve[];
  /** Slider step of x, for snapping when x is dragged in the plot. */
  step: number;
}

const WIDTH = 640;
const HEIGHT = 380;
const MARGIN = { top: 40, right: 20, bottom: 44, left: 56 };
const { innerWidth, innerHeight } = innerSize(WIDTH, HEIGHT, MARGIN);
const SAMPLES = 240;
/** Consecutive samples differing by more than this are a jump (ReLU′ at 0): the path breaks. */
const JUMP = 0.5;
const DASHES = ['1 4', '8 3 1 3'];

const AXIS_LABELS: Record<Lang, { x: string; y: string }> = {
  en: { x: 'input x', y: 'output and slope' },
  'zh-TW': { x: '輸入 x', y: '輸出值與斜率' },
};
const SLOPE: Bilingual = { en: 'slope', 'zh-TW': '斜率' };

type Pt = readonly [number, number];

/** Samples f on the domain (x = 0 included for symmetric domains), breaking the path at jumps. */
function sample(f: (x: number) => number, [a, b]: readonly [number, number]): (Pt | null)[] {
  const pts: (Pt | null)[] = [];
  let prev: number | null = null;
  for (let k = 0; k <= SAMPLES; k++) {
    const x = a + ((b - a) * k) / SAMPLES;
    const y = f(x);
    if (!Number.isFinite(y)) {
      pts.push(null);
      prev = null;
      continue;
    }
    if (prev !== null && Math.abs(y - prev) > JUMP) pts.push(null);
    pts.push([x, y]);
    prev = y;
  }
  return pts;
}

interface LegendItem {
  label: string;
  className: string;
  dash?: string;
  /** x offset in the legend row */
  at: number;
}

function legendItems(config: ActivationPlotConfig, showCompare: boolean): LegendItem[] {
  const items: Omit<LegendItem, 'at'>[] = [
    { label: `${config.name}(x)`, className: 'series sym-2' },
    { label: `${config.name}′(x)`, className: 'series series-derivative sym-3' },
  ];
  if (showCompare) {
    config.compare.forEach((c, i) =>
      items.push({
        label: `${c.name}(x)`,
        className: 'series series-faint',
        dash: DASHES[i % DASHES.length],
      }),
    );
  }
  const offsets = items.map((_, i) =>
    items.slice(0, i).reduce((sum, it) => sum + 48 + it.label.length * 7.5, 0),
  );
  return items.map((it, i) => ({ ...it, at: offsets[i] }));
}

/**
 * An activation f and its derivative f′ over x, with the current x marked on
 * both curves, the tangent line of slope f′(x), the shaded regions where the
 * gradient vanishes, and faint curves of other activations for comparison.
 */
export function ActivationPlot({
  config,
  values,
  result,
  lang,
  highlight,
  setHighlight,
  setValue,
}: PlotProps<ActivationResult> & { config: ActivationPlotConfig }) {
  const clipId = `act-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  // The curves depend on the x-range only: a slider tick moves the point and tangent.
  const fixed = useMemo(() => {
    const x = scaleLinear().domain(config.xDomain).range([0, innerWidth]);
    const y = scaleLinear().domain(config.yDomain).range([innerHeight, 0]);
    const path = line<Pt | null>()
      .defined((p) => p !== null)
      .x((p) => x(p![0]))
      .y((p) => y(p![1]));
    return {
      x,
      y,
      fPath: path(sample(config.f, config.xDomain)) ?? '',
      dfPath: path(sample(config.df, config.xDomain)) ?? '',
      comparePaths: config.compare.map((c) => ({
        name: c.name,
        d: path(sample(c.f, config.xDomain)) ?? '',
        // Label where the curve leaves the plot or at the right end.
        end: (() => {
          const xr = config.xDomain[1];
          const yr = Math.min(Math.max(c.f(xr), config.yDomain[0]), config.yDomain[1]);
          return [x(xr), y(yr)] as const;
        })(),
      })),
    };
  }, [config]);
  const { x, y } = fixed;

  const showCompare = values.compare !== false;
  const x0 = Number.isFinite(result.x) ? result.x : 0;
  const y0 = Number.isFinite(result.y) ? result.y : 0;
  const dy0 = Number.isFinite(result.dy) ? result.dy : 0;
  const [xa, xb] = config.xDomain;
  const px = x(x0);
  const clampY = (v: number) => Math.min(Math.max(v, config.yDomain[0]), config.yDomain[1]);
  const pyF = y(clampY(y0));
  const pyDf = y(clampY(dy0));
  const highlighted = highlight === 'x';

  const onPointer = (e: PointerEvent<SVGRectElement>) => {
    if (e.type === 'pointermove' && e.buttons === 0) return;
    const r = e.currentTarget.getBoundingClientRect();
    if (!(r.width > 0)) return;
    const raw = x.invert(((e.clientX - r.left) / r.width) * innerWidth);
    const snapped = Math.round(raw / config.step) * config.step;
    const clamped = Math.min(Math.max(snapped, xa), xb);
    setValue('x', Number(clamped.toFixed(6)));
  };

  const legend = legendItems(config, showCompare);

  const slopeText = `${SLOPE[lang]} ${formatNumber(dy0, 3)}`;
  const labelLeft = px > innerWidth * 0.7;

  return (
    <div className="activation-plot">
      <PlotFrame width={WIDTH} height={HEIGHT} margin={MARGIN}>
        <defs>
          <clipPath id={clipId}>
            <rect width={innerWidth} height={innerHeight} />
          </clipPath>
        </defs>
        {config.regions.map(([a, b]) => {
          const left = x(a);
          const w = x(b) - left;
          const atTop = a <= xa;
          return (
            <g className="region" key={`${a}-${b}`}>
              <rect className="region-vanishing" x={left} y={0} width={w} height={innerHeight} />
              {w > 60 && (
                <text
                  className="region-label"
                  x={left + w / 2}
                  y={atTop ? 16 : innerHeight - 8}
                  textAnchor="middle"
                >
                  {config.regionLabel[lang]}
                </text>
              )}
            </g>
          );
        })}
        <AxisLeft scale={y} size={innerWidth} label={AXIS_LABELS[lang].y} grid />
        <AxisBottom scale={x} size={innerHeight} label={AXIS_LABELS[lang].x} grid />
        {y.domain()[0] < 0 && (
          <line className="axis-line zero-line" x1={0} x2={innerWidth} y1={y(0)} y2={y(0)} />
        )}
        <g clipPath={`url(#${clipId})`}>
          {showCompare &&
            fixed.comparePaths.map((c, i) => (
              <path
                key={c.name}
                className="series series-faint"
                d={c.d}
                strokeDasharray={DASHES[i % DASHES.length]}
              />
            ))}
          <path className="series series-derivative sym-3" d={fixed.dfPath} />
          <path className="series sym-2" d={fixed.fPath} />
          <line
            className="tangent sym-2"
            x1={0}
            x2={innerWidth}
            y1={y(y0 + dy0 * (xa - x0))}
            y2={y(y0 + dy0 * (xb - x0))}
          />
        </g>
        {showCompare &&
          fixed.comparePaths.map((c) => (
            <text
              key={c.name}
              className="compare-label"
              x={c.end[0] - 4}
              y={c.end[1] - 6}
              textAnchor="end"
            >
              {c.name}
            </text>
          ))}
        <rect
          className="drag-surface"
          width={innerWidth}
          height={innerHeight}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture?.(e.pointerId);
            onPointer(e);
          }}
          onPointerMove={onPointer}
        />
        <g
          className={highlighted ? 'x-marker sym-1 is-highlighted' : 'x-marker sym-1'}
          onPointerEnter={() => setHighlight('x')}
          onPointerLeave={() => setHighlight(null)}
        >
          <line className="x-guide" x1={px} x2={px} y1={0} y2={innerHeight} />
          <path className="x-caret" d={`M${px},${innerHeight} l-6,9 h12 z`} />
          <circle
            className="current-point derivative-point sym-3"
            cx={px}
            cy={pyDf}
            r={highlighted ? 7 : 5}
          />
          <circle className="current-point sym-2" cx={px} cy={pyF} r={highlighted ? 8 : 6} />
          <text
            className="point-label sym-2"
            x={px + (labelLeft ? -10 : 10)}
            y={Math.max(pyF - 10, 12)}
            textAnchor={labelLeft ? 'end' : 'start'}
          >
            {`${config.name}(${formatNumber(x0, 2)}) = ${formatNumber(y0, 3)}`}
          </text>
          <text
            className="point-label slope-label sym-3"
            x={px + (labelLeft ? -10 : 10)}
            y={Math.min(pyDf + 18, innerHeight - 4)}
            textAnchor={labelLeft ? 'end' : 'start'}
          >
            {slopeText}
          </text>
        </g>
        <g className="legend" transform={`translate(0,${-MARGIN.top + 14})`}>
          {legend.map((it) => (
            <g key={it.label} transform={`translate(${it.at},0)`}>
              <line
                className={it.className}
                x1={0}
                x2={28}
                y1={0}
                y2={0}
                strokeDasharray={it.dash}
              />
              <text x={34} dy="0.32em">
                {it.label}
              </text>
            </g>
          ))}
        </g>
      </PlotFrame>
    </div>
  );
}

/** Binds a plot component to one activation's fixed configuration. */
export function makeActivationPlot(config: ActivationPlotConfig) {
  function BoundActivationPlot(props: PlotProps<ActivationResult>) {
    return <ActivationPlot {...props} config={config} />;
  }
  BoundActivationPlot.displayName = `ActivationPlot(${config.name})`;
  return BoundActivationPlot;
}
