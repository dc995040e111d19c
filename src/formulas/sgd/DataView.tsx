import { useMemo, useRef } from 'react';
import { AxisBottom, AxisLeft } from '../../plots/Axes';
import { useFrame } from '../../plots/frame';
import { ChunkBounds, PlotFrame } from '../../plots/PlotFrame';
import type { Margin } from '../../plots/PlotFrame';
import { usePlotSize } from '../../plots/usePlotSize';
import type { LineData } from './data';
import { X_MAX } from './data';

const MARGIN: Margin = { top: 12, right: 14, bottom: 44, left: 46 };

/** Props of `DataView`. */
export interface DataViewProps {
  data: LineData;
  /** Indices of the current minibatch. */
  batch: readonly number[];
  /** The current line y = w x + b and the least-squares line. */
  w: number;
  b: number;
  best: readonly [number, number];
  xLabel: string;
  yLabel: string;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

function DataMarks({ data, batch, w, b, best }: Omit<DataViewProps, 'xLabel' | 'yLabel'>) {
  const { x, y, innerHeight } = useFrame();
  const inBatch = new Set(batch);
  const [y0, y1] = y.domain();
  const lim = (v: number) => Math.max(-innerHeight, Math.min(2 * innerHeight, v));
  const line = (sw: number, sb: number) => ({
    x1: 0,
    y1: r2(lim(y(sb))),
    x2: r2(x(X_MAX)),
    y2: r2(lim(y(sw * X_MAX + sb))),
  });
  const fitted = line(w, b);
  const ls = line(best[0], best[1]);
  const ok = [y0, y1].every(Number.isFinite);
  return (
    <g className="sgd-data-marks">
      <ChunkBounds />
      {ok && <line className="sgd-best-line" {...ls} />}
      {ok && Object.values(fitted).every(Number.isFinite) && (
        <line className="sgd-fit-line tone-sym1" {...fitted} />
      )}
      {data.x.map((xi, i) => (
        <circle
          key={i}
          className={inBatch.has(i) ? 'sgd-point is-batch tone-sym5' : 'sgd-point'}
          cx={r2(x(xi))}
          cy={r2(y(data.y[i]))}
          r={inBatch.has(i) ? 5 : 3.5}
        />
      ))}
    </g>
  );
}

/** The dataset as points, the current minibatch highlighted, with the current and the best line. */
export function DataView(props: DataViewProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(boxRef, { fallback: 420, min: 260, max: 640 });
  const ys = props.data.y;
  const ySpec = useMemo(() => {
    const lo = Math.min(...ys);
    const hi = Math.max(...ys);
    return { domain: [Math.floor(lo - 0.5), Math.ceil(hi + 0.5)] as const };
  }, [ys]);
  const xSpec = useMemo(() => ({ domain: [0, X_MAX] as const }), []);
  return (
    <div className="sgd-data" ref={boxRef}>
      <PlotFrame width={width} height={250} margin={MARGIN} x={xSpec} y={ySpec}>
        <AxisBottom label={props.xLabel} ticks={5} />
        <AxisLeft label={props.yLabel} ticks={5} grid />
        <DataMarks {...props} />
      </PlotFrame>
    </div>
  );
}
