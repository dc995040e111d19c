import { scaleBand, scaleLinear } from 'd3-scale';
import { memo, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { AxisBottom, AxisLeft } from '../../plots/Axes';
import { formatFixed } from '../../plots/formatNumber';
import { setAttr, setAttrs, setText } from '../../plots/liveDom';
import { ChunkBounds, innerSize, PlotFrame } from '../../plots/PlotFrame';
import type { Bilingual, Lang, PlotProps } from '../types';
import type { AttentionPageResult } from './compute';
import { TOKENS } from './compute';
import './attention.css';

const PANEL = 300;
const GRID_MARGIN = { top: 44, right: 8, bottom: 8, left: 56 };
const GRID_SIZE = PANEL - GRID_MARGIN.left - GRID_MARGIN.right;
const GRID_HEIGHT = GRID_MARGIN.top + GRID_SIZE + GRID_MARGIN.bottom;

const BAR_MARGIN = { top: 36, right: 8, bottom: 40, left: 58 };
const BAR_HEIGHT = 260;

const VEC_MARGIN = { top: 46, right: 12, bottom: 44, left: 52 };
const VEC_SIZE = PANEL - VEC_MARGIN.left - VEC_MARGIN.right;
const VEC_HEIGHT = VEC_MARGIN.top + VEC_SIZE + VEC_MARGIN.bottom;
const VEC_DOMAIN = [-3.2, 3.2] as const;
const VEC_TICKS = [-3, -2, -1, 0, 1, 2, 3];
/** The panels have fixed sizes, so their scales are built once. */
const BAR_INNER = innerSize(PANEL, BAR_HEIGHT, BAR_MARGIN);
const BAR_Y = scaleLinear().domain([0, 1]).range([BAR_INNER.innerHeight, 0]);
const VEC_X = scaleLinear().domain(VEC_DOMAIN).range([0, VEC_SIZE]);
const VEC_Y = scaleLinear().domain(VEC_DOMAIN).range([VEC_SIZE, 0]);

const WORDS = {
  key: { en: 'key →', 'zh-TW': '鍵 →' },
  query: { en: 'query ↓', 'zh-TW': '查詢 ↓' },
  scaled: { en: 'scaled ÷√2', 'zh-TW': '縮放 ÷√2' },
  unscaled: { en: 'not scaled', 'zh-TW': '未縮放' },
  weight: { en: 'weight', 'zh-TW': '權重' },
  dim1: { en: 'dimension 1', 'zh-TW': '第 1 維' },
  dim2: { en: 'dimension 2', 'zh-TW': '第 2 維' },
  values: { en: 'values vⱼ', 'zh-TW': '值向量 vⱼ' },
} satisfies Record<string, Bilingual>;

function titles(r: AttentionPageResult, lang: Lang, token: string) {
  const en = lang === 'en';
  const mask = r.causal ? (en ? ' + causal mask' : '＋因果遮罩') : '';
  return {
    scores: r.scaled
      ? `${en ? 'Scores' : '分數'} QKᵀ/√2${mask}`
      : `${en ? 'Scores' : '分數'} QKᵀ${en ? ' (not scaled)' : '（未縮放）'}${mask}`,
    weights: en ? 'Weights: softmax of each row' : '注意力權重：每一列做 Softmax',
    bars: en ? `Weights of “${token}”: scaled vs not` : `「${token}」的權重：縮放與未縮放`,
    vectors: en ? `Values vⱼ and the output of “${token}”` : `值向量 vⱼ 與「${token}」的輸出`,
  };
}

/** An arrow from (x1, y1) to (x2, y2) as one stroked path: shaft and open head. */
function arrow(x1: number, y1: number, x2: number, y2: number, head = 7): string {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  const shaft = `M${x1},${y1}L${x2},${y2}`;
  if (len < 2) return shaft;
  const ux = dx / len;
  const uy = dy / len;
  const h = Math.min(head, len / 2);
  const bx = x2 - ux * h;
  const by = y2 - uy * h;
  const px = -uy * h * 0.55;
  const py = ux * h * 0.55;
  return `${shaft}M${bx + px},${by + py}L${x2},${y2}L${bx - px},${by - py}`;
}

interface GridProps {
  kind: 'scores' | 'weights';
  r: AttentionPageResult;
  tokens: readonly string[];
  lang: Lang;
  hatchId: string;
  setValue: PlotProps<AttentionPageResult>['setValue'];
  setHighlight: PlotProps<AttentionPageResult>['setHighlight'];
}

/** How a cell shows its value: shared by the render and the live update. */
function cellLook(v: number, strength: number, hidden: boolean, maskedText: string) {
  return {
    className: hidden ? 'cell-bg masked' : v < 0 ? 'cell-bg negative' : 'cell-bg',
    fillOpacity: hidden ? undefined : 0.06 + 0.84 * strength,
    text: hidden ? maskedText : formatFixed(v, 2),
  };
}

/** What shades a grid's cells: the weight itself, or a score's size against the largest. */
function gridStrength(kind: GridProps['kind'], r: AttentionPageResult) {
  if (kind === 'weights') return (v: number) => v;
  const maxAbs = Math.max(1e-9, ...r.scores.flat().map(Math.abs));
  return (v: number) => Math.abs(v) / maxAbs;
}

const MASKED_TEXT = { scores: '−∞', weights: '0' } as const;

/** One cell of a grid; memoized, so a tick re-renders only the cells whose value changed. */
const Cell = memo(function Cell({
  x,
  y,
  c,
  v,
  strength,
  hidden,
  maskedText,
  font,
  hatchId,
}: {
  x: number;
  y: number;
  c: number;
  v: number;
  strength: number;
  hidden: boolean;
  maskedText: string;
  font: number;
  hatchId: string;
}) {
  const look = cellLook(v, strength, hidden, maskedText);
  return (
    <g className={hidden ? 'cell is-masked' : 'cell'}>
      <rect
        className={look.className}
        x={x}
        y={y}
        width={c}
        height={c}
        // An inline style: the stylesheet's cell fill would beat a fill attribute.
        style={hidden ? { fill: `url(#${hatchId})` } : undefined}
        fillOpacity={look.fillOpacity}
      />
      <text
        className="cell-value"
        x={x + c / 2}
        y={y + c / 2}
        dy="0.32em"
        textAnchor="middle"
        fontSize={font}
      >
        {look.text}
      </text>
    </g>
  );
});

/** An n×n grid of scores or weights with the selected query row outlined; a click selects a row. */
const MatrixGrid = memo(function MatrixGrid({
  kind,
  r,
  tokens,
  lang,
  hatchId,
  setValue,
  setHighlight,
}: GridProps) {
  const c = GRID_SIZE / r.n;
  const font = r.n >= 6 ? 11 : r.n === 5 ? 12 : 13;
  const m = kind === 'scores' ? r.scores : r.weights;
  const strengthOf = gridStrength(kind, r);
  return (
    <PlotFrame width={PANEL} height={GRID_HEIGHT} margin={GRID_MARGIN} className={`grid-${kind}`}>
      <text className="grid-caption" x={-6} y={-30} textAnchor="end">
        {WORDS.key[lang]}
      </text>
      <text className="grid-caption" x={-6} y={-14} textAnchor="end">
        {WORDS.query[lang]}
      </text>
      {tokens.slice(0, r.n).map((t, j) => (
        <text
          key={`k${j}`}
          className="token-label key-label sym-2"
          x={j * c + c / 2}
          y={-10}
          textAnchor="middle"
        >
          {t}
        </text>
      ))}
      {m.map((row, i) => (
        <g
          key={i}
          className={i === r.row ? 'grid-row is-selected' : 'grid-row'}
          onClick={() => setValue('row', i)}
          onPointerEnter={() => setHighlight('row')}
          onPointerLeave={() => setHighlight(null)}
        >
          <text
            className="token-label query-label sym-1"
            x={-8}
            y={i * c + c / 2}
            dy="0.32em"
            textAnchor="end"
          >
            {tokens[i]}
          </text>
          {row.map((v, j) => {
            return (
              <Cell
                key={j}
                x={j * c}
                y={i * c}
                c={c}
                v={v}
                strength={strengthOf(v)}
                hidden={r.hidden[i][j]}
                maskedText={MASKED_TEXT[kind]}
                font={font}
                hatchId={hatchId}
              />
            );
          })}
        </g>
      ))}
      <rect
        className="row-outline sym-5"
        x={0}
        y={r.row * c}
        width={GRID_SIZE}
        height={c}
        pointerEvents="none"
      />
    </PlotFrame>
  );
});

/** The band scale of the row bars for n tokens. */
function rowBand(n: number) {
  return scaleBand<number>()
    .domain(Array.from({ length: n }, (_, j) => j))
    .range([0, BAR_INNER.innerWidth])
    .padding(0.25);
}

/** Where the selected row's weights put its bars and their labels: shared by the render and the live update. */
function rowBarMarks(r: AttentionPageResult, x: ReturnType<typeof rowBand>) {
  const y = BAR_Y;
  const { innerHeight } = BAR_INNER;
  const bw = x.bandwidth();
  return r.weights[r.row].map((v, j) => {
    const o = r.otherWeights[j];
    const bx = x(j) ?? 0;
    return {
      bar: { x: bx, y: y(v), width: bw, height: Math.max(0, innerHeight - y(v)) },
      other: {
        x: bx + bw * 0.15,
        y: y(o),
        width: bw * 0.7,
        height: Math.max(0, innerHeight - y(o)),
      },
      label: { x: bx + bw / 2, y: y(Math.max(v, o)) - 4 },
      text: r.hidden[r.row][j] ? '0' : formatFixed(v, 2),
    };
  });
}

/** The selected row's weights as bars, with the other scaling setting outlined. */
const RowBars = memo(function RowBars({
  r,
  tokens,
  lang,
}: {
  r: AttentionPageResult;
  tokens: readonly string[];
  lang: Lang;
}) {
  const { innerWidth, innerHeight } = BAR_INNER;
  const n = r.n;
  const x = useMemo(() => rowBand(n), [n]);
  const y = BAR_Y;
  const marks = rowBarMarks(r, x);
  const shown = r.scaled ? WORDS.scaled[lang] : WORDS.unscaled[lang];
  const other = r.scaled ? WORDS.unscaled[lang] : WORDS.scaled[lang];
  return (
    <PlotFrame width={PANEL} height={BAR_HEIGHT} margin={BAR_MARGIN} className="row-bars">
      <g className="legend" transform={`translate(0,${-BAR_MARGIN.top + 14})`}>
        <rect className="bar sym-7" x={0} y={-6} width={14} height={12} />
        <text x={20} dy="0.32em">
          {shown}
        </text>
        <rect className="bar-other sym-7" x={130} y={-6} width={14} height={12} />
        <text x={150} dy="0.32em">
          {other}
        </text>
      </g>
      <AxisLeft scale={y} size={innerWidth} label={WORDS.weight[lang]} ticks={4} grid />
      <ChunkBounds />
      {marks.map((m, j) => (
        <g key={j} className="row-bar">
          <rect className="bar sym-7" {...m.bar} />
          <rect className="bar-other sym-7" {...m.other} />
          <text className="bar-label" x={m.label.x} y={m.label.y} textAnchor="middle">
            {m.text}
          </text>
          <text
            className="token-label key-label sym-2"
            x={m.label.x}
            y={innerHeight + 18}
            textAnchor="middle"
          >
            {tokens[j]}
          </text>
        </g>
      ))}
      <line className="axis-line" x1={0} x2={innerWidth} y1={innerHeight} y2={innerHeight} />
    </PlotFrame>
  );
});

/** Where a result puts the value arrows, the selected row's contributions and its output: shared by the render and the live update. */
function vectorMarks(r: AttentionPageResult, tokens: readonly string[]) {
  const x = VEC_X;
  const y = VEC_Y;
  const w = r.weights[r.row];
  const o = r.output[r.row];
  // Partial sums of w_j v_j: contribution j runs from sums[j] to sums[j + 1].
  const sums: (readonly [number, number])[] = [[0, 0]];
  for (let j = 0; j < w.length; j++) {
    const [px, py] = sums[j];
    sums.push([px + w[j] * r.V[j][0], py + w[j] * r.V[j][1]]);
  }
  return {
    values: r.V.map((v) => ({
      d: arrow(x(0), y(0), x(v[0]), y(v[1])),
      label: {
        x: x(v[0]) + (v[0] >= 0 ? 5 : -5),
        y: y(v[1]) + (v[1] >= 0 ? -5 : 14),
        'text-anchor': v[0] >= 0 ? ('start' as const) : ('end' as const),
      },
    })),
    /** The contributions large enough to draw (none for a masked key). */
    contributions: w
      .map((wj, j) => ({ j, wj, from: sums[j], to: sums[j + 1] }))
      .filter((s) => !r.hidden[r.row][s.j] && s.wj > 0.005)
      .map((s) => ({
        j: s.j,
        d: arrow(x(s.from[0]), y(s.from[1]), x(s.to[0]), y(s.to[1]), 6),
        title: `${formatFixed(s.wj, 2)} · v(${tokens[s.j]})`,
      })),
    output: {
      d: arrow(x(0), y(0), x(o[0]), y(o[1]), 9),
      cx: x(o[0]),
      cy: y(o[1]),
      text: `o = Σ wⱼ vⱼ = (${formatFixed(o[0], 2)}, ${formatFixed(o[1], 2)})`,
    },
  };
}

/** Value vectors, the selected row's weighted contributions head to tail, and their sum. */
const VectorPlane = memo(function VectorPlane({
  r,
  tokens,
  lang,
  setHighlight,
}: {
  r: AttentionPageResult;
  tokens: readonly string[];
  lang: Lang;
  setHighlight: PlotProps<AttentionPageResult>['setHighlight'];
}) {
  const x = VEC_X;
  const y = VEC_Y;
  const ticks = VEC_TICKS;
  const m = vectorMarks(r, tokens);
  return (
    <PlotFrame width={PANEL} height={VEC_HEIGHT} margin={VEC_MARGIN} className="vector-plane">
      <AxisLeft scale={y} size={VEC_SIZE} label={WORDS.dim2[lang]} tickValues={ticks} grid />
      <AxisBottom scale={x} size={VEC_SIZE} label={WORDS.dim1[lang]} tickValues={ticks} grid />
      <ChunkBounds />
      <line className="origin-line" x1={x(0)} x2={x(0)} y1={0} y2={VEC_SIZE} />
      <line className="origin-line" x1={0} x2={VEC_SIZE} y1={y(0)} y2={y(0)} />
      <g
        className="values"
        onPointerEnter={() => setHighlight('V')}
        onPointerLeave={() => setHighlight(null)}
      >
        {m.values.map((v, j) => (
          <g key={j} className={r.hidden[r.row][j] ? 'value is-masked' : 'value'}>
            <path className="value-arrow sym-3" d={v.d} />
            <text
              className="token-label value-label sym-3"
              x={v.label.x}
              y={v.label.y}
              textAnchor={v.label['text-anchor']}
            >
              {tokens[j]}
            </text>
          </g>
        ))}
      </g>
      <g className="contributions">
        {m.contributions.map((c) => (
          <path key={c.j} className="contribution sym-3" d={c.d} data-index={c.j}>
            <title>{c.title}</title>
          </path>
        ))}
      </g>
      <path className="output-arrow sym-6" d={m.output.d} />
      <circle
        className="current-point output-point sym-6"
        cx={m.output.cx}
        cy={m.output.cy}
        r={4}
      />
      <g className="legend" transform={`translate(0,${-VEC_MARGIN.top + 12})`}>
        <ChunkBounds dy={-VEC_MARGIN.top + 12} />
        <path className="value-arrow sym-3" d={arrow(0, 0, 26, 0, 5)} />
        <text x={32} dy="0.32em">
          {WORDS.values[lang]}
        </text>
        <path className="contribution sym-3" d={arrow(120, 0, 146, 0, 5)} />
        <text x={152} dy="0.32em">
          wⱼ vⱼ
        </text>
        <path className="output-arrow sym-6" d={arrow(0, 20, 26, 20, 6)} />
        <text className="output-label sym-6" x={32} y={20} dy="0.32em">
          {m.output.text}
        </text>
      </g>
    </PlotFrame>
  );
});

/**
 * Scaled dot-product attention in four small panels: the score matrix (with
 * the causal mask hatched), the softmax weights heatmap, the selected query's
 * weights with and without √d_k scaling, and the value vectors with that
 * query's output as their weighted sum.
 */
export function AttentionPlot({
  result: r,
  lang,
  highlight,
  setHighlight,
  setValue,
  subscribeLive,
}: PlotProps<AttentionPageResult>) {
  const hatchId = `att-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const tokens = TOKENS[lang];
  const wrapRef = useRef<HTMLDivElement>(null);
  const { n, row, scaled, causal } = r;

  // A tick of a query, key or value entry redraws the cells, bars, arrows and output
  // here, before React renders (see PlotProps.subscribeLive). A new token count, or a
  // contribution appearing or vanishing (a weight crossing 0.005), is left to React.
  useLayoutEffect(
    () =>
      subscribeLive((_, next) => {
        const root = wrapRef.current;
        if (!root) return false;
        if (next.n !== n || next.row !== row || next.scaled !== scaled || next.causal !== causal)
          return false;
        const vm = vectorMarks(next, tokens);
        const contributions = root.querySelectorAll('.contribution[data-index]');
        if (
          contributions.length !== vm.contributions.length ||
          vm.contributions.some(
            (c, k) => contributions[k].getAttribute('data-index') !== String(c.j),
          )
        )
          return false;
        for (const kind of ['scores', 'weights'] as const) {
          const m = kind === 'scores' ? next.scores : next.weights;
          const strengthOf = gridStrength(kind, next);
          root.querySelectorAll(`.grid-${kind} .grid-row`).forEach((rowEl, i) => {
            rowEl.querySelectorAll(':scope > .cell').forEach((cell, j) => {
              const look = cellLook(
                m[i][j],
                strengthOf(m[i][j]),
                next.hidden[i][j],
                MASKED_TEXT[kind],
              );
              const bg = cell.firstElementChild;
              setAttr(bg, 'class', look.className);
              if (look.fillOpacity !== undefined) setAttr(bg, 'fill-opacity', look.fillOpacity);
              setText(cell.lastElementChild, look.text);
            });
          });
        }
        const bars = root.querySelectorAll('.row-bar');
        rowBarMarks(next, rowBand(n)).forEach((b, j) => {
          setAttrs(bars[j]?.querySelector('.bar'), b.bar);
          setAttrs(bars[j]?.querySelector('.bar-other'), b.other);
          const label = bars[j]?.querySelector('.bar-label');
          setAttrs(label, b.label);
          setText(label, b.text);
        });
        const values = root.querySelectorAll('.values > .value');
        vm.values.forEach((v, j) => {
          setAttr(values[j]?.querySelector('.value-arrow'), 'd', v.d);
          setAttrs(values[j]?.querySelector('.value-label'), v.label);
        });
        vm.contributions.forEach((c, k) => {
          setAttr(contributions[k], 'd', c.d);
          setText(contributions[k].querySelector('title'), c.title);
        });
        const plane = root.querySelector('.vector-plane');
        setAttr(plane?.querySelector('.output-arrow:not(.legend *)'), 'd', vm.output.d);
        setAttrs(plane?.querySelector('.output-point'), { cx: vm.output.cx, cy: vm.output.cy });
        setText(plane?.querySelector('.output-label'), vm.output.text);
        return true;
      }),
    [subscribeLive, n, row, scaled, causal, tokens],
  );
  const t = titles(r, lang, tokens[r.row]);
  const hl = highlight ? ` hl-${highlight}` : '';
  return (
    <div className="attention-plot-wrap" ref={wrapRef}>
      <svg className="attention-defs" width={0} height={0} aria-hidden="true" focusable="false">
        <defs>
          <pattern
            id={hatchId}
            patternUnits="userSpaceOnUse"
            width={6}
            height={6}
            patternTransform="rotate(45)"
          >
            <rect className="hatch-bg" width={6} height={6} />
            <line className="hatch-line" x1={0} y1={0} x2={0} y2={6} />
          </pattern>
        </defs>
      </svg>
      <div className={`attention-plot${hl}`}>
        {(['scores', 'weights'] as const).map((kind) => (
          <div key={kind} className={`attention-panel panel-${kind}`}>
            <div className="panel-title">{t[kind]}</div>
            <div className="panel-body">
              <MatrixGrid
                kind={kind}
                r={r}
                tokens={tokens}
                lang={lang}
                hatchId={hatchId}
                setValue={setValue}
                setHighlight={setHighlight}
              />
            </div>
          </div>
        ))}
        <div className="attention-panel panel-bars">
          <div className="panel-title">{t.bars}</div>
          <div className="panel-body">
            <RowBars r={r} tokens={tokens} lang={lang} />
          </div>
        </div>
        <div className="attention-panel panel-vectors">
          <div className="panel-title">{t.vectors}</div>
          <div className="panel-body">
            <VectorPlane r={r} tokens={tokens} lang={lang} setHighlight={setHighlight} />
          </div>
        </div>
      </div>
    </div>
  );
}
