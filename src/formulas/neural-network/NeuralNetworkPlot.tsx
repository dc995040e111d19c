import { line } from 'd3-shape';
import { memo, useMemo, useRef, useState, type ReactNode } from 'react';
import { mlpPredict, softmax, ACTIVATIONS } from '../../math';
import type { DenseLayer, MlpActivation } from '../../math';
import {
  Arrow,
  AxisBottom,
  AxisLeft,
  ChunkBounds,
  Graph,
  Heatmap,
  Legend,
  Line,
  PLANE_MARGIN,
  Plane,
  planeHeight,
  PlotFrame,
  Point,
  formatFixed,
  usePlotSize,
  useFrame,
} from '../../plots';
import type {
  ColorScale,
  ColorScaleSpec,
  GraphEdge,
  GraphNode,
  Margin,
  PlotSizeBounds,
} from '../../plots';
import type { Lang, PlotProps } from '../../ui/card/types';
import { useWorkerCompute } from '../../ui/worker/useWorkerCompute';
import { EXTENT } from './data';
import { MAX_STEPS, NEURON_SPAN, sub } from './model';
import type { NeuralNetworkResult, NeuralNetworkValues } from './model';
import { createTrainingSession } from './train';
import type { TrainingInput, TrainingOutput } from './train';
import { PLOT_WORDS } from './words';
import './neural-network.css';

const PANEL: PlotSizeBounds = { fallback: 360, min: 260, max: 460 };
const WIDE: PlotSizeBounds = { fallback: 640, min: 300, max: 900 };
const TICKS = [-1, 0, 1];
/** The class colours of the regions and points (also in neural-network.css). */
export const CLASS_COLORS = ['#2166ac', '#d6604d', '#1b7837'] as const;
const NEUTRAL = [247, 247, 247];
/** Cells along a side of a hovered neuron's response. */
const PROBE_GRID = 30;

const worker = () =>
  new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });

function hexRgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** Colours of the decision regions: the winning class's hue, stronger where it is surer. */
export function regionScale(classes: number): ColorScale {
  const rgb = CLASS_COLORS.slice(0, classes).map(hexRgb);
  const scale = ((v: number) => {
    if (!Number.isFinite(v)) return null;
    const k = Math.max(0, Math.min(classes - 1, Math.floor(v)));
    const p = 2 * (v - k);
    const sure = Math.max(0, Math.min(1, (p - 1 / classes) / (1 - 1 / classes)));
    const a = 0.1 + 0.45 * sure;
    const c = rgb[k].map((ch, i) => Math.round(NEUTRAL[i] + (ch - NEUTRAL[i]) * a));
    return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
  }) as ColorScale;
  scale.spec = { kind: 'sequential', domain: [0, classes] };
  scale.valueAt = (t) => t * classes;
  scale.position = (v) => Math.max(0, Math.min(1, v / classes));
  scale.ticks = () => [];
  return scale;
}

/** The colour scale of an activation's outputs over [lo, hi]. */
function outputSpec(activation: MlpActivation, [lo, hi]: [number, number]): ColorScaleSpec {
  return activation === 'tanh'
    ? { kind: 'diverging', domain: [-1, 0, 1], reverse: true }
    : { kind: 'sequential', domain: [lo, hi] };
}

function Panel({
  title,
  className,
  bounds,
  children,
}: {
  title: ReactNode;
  className: string;
  bounds: PlotSizeBounds;
  /**
   * The viewBox width, and whether the page is presenting with this panel in a narrow column
   * (one of the three of a wide screen, neural-network.css; false until measured).
   */
  children: (width: number, narrowPresent: boolean) => ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { width, presentHeight, columnWidth } = usePlotSize(ref, bounds);
  const narrowPresent = presentHeight !== null && columnWidth !== null && columnWidth < 480;
  return (
    <div className={`nn-panel ${className}`}>
      <div className="nn-panel-title">{title}</div>
      <div className="nn-panel-body" ref={ref}>
        {children(width, narrowPresent)}
      </div>
    </div>
  );
}

/**
 * A plane's marks in an SVG of their own laid over the plane, above the canvas its heatmap
 * draws on (the dense kit lays a canvas over its SVG): same viewBox, margins and scales.
 */
function Overlay({ width, span, children }: { width: number; span: number; children: ReactNode }) {
  return (
    <PlotFrame
      width={width}
      height={planeHeight(width)}
      margin={PLANE_MARGIN}
      x={{ domain: [-span, span] }}
      y={{ domain: [-span, span] }}
      className="nn-overlay"
    >
      {children}
    </PlotFrame>
  );
}

/** The neuron's plane: its output as a heatmap, the boundary w·x + b = 0, w, the input and the four corners. */
const NeuronPlane = memo(function NeuronPlane({
  r,
  values,
  width,
  lang,
  highlight,
  setHighlight,
}: {
  r: NeuralNetworkResult;
  values: NeuralNetworkValues;
  width: number;
  lang: Lang;
  highlight: string | null;
  setHighlight: (n: string | null) => void;
}) {
  const w = PLOT_WORDS[lang];
  const [w1, w2] = values.w;
  const n2 = w1 * w1 + w2 * w2;
  const foot: [number, number] = r.flat ? [0, 0] : [(-values.b * w1) / n2, (-values.b * w2) / n2];
  const len = Math.sqrt(n2);
  const tip: [number, number] = r.flat
    ? foot
    : [foot[0] + (0.5 * w1) / len, foot[1] + (0.5 * w2) / len];
  const hl = (name: string) => (highlight === name ? ' is-highlighted' : '');
  return (
    <div className="nn-stack">
      <Plane
        width={width}
        span={NEURON_SPAN}
        ticks={TICKS}
        xLabel="x₁"
        yLabel="x₂"
        className="nn-plane"
      >
        <ChunkBounds />
        <Heatmap
          values={r.grid}
          color={outputSpec(r.activation, r.range)}
          origin="bottom"
          extent={{ x: [-NEURON_SPAN, NEURON_SPAN], y: [-NEURON_SPAN, NEURON_SPAN] }}
          lang={lang}
        />
      </Plane>
      <Overlay width={width} span={NEURON_SPAN}>
        <ChunkBounds />
        <g
          className={`nn-boundary-group${hl('b')}`}
          onMouseEnter={() => setHighlight('b')}
          onMouseLeave={() => setHighlight(null)}
        >
          {!r.flat && (
            <Line
              through={[foot, [foot[0] - w2, foot[1] + w1]]}
              tone="sym3"
              className="nn-boundary"
            />
          )}
        </g>
        <g className={`nn-w${hl('w')}`}>
          {!r.flat && <Arrow tail={foot} head={tip} tone="sym2" />}
        </g>
        <g className="nn-corners" aria-hidden="true">
          {r.truth.map((row, i) => (
            <Corner key={i} x={row.x} target={row.target} right={row.fires === row.target} />
          ))}
        </g>
        <g className={`nn-input${hl('x')}`}>
          <Point x={values.x[0]} y={values.x[1]} tone="sym1" r={6} />
        </g>
        <NeuronReadout text={w.neuronReadout(r.z, r.y)} />
      </Overlay>
    </div>
  );
});

function NeuronReadout({ text }: { text: string }) {
  const { innerWidth, innerHeight } = useFrame();
  return (
    <text className="nn-readout" x={innerWidth - 6} y={innerHeight - 8} textAnchor="end">
      {text}
    </text>
  );
}

function Corner({ x, target, right }: { x: [number, number]; target: 0 | 1; right: boolean }) {
  const frame = useFrame();
  const cx = frame.x(x[0]);
  const cy = frame.y(x[1]);
  return (
    <g className={`nn-corner${target ? ' is-one' : ''}${right ? ' is-right' : ''}`}>
      <circle cx={cx} cy={cy} r={8} />
      <text x={cx} y={cy - 12} textAnchor="middle">
        {target}
      </text>
    </g>
  );
}

/** The truth table of the challenge, with the neuron's answers. */
function TruthTable({ r, lang }: { r: NeuralNetworkResult; lang: Lang }) {
  const w = PLOT_WORDS[lang];
  const done = r.correct === 4;
  return (
    <div className="nn-truth">
      <table className="nn-truth-table">
        <caption>{w.truthCaption(r.gate)}</caption>
        <thead>
          <tr>
            <th scope="col">x₁</th>
            <th scope="col">x₂</th>
            <th scope="col">{w.target}</th>
            <th scope="col">z</th>
            <th scope="col">y</th>
            <th scope="col">{w.fires}</th>
          </tr>
        </thead>
        <tbody>
          {r.truth.map((row, i) => (
            <tr key={i} className={row.fires === row.target ? 'is-right' : 'is-wrong'}>
              <td>{row.x[0]}</td>
              <td>{row.x[1]}</td>
              <td>{row.target}</td>
              <td>{formatFixed(row.z, 2, lang)}</td>
              <td>{formatFixed(row.y, 2, lang)}</td>
              <td>
                {row.fires} {row.fires === row.target ? '✓' : '✗'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={`nn-verdict${done ? ' is-done' : ''}`}>
        {r.gate === 'xor' ? w.xorWhy(r.correct) : done ? w.solved(r.gate) : w.progress(r.correct)}
      </p>
    </div>
  );
}

/** The network's nodes and edges, weights from `layers`. */
function graphOf(layers: readonly DenseLayer[], sizes: readonly number[], lang: Lang) {
  const w = PLOT_WORDS[lang];
  const last = sizes.length - 1;
  const nodes: GraphNode[] = [];
  sizes.forEach((n, l) => {
    for (let j = 0; j < n; j++) {
      const label = l === 0 ? `x${sub(j + 1)}` : l === last ? `p${sub(j + 1)}` : String(j + 1);
      nodes.push({
        id: `n${l}-${j}`,
        layer: l,
        label,
        name: l === 0 ? label : w.nodeName(l, j, l === last),
        tone: l === 0 ? 'sym1' : l === last ? 'sym4' : 'axis',
      });
    }
  });
  const edges: GraphEdge[] = [];
  layers.forEach((layer, k) =>
    layer.W.forEach((row, r) =>
      row.forEach((weight, c) => edges.push({ from: `n${k}-${c}`, to: `n${k + 1}-${r}`, weight })),
    ),
  );
  return { nodes, edges };
}

/** What one node responds to over the data plane: a hidden neuron's activation, an output's probability. */
function probeGrid(
  layers: readonly DenseLayer[],
  activation: MlpActivation,
  layer: number,
  unit: number,
  last: number,
): number[][] {
  const f = ACTIVATIONS[activation].f;
  const upTo = layers.slice(0, layer);
  const centre = (i: number) => -EXTENT + ((i + 0.5) * 2 * EXTENT) / PROBE_GRID;
  return Array.from({ length: PROBE_GRID }, (_, r) =>
    Array.from({ length: PROBE_GRID }, (_, c) => {
      const out = mlpPredict(upTo, [centre(c), centre(r)], activation);
      return layer === last ? softmax(out)[unit] : f(out[unit]);
    }),
  );
}

const GRAPH_HEIGHT = 230;
/**
 * Presenting, the graph shares a row with the two planes (neural-network.css): a viewBox as
 * wide as theirs and about as tall, so it is drawn at their scale.
 */
const GRAPH_PRESENT = { width: 360, height: 330 };
const GRAPH_MARGIN: Margin = { top: 12, right: 16, bottom: 12, left: 16 };
const LOSS_MARGIN: Margin = { top: 40, right: 14, bottom: 46, left: 56 };

/** The step axis's end: the next of 100, 250, 500, 1000 past the step shown. */
const stepDomainEnd = (step: number) =>
  [100, 250, 500, MAX_STEPS].find((s) => step <= s) ?? MAX_STEPS;

const LossCurves = memo(function LossCurves({
  out,
  width,
  lang,
  present,
}: {
  out: TrainingOutput | undefined;
  width: number;
  lang: Lang;
  present: boolean;
}) {
  const w = PLOT_WORDS[lang];
  // presenting, flatter: it shares the lower row with the truth table
  const height = Math.round(width * (present ? 0.6 : 0.72));
  const step = out?.step ?? 0;
  const end = stepDomainEnd(step);
  const top = useMemo(() => {
    if (!out) return 1;
    const m = Math.max(...out.trainLoss, ...out.testLoss);
    return Math.max(0.5, Math.ceil(m * 2) / 2);
  }, [out]);
  return (
    <PlotFrame
      width={width}
      height={height}
      margin={LOSS_MARGIN}
      x={{ domain: [0, end] }}
      y={{ domain: [0, Math.min(top, 10)] }}
      className="nn-loss"
    >
      <AxisBottom label={w.step} ticks={5} />
      <AxisLeft label={w.loss} unit={w.nats} ticks={5} />
      <ChunkBounds />
      <LossPaths out={out} />
      <Legend
        items={[
          { label: w.trainLoss, tone: 'sym6', kind: 'line' },
          { label: w.testLoss, tone: 'sym8', kind: 'dashed' },
        ]}
        y={-30}
      />
    </PlotFrame>
  );
});

function LossPaths({ out }: { out: TrainingOutput | undefined }) {
  const { x, y, innerHeight } = useFrame();
  const [y0, y1] = y.domain() as [number, number];
  const path = (ls: readonly number[]) =>
    line<number>()
      .x((_, i) => x(i))
      .y((v) => y(Math.max(y0, Math.min(y1, v))))(ls as number[]) ?? '';
  if (!out) return null;
  return (
    <g className="nn-loss-paths">
      <path className="kit-line tone-sym6" d={path(out.trainLoss)} />
      <path className="kit-line tone-sym8 stroke-dashed" d={path(out.testLoss)} />
      <line className="nn-step-line" x1={x(out.step)} x2={x(out.step)} y1={0} y2={innerHeight} />
    </g>
  );
}

/** The data plane: the decision regions (or a hovered neuron's response) and the points. */
/** The data rectangle the heatmaps tile (one object, so the memoized heatmap keeps its cells). */
const PLANE_EXTENT = { x: [-EXTENT, EXTENT], y: [-EXTENT, EXTENT] } as const;

const RegionsPlane = memo(function RegionsPlane({
  d,
  classes,
  out,
  probe,
  width,
  lang,
}: {
  d: NeuralNetworkResult['dataset'];
  classes: number;
  out: TrainingOutput | undefined;
  probe: { values: number[][]; spec: ColorScaleSpec } | null;
  width: number;
  lang: Lang;
}) {
  const scale = useMemo(() => regionScale(classes), [classes]);
  return (
    <div className="nn-stack">
      <Plane width={width} span={EXTENT} ticks={TICKS} xLabel="x₁" yLabel="x₂" className="nn-plane">
        <ChunkBounds />
        {probe ? (
          <Heatmap
            values={probe.values}
            color={probe.spec}
            origin="bottom"
            extent={PLANE_EXTENT}
            lang={lang}
          />
        ) : out ? (
          <Heatmap
            values={out.regions}
            color={scale}
            origin="bottom"
            extent={PLANE_EXTENT}
            lang={lang}
            render="canvas"
          />
        ) : null}
      </Plane>
      <Overlay width={width} span={EXTENT}>
        <ChunkBounds />
        <DataPoints points={d.points} labels={d.labels} trainCount={d.trainCount} />
      </Overlay>
    </div>
  );
});

function DataPoints({
  points,
  labels,
  trainCount,
}: {
  points: readonly [number, number][];
  labels: readonly number[];
  trainCount: number;
}) {
  const { x, y, innerWidth, innerHeight } = useFrame();
  const clamp = (v: number, hi: number) => Math.max(0, Math.min(hi, v));
  return (
    <g className="nn-points" aria-hidden="true">
      {points.map((p, i) => (
        <circle
          key={i}
          className={`nn-point nn-class-${labels[i]}${i < trainCount ? '' : ' is-test'}`}
          cx={clamp(x(p[0]), innerWidth)}
          cy={clamp(y(p[1]), innerHeight)}
          r={3.5}
        />
      ))}
    </g>
  );
}

/** The page's plot: the neuron and its truth table, then the network trained live. */
export function NeuralNetworkPlot({
  values,
  result: r,
  lang,
  highlight,
  setHighlight,
}: PlotProps<NeuralNetworkResult, NeuralNetworkValues>) {
  const w = PLOT_WORDS[lang];
  const [session] = useState(createTrainingSession);
  const trainingKey = JSON.stringify(r.training);
  const input = useMemo<TrainingInput>(
    () => ({ ...(JSON.parse(trainingKey) as Omit<TrainingInput, 'step'>), step: r.step }),
    [trainingKey, r.step],
  );
  const answer = useWorkerCompute(session, input, worker);
  // an answer for another network than the one asked for is not drawn
  const out =
    answer.value &&
    JSON.stringify(answer.value.layers.map((l) => l.b.length)) === JSON.stringify(r.sizes.slice(1))
      ? answer.value
      : undefined;
  const [probeId, setProbeId] = useState<string | null>(null);
  const layers = out?.layers ?? r.initial;
  const { nodes, edges } = useMemo(() => graphOf(layers, r.sizes, lang), [layers, r.sizes, lang]);
  const last = r.sizes.length - 1;
  const probe = useMemo(() => {
    if (!probeId) return null;
    const [l, j] = probeId.slice(1).split('-').map(Number);
    if (!(l > 0) || l > last || !(j < r.sizes[l])) return null;
    const act = r.training.activation;
    const values = probeGrid(layers, act, l, j, last);
    const spec: ColorScaleSpec =
      l === last
        ? { kind: 'sequential', domain: [0, 1] }
        : act === 'relu'
          ? { kind: 'sequential', domain: [0, Math.max(1e-6, ...values.flat())] }
          : outputSpec(act, [act === 'tanh' ? -1 : 0, 1]);
    return { values, spec, l, j };
  }, [probeId, layers, last, r.sizes, r.training.activation]);
  const status = out ? w.status(out, r.training.classes) : answer.error ? w.failed : w.training;
  return (
    <div className="nn-plot">
      <Panel title={w.neuronTitle} className="nn-panel-neuron" bounds={PANEL}>
        {(width) => (
          <NeuronPlane
            r={r}
            values={values}
            width={width}
            lang={lang}
            highlight={highlight}
            setHighlight={setHighlight}
          />
        )}
      </Panel>
      <div className="nn-panel nn-panel-truth">
        <div className="nn-panel-title">{w.challengeTitle}</div>
        <TruthTable r={r} lang={lang} />
      </div>
      <Panel
        title={w.networkTitle(r.sizes, r.parameterCount)}
        className="nn-panel-graph"
        bounds={WIDE}
      >
        {(width, present) => (
          <PlotFrame
            width={present ? GRAPH_PRESENT.width : width}
            height={present ? GRAPH_PRESENT.height : GRAPH_HEIGHT}
            margin={GRAPH_MARGIN}
            className="nn-graph"
            interactive
          >
            <Graph
              nodes={nodes}
              edges={edges}
              radius={14}
              interactive
              highlight={probeId}
              onHighlight={setProbeId}
              widthRange={[0.5, 4]}
            />
          </PlotFrame>
        )}
      </Panel>
      <Panel
        title={probe ? w.probeTitle(probe.l, probe.j, probe.l === last) : w.regionsTitle}
        className="nn-panel-regions"
        bounds={PANEL}
      >
        {(width) => (
          <RegionsPlane
            d={r.dataset}
            classes={r.training.classes}
            out={out}
            probe={probe}
            width={width}
            lang={lang}
          />
        )}
      </Panel>
      <Panel title={w.lossTitle} className="nn-panel-loss" bounds={PANEL}>
        {(width, present) => <LossCurves out={out} width={width} lang={lang} present={present} />}
      </Panel>
      <p
        className={`nn-status${out?.divergedAt != null ? ' is-warning' : ''}`}
        data-step={out?.step ?? ''}
      >
        {status}
      </p>
      <p className="nn-key">
        <span className="nn-key-item">
          <span className="nn-key-dot nn-class-0" /> {w.classWord(0)}
        </span>
        <span className="nn-key-item">
          <span className="nn-key-dot nn-class-1" /> {w.classWord(1)}
        </span>
        {r.training.classes === 3 && (
          <span className="nn-key-item">
            <span className="nn-key-dot nn-class-2" /> {w.classWord(2)}
          </span>
        )}
        <span className="nn-key-item">
          <span className="nn-key-dot is-test" /> {w.testPoint}
        </span>
        <span className="nn-key-item">{w.hoverHint}</span>
      </p>
    </div>
  );
}
