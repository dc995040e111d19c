import { scaleBand, scaleLinear } from 'd3-scale';
import { memo, useId, useMemo } from 'react';
import { AxisBottom, AxisLeft } from '../../plots/Axes';
import { formatFixed } from '../../plots/formatNumber';
import { innerSize, PlotFrame } from '../../plots/PlotFrame';
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
  return (
    <g className={hidden ? 'cell is-masked' : 'cell'}>
      <rect
        className={hidden ? 'cell-bg masked' : v < 0 ? 'cell-bg negative' : 'cell-bg'}
        x={x}
        y={y}
        width={c}
        height={c}
        // An inline style: the stylesheet's cell fill would beat a fill attribute.
        style={hidden ? { fill: `url(#${hatchId})` } : undefined}
        fillOpacity={hidden ? undefined : 0.06 + 0.84 * strength}
      />
      <text
        className="cell-value"
        x={x + c / 2}
        y={y + c / 2}
        dy="0.32em"
        textAnchor="middle"
        fontSize={font}
      >
        {hidden ? maskedText : formatFixed(v, 2)}
      </text>
    </g>
  );
});

/** An n×n grid of scores or weights with the selected query row outlined; a click selects a row. */
function MatrixGrid({ kind, r, tokens, lang, hatchId, setValue, setHighlight }: GridProps) {
  const c = GRID_SIZE / r.n;
  const font = r.n >= 6 ? 11 : r.n === 5 ? 12 : 13;
  const m = kind === 'scores' ? r.scores : r.weights;
  const maxAbs = Math.max(1e-9, ...r.scores.flat().map(Math.abs));
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
            const hidden = r.hidden[i][j];
            const strength = kind === 'weights' ? v : Math.abs(v) / maxAbs;
            return (
              <Cell
                key={j}
                x={j * c}
                y={i * c}
                c={c}
                v={v}
                strength={strength}
                hidden={hidden}
                maskedText={kind === 'scores' ? '−∞' : '0'}
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
}

/** The selected row's weights as bars, with the other scaling setting outlined. */
function RowBars({
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
  const x = useMemo(
    () =>
      scaleBand<number>()
        .domain(Array.from({ length: n }, (_, j) => j))
        .range([0, innerWidth])
        .padding(0.25),
    [n, innerWidth],
  );
  const y = BAR_Y;
  const w = r.weights[r.row];
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
      {w.map((v, j) => {
        const bx = x(j) ?? 0;
        const bw = x.bandwidth();
        const o = r.otherWeights[j];
        return (
          <g key={j}>
            <rect
              className="bar sym-7"
              x={bx}
              y={y(v)}
              width={bw}
              height={Math.max(0, innerHeight - y(v))}
            />
            <rect
              className="bar-other sym-7"
              x={bx + bw * 0.15}
              y={y(o)}
              width={bw * 0.7}
              height={Math.max(0, innerHeight - y(o))}
            />
            <text
              className="bar-label"
              x={bx + bw / 2}
              y={y(Math.max(v, o)) - 4}
              textAnchor="middle"
            >
              {r.hidden[r.row][j] ? '0' : formatFixed(v, 2)}
            </text>
            <text
              className="token-label key-label sym-2"
              x={bx + bw / 2}
              y={innerHeight + 18}
              textAnchor="middle"
            >
              {tokens[j]}
            </text>
          </g>
        );
      })}
      <line className="axis-line" x1={0} x2={innerWidth} y1={innerHeight} y2={innerHeight} />
    </PlotFrame>
  );
}

/** Value vectors, the selected row's weighted contributions head to tail, and their sum. */
function VectorPlane({
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
  const w = r.weights[r.row];
  const o = r.output[r.row];
  const ticks = VEC_TICKS;
  // Partial sums of w_j v_j: contribution j runs from sums[j] to sums[j + 1].
  const sums: (readonly [number, number])[] = [[0, 0]];
  for (let j = 0; j < w.length; j++) {
    const [px, py] = sums[j];
    sums.push([px + w[j] * r.V[j][0], py + w[j] * r.V[j][1]]);
  }
  const steps = w.map((wj, j) => ({ j, wj, from: sums[j], to: sums[j + 1] }));
  return (
    <PlotFrame width={PANEL} height={VEC_HEIGHT} margin={VEC_MARGIN} className="vector-plane">
      <AxisLeft scale={y} size={VEC_SIZE} label={WORDS.dim2[lang]} tickValues={ticks} grid />
      <AxisBottom scale={x} size={VEC_SIZE} label={WORDS.dim1[lang]} tickValues={ticks} grid />
      <line className="origin-line" x1={x(0)} x2={x(0)} y1={0} y2={VEC_SIZE} />
      <line className="origin-line" x1={0} x2={VEC_SIZE} y1={y(0)} y2={y(0)} />
      <g
        className="values"
        onPointerEnter={() => setHighlight('V')}
        onPointerLeave={() => setHighlight(null)}
      >
        {r.V.map((v, j) => (
          <g key={j} className={r.hidden[r.row][j] ? 'value is-masked' : 'value'}>
            <path className="value-arrow sym-3" d={arrow(x(0), y(0), x(v[0]), y(v[1]))} />
            <text
              className="token-label value-label sym-3"
              x={x(v[0]) + (v[0] >= 0 ? 5 : -5)}
              y={y(v[1]) + (v[1] >= 0 ? -5 : 14)}
              textAnchor={v[0] >= 0 ? 'start' : 'end'}
            >
              {tokens[j]}
            </text>
          </g>
        ))}
      </g>
      <g className="contributions">
        {steps
          .filter((s) => !r.hidden[r.row][s.j] && s.wj > 0.005)
          .map((s) => (
            <path
              key={s.j}
              className="contribution sym-3"
              d={arrow(x(s.from[0]), y(s.from[1]), x(s.to[0]), y(s.to[1]), 6)}
            >
              <title>{`${formatFixed(s.wj, 2)} · v(${tokens[s.j]})`}</title>
            </path>
          ))}
      </g>
      <path className="output-arrow sym-6" d={arrow(x(0), y(0), x(o[0]), y(o[1]), 9)} />
      <circle className="current-point output-point sym-6" cx={x(o[0])} cy={y(o[1])} r={4} />
      <g className="legend" transform={`translate(0,${-VEC_MARGIN.top + 12})`}>
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
          {`o = Σ wⱼ vⱼ = (${formatFixed(o[0], 2)}, ${formatFixed(o[1], 2)})`}
        </text>
      </g>
    </PlotFrame>
  );
}

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
}: PlotProps<AttentionPageResult>) {
  const hatchId = `att-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const tokens = TOKENS[lang];
  const t = titles(r, lang, tokens[r.row]);
  const hl = highlight ? ` hl-${highlight}` : '';
  return (
    <div className="attention-plot-wrap">
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
        ))}
        <div className="attention-panel panel-bars">
          <div className="panel-title">{t.bars}</div>
          <RowBars r={r} tokens={tokens} lang={lang} />
        </div>
        <div className="attention-panel panel-vectors">
          <div className="panel-title">{t.vectors}</div>
          <VectorPlane r={r} tokens={tokens} lang={lang} setHighlight={setHighlight} />
        </div>
      </div>
    </div>
  );
}
