import { scaleLinear } from 'd3-scale';
import { memo, useMemo, useRef } from 'react';
import { Curve } from '../../plots/Curve';
import { formatFixed } from '../../plots/formatNumber';
import { FrameProvider, makeFrame, type Frame } from '../../plots/frame';
import { Heatmap } from '../../plots/Heatmap';
import { makeColorScale } from '../../plots/colorScale';
import { PlotFrame } from '../../plots/PlotFrame';
import { usePlotSize } from '../../plots/usePlotSize';
import { gelu, relu } from '../../math';
import type { Lang, PlotProps } from '../../ui/card/types';
import {
  BRANCH_Y,
  DIAGRAM_BOTTOM,
  HEIGHT,
  KEY_TOP,
  NARROW,
  NODE_LABELS,
  ON_BRANCH,
  PANELS_TOP,
  STREAM_Y,
  matrixGeometry,
  nodeXs,
  placePanels,
  stagePanels,
  type BarsPanel,
  type CurvePanel,
  type Panel,
  type Placed,
} from './layout';
import { LAST_STAGE, STAGES, STAGE_NAMES, VOCAB } from './model';
import type { TransformerResult, TransformerValues } from './model';
import './transformer.css';

const WIDTH = { fallback: 680, min: 340, max: 760 };
const NO_MARGIN = { top: 0, right: 0, bottom: 0, left: 0 };

const WORDS = {
  en: {
    stream: 'residual stream, n×d',
    stage: (k: number, name: string) => `Step ${k} of ${LAST_STAGE}: ${name}`,
    open: (k: number, name: string) => `Open step ${k}: ${name}`,
    sentence: 'sentence',
    was: 'original',
    key: 'colour: value',
    changed: 'outlined: changed by the edit',
    masked: 'grey: hidden by the mask',
    changedShort: 'outline: changed',
    maskedShort: 'grey: masked',
    weights: 'weight',
    p: 'p',
    x: 'x',
    fx: 'f(x)',
    random: 'random weights, seed',
  },
  'zh-TW': {
    stream: '殘差流，n×d',
    stage: (k: number, name: string) => `第 ${k} 步（共 ${LAST_STAGE} 步）：${name}`,
    open: (k: number, name: string) => `開啟第 ${k} 步：${name}`,
    sentence: '句子',
    was: '原句',
    key: '顏色：數值',
    changed: '外框：因修改而改變',
    masked: '灰色：被遮罩擋住',
    changedShort: '外框：改變',
    maskedShort: '灰：遮罩',
    weights: '權重',
    p: 'p',
    x: 'x',
    fx: 'f(x)',
    random: '隨機權重，種子',
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** The residual stream: the line every stage adds to, and a node per stage (click to open it). */
const Stream = memo(function Stream({
  r,
  width,
  lang,
  onStage,
}: {
  r: TransformerResult;
  width: number;
  lang: Lang;
  onStage: (k: number) => void;
}) {
  const xs = nodeXs(width);
  const narrow = width < NARROW;
  const rad = narrow ? 10 : 15;
  const mid = (a: number, b: number) => (xs[a] + xs[b]) / 2;
  const branch = (from: number, to: number) =>
    `M${mid(from, from + 1)},${STREAM_Y}V${BRANCH_Y}H${xs[to]}V${STREAM_Y - rad - 3}`;
  const dot = narrow ? 4 : 5;
  const w = WORDS[lang];
  const words = VOCAB[lang];
  const sentence = r.run.tokens.map((id) => words[id]).join(' ');
  const original = r.original.tokens.map((id) => words[id]).join(' ');
  const edited = r.run !== r.original;
  return (
    <g className="tf-stream">
      <text className="tf-sentence" x={4} y={14} aria-hidden="true">
        {`${w.sentence}: ${sentence} → ?`}
      </text>
      <text className="tf-sentence is-original" x={4} y={30} aria-hidden="true">
        {edited ? `${w.was}: ${original}` : `${w.random} ${r.seed}`}
      </text>
      <path
        className="tf-stream-line"
        d={`M${xs[0]},${STREAM_Y}H${xs[LAST_STAGE]}`}
        aria-hidden="true"
      />
      <path className="tf-branch-line" d={branch(0, 3)} aria-hidden="true" />
      <path className="tf-branch-line" d={branch(3, 6)} aria-hidden="true" />
      <text
        className="tf-stream-label"
        aria-hidden="true"
        x={xs[LAST_STAGE] + rad}
        y={STREAM_Y - rad - 8}
        textAnchor="end"
      >
        {narrow ? '' : w.stream}
      </text>
      {STAGES.map((id, k) => {
        const cy = ON_BRANCH[id] ? BRANCH_Y : STREAM_Y;
        const cls = k === r.stage ? ' is-current' : k < r.stage ? ' is-done' : '';
        const changed = r.changed[k];
        const dotsWidth = changed.length * (dot + 1) - 1;
        return (
          <g
            key={id}
            className={`tf-node${cls}`}
            data-stage={k}
            role="button"
            tabIndex={0}
            aria-label={w.open(k, STAGE_NAMES[id][lang])}
            aria-current={k === r.stage ? 'step' : undefined}
            onClick={() => onStage(k)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              onStage(k);
            }}
          >
            <circle cx={xs[k]} cy={cy} r={rad} />
            <text
              className={narrow ? 'tf-node-label is-narrow' : 'tf-node-label'}
              x={xs[k]}
              y={cy}
              dy="0.35em"
              textAnchor="middle"
            >
              {NODE_LABELS[id]}
            </text>
            {edited &&
              changed.map((c, i) => (
                <rect
                  key={i}
                  className={c ? 'tf-dot is-changed' : 'tf-dot'}
                  x={xs[k] - dotsWidth / 2 + i * (dot + 1)}
                  y={cy + rad + 4}
                  width={dot}
                  height={dot}
                />
              ))}
          </g>
        );
      })}
      <line
        className="tf-rule"
        x1={0}
        x2={width}
        y1={DIAGRAM_BOTTOM}
        y2={DIAGRAM_BOTTOM}
        aria-hidden="true"
      />
    </g>
  );
});

/** One matrix as a heatmap with its title, token rows, column numbers, mask and changed rows. */
function MatrixPanel({ p, narrow, n }: { p: Placed<Panel>; narrow: boolean; n: number }) {
  const { panel } = p;
  const g = matrixGeometry(p, narrow, n);
  const values = panel.masked
    ? panel.values.map((row, i) => row.map((v, j) => (panel.masked![i][j] ? NaN : v)))
    : panel.values;
  const changed = panel.original
    ? panel.values.map((row, i) => row.some((v, j) => Math.abs(v - panel.original![i][j]) > 1e-9))
    : null;
  const stagger = panel.colLabels.some((l) => l.length > 2) && g.cw < 40;
  return (
    <g className="tf-panel">
      <text className="tf-panel-title" x={p.x} y={p.y + 11}>
        {panel.title}
      </text>
      <Heatmap
        values={values}
        color={panel.color}
        extent={{ x: [g.left, g.right], y: [g.top, g.bottom] }}
        render="svg"
      />
      {panel.rowLabels.map((label, i) => (
        <text
          key={`r${i}`}
          className={panel.editedRows[i] ? 'tf-label is-edited' : 'tf-label'}
          x={g.left - 5}
          y={g.top + (i + 0.5) * g.ch}
          dy="0.33em"
          textAnchor="end"
        >
          {label}
        </text>
      ))}
      {panel.colLabels.map((label, j) =>
        label === '' ? null : (
          <text
            key={`c${j}`}
            className="tf-col-label"
            x={g.left + (j + 0.5) * g.cw}
            y={g.top - 4 - (stagger && j % 2 === 1 ? 9 : 0)}
            textAnchor="middle"
          >
            {label}
          </text>
        ),
      )}
      {changed?.map((c, i) =>
        c ? (
          <rect
            key={`x${i}`}
            className="tf-changed"
            x={g.left}
            y={g.top + i * g.ch}
            width={g.right - g.left}
            height={g.ch}
          />
        ) : null,
      )}
    </g>
  );
}

const CURVE_X: [number, number] = [-3, 3];
const CURVE_Y: [number, number] = [-0.5, 3];

/** GELU beside ReLU, with the last token's pre-activations marked on GELU. */
function CurveChart({ p, lang }: { p: Placed<CurvePanel>; lang: Lang }) {
  const w = WORDS[lang];
  const left = p.x + 30;
  const right = p.x + p.width - 8;
  const top = p.y + 22;
  const bottom = p.y + p.height - 12;
  const frame: Frame = useMemo(() => {
    const base = makeFrame(p.width, p.height, NO_MARGIN);
    return {
      ...base,
      innerHeight: bottom,
      x: scaleLinear().domain(CURVE_X).range([left, right]) as unknown as Frame['x'],
      y: scaleLinear().domain(CURVE_Y).range([bottom, top]) as unknown as Frame['y'],
      hasScales: true,
    };
  }, [p.width, p.height, left, right, top, bottom]);
  const x = frame.x;
  const y = frame.y;
  return (
    <g className="tf-panel tf-curve">
      <text className="tf-panel-title" x={p.x} y={p.y + 11}>
        {p.panel.title}
      </text>
      <line className="tf-axis" x1={left} x2={right} y1={y(0)} y2={y(0)} />
      <line className="tf-axis" x1={x(0)} x2={x(0)} y1={top} y2={bottom} />
      {[-2, 2].map((t) => (
        <text key={t} className="tf-tick" x={x(t)} y={y(0) + 12} textAnchor="middle">
          {formatFixed(t, 0)}
        </text>
      ))}
      {[1, 2].map((t) => (
        <text key={t} className="tf-tick" x={x(0) - 4} y={y(t)} dy="0.33em" textAnchor="end">
          {formatFixed(t, 0)}
        </text>
      ))}
      <text className="tf-axis-title" x={right} y={y(0) - 4} textAnchor="end">
        {w.x}
      </text>
      <text className="tf-axis-title" x={x(0) + 4} y={top + 8}>
        {w.fx}
      </text>
      <FrameProvider frame={frame}>
        <Curve f={relu} tone="axis" stroke="dashed" thin />
        <Curve f={gelu} tone="sym5" />
      </FrameProvider>
      <text className="tf-legend sym-5" x={left + 4} y={top + 24}>
        GELU
      </text>
      <text className="tf-legend is-relu" x={left + 4} y={top + 38}>
        ReLU
      </text>
      {p.panel.xs.map((h, i) => {
        const hx = Math.max(CURVE_X[0], Math.min(CURVE_X[1], h));
        return <circle key={i} className="tf-point" cx={x(hx)} cy={y(gelu(hx))} r={3} />;
      })}
    </g>
  );
}

/** The next-token distribution of the last token as bars, the original sentence's outlined. */
function BarsChart({ p, narrow, lang }: { p: Placed<BarsPanel>; narrow: boolean; lang: Lang }) {
  const w = WORDS[lang];
  const { panel } = p;
  const left = p.x + 40;
  const right = p.x + p.width - 4;
  const top = p.y + 34;
  const bottom = p.y + p.height - (narrow ? 34 : 24);
  const peak = Math.max(...panel.p, ...(panel.original ?? [0]));
  const hi = peak > 0.5 ? 1 : peak > 0.25 ? 0.5 : 0.25;
  const y = scaleLinear().domain([0, hi]).range([bottom, top]);
  const band = (right - left) / panel.p.length;
  const ticks = [0, hi / 2, hi];
  const best = panel.p.indexOf(Math.max(...panel.p));
  return (
    <g className="tf-panel tf-bars">
      <text className="tf-panel-title" x={p.x} y={p.y + 11}>
        {panel.title}
      </text>
      {ticks.map((t) => (
        <g key={t}>
          <line className="tf-grid" x1={left} x2={right} y1={y(t)} y2={y(t)} />
          <text className="tf-tick" x={left - 5} y={y(t)} dy="0.33em" textAnchor="end">
            {formatFixed(t, 2)}
          </text>
        </g>
      ))}
      <text className="tf-axis-title" x={p.x} y={top - 10}>
        {w.p}
      </text>
      {panel.p.map((v, j) => (
        <rect
          key={`b${j}`}
          className={j === best ? 'tf-bar is-best' : 'tf-bar'}
          x={left + j * band + band * 0.15}
          y={y(v)}
          width={band * 0.7}
          height={Math.max(0, bottom - y(v))}
        />
      ))}
      {panel.original?.map((v, j) => (
        <rect
          key={`o${j}`}
          className="tf-bar-original"
          x={left + j * band + band * 0.05}
          y={y(v)}
          width={band * 0.9}
          height={Math.max(0, bottom - y(v))}
        />
      ))}
      {panel.p.map((v, j) => (
        <text
          key={`v${j}`}
          className="tf-bar-value"
          x={left + (j + 0.5) * band}
          y={y(v) - 3}
          textAnchor="middle"
        >
          {narrow ? formatFixed(v * 100, 0) : formatFixed(v, 2)}
        </text>
      ))}
      {panel.words.map((word, j) => (
        <text
          key={`w${j}`}
          className="tf-col-label"
          x={left + (j + 0.5) * band}
          y={bottom + 14 + (narrow && j % 2 === 1 ? 12 : 0)}
          textAnchor="middle"
        >
          {word}
        </text>
      ))}
    </g>
  );
}

/** The colour key of the stage's matrices, and what outlines and grey cells mean. */
function Key({
  panels,
  width,
  lang,
  edited,
}: {
  panels: Placed[];
  width: number;
  lang: Lang;
  edited: boolean;
}) {
  const w = WORDS[lang];
  const first = panels.find((p) => p.panel.kind === 'matrix') as Placed<Panel> | undefined;
  if (!first) return null;
  const spec =
    panels
      .map((p) => (p.panel.kind === 'matrix' ? p.panel.color : null))
      .find((c) => c !== null && c.kind === 'diverging') ?? first.panel.color;
  const scale = makeColorScale(spec);
  const stops = [0, 0.25, 0.5, 0.75, 1];
  const y = KEY_TOP;
  const narrow = width < NARROW;
  const sw = narrow ? 18 : 26;
  // a narrow swatch holds no label of its own: every other one is labelled
  const labelled = (k: number) => !narrow || k % 2 === 0;
  const x0 = lang === 'en' ? 80 : 64;
  const sequential = panels
    .map((p) => (p.panel.kind === 'matrix' ? p.panel.color : null))
    .find((c) => c !== null && c.kind === 'sequential');
  const weights = sequential ? makeColorScale(sequential) : null;
  const wx = x0 + 5 * sw + (lang === 'en' ? 52 : 40);
  const notesX = weights ? wx + 5 * sw + 10 : x0 + 5 * sw + 10;
  const masked = panels.some(
    (p) => p.panel.kind === 'matrix' && p.panel.masked?.some((r) => r.includes(true)),
  );
  const notes = [
    edited ? (narrow ? w.changedShort : w.changed) : null,
    masked ? (narrow ? w.maskedShort : w.masked) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <g className="tf-key">
      <text className="tf-key-label" x={0} y={y + 9}>
        {w.key}
      </text>
      {stops.map((t, k) => {
        const v = scale.valueAt(t);
        return (
          <g key={k}>
            <rect x={x0 + k * sw} y={y} width={sw} height={10} fill={scale(v) ?? undefined} />
            {labelled(k) && (
              <text className="tf-tick" x={x0 + k * sw + sw / 2} y={y + 21} textAnchor="middle">
                {formatFixed(v, Math.abs(v) < 1 && v !== 0 ? 2 : 1)}
              </text>
            )}
          </g>
        );
      })}
      {weights && (
        <>
          <text className="tf-key-label" x={wx - 4} y={y + 9} textAnchor="end">
            {w.weights}
          </text>
          {stops.map((t, k) => (
            <g key={`w${k}`}>
              <rect x={wx + k * sw} y={y} width={sw} height={10} fill={weights(t) ?? undefined} />
              {labelled(k) && (
                <text className="tf-tick" x={wx + k * sw + sw / 2} y={y + 21} textAnchor="middle">
                  {formatFixed(t, narrow ? 1 : 2)}
                </text>
              )}
            </g>
          ))}
        </>
      )}
      {narrow && weights ? null : (
        <text className="tf-key-label" x={notesX} y={y + 9}>
          {notes}
        </text>
      )}
    </g>
  );
}

/**
 * One decoder block on a short sentence: the residual stream as a line with a node per
 * stage (the current one ringed; dots under each node mark the positions an edit changed),
 * and below it the current stage's matrices as heatmaps with their shapes.
 */
export function TransformerPlot({
  result: r,
  lang,
  setValue,
}: PlotProps<TransformerResult, TransformerValues>) {
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(boxRef, WIDTH);
  const narrow = width < NARROW;
  const placed = useMemo(
    () => placePanels(stagePanels(r, lang, narrow), width, r.n),
    [r, lang, narrow, width],
  );
  const w = WORDS[lang];
  const name = STAGE_NAMES[r.stageId][lang];
  return (
    <div className="tf-plot-box" ref={boxRef}>
      {/* interactive: the stream's nodes are buttons; all else is said by the figure's summary */}
      <PlotFrame width={width} height={HEIGHT} margin={NO_MARGIN} className="tf-plot" interactive>
        <Stream r={r} width={width} lang={lang} onStage={(k) => setValue('t', k)} />
        <g aria-hidden="true">
          <text className="tf-stage-title" x={0} y={DIAGRAM_BOTTOM + 22}>
            {w.stage(r.stage, name)}
          </text>
          {placed.map((p, k) =>
            p.panel.kind === 'matrix' ? (
              <MatrixPanel
                key={`${r.stageId}-${k}`}
                p={p as Placed<Panel>}
                narrow={narrow}
                n={r.n}
              />
            ) : p.panel.kind === 'curve' ? (
              <CurveChart key={`${r.stageId}-${k}`} p={p as Placed<CurvePanel>} lang={lang} />
            ) : (
              <BarsChart
                key={`${r.stageId}-${k}`}
                p={p as Placed<BarsPanel>}
                narrow={narrow}
                lang={lang}
              />
            ),
          )}
          <Key panels={placed} width={width} lang={lang} edited={r.run !== r.original} />
        </g>
      </PlotFrame>
    </div>
  );
}

export { PANELS_TOP };
