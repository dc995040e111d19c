import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { AxisLeft } from '../../plots/Axes';
import { DraggablePoint } from '../../plots/DraggablePoint';
import { formatFixed } from '../../plots/formatNumber';
import { useFrame } from '../../plots/frame';
import { Bars, barCenter } from '../../plots/Bars';
import { Arrow, Line, Segment } from '../../plots/marks';
import { Plane } from '../../plots/Plane';
import { ChunkBounds, PlotFrame } from '../../plots/PlotFrame';
import type { Margin } from '../../plots/PlotFrame';
import { cx } from '../../plots/tones';
import { usePlotSize } from '../../plots/usePlotSize';
import { Slider } from '../../ui/card/Slider';
import type { Lang, MatrixParam, PlotProps } from '../../ui/card/types';
import { snapToStep } from '../../ui/card/values';
import { I18nProvider, bilingual, createI18n } from '../../ui/i18n';
import { ENTRY, MAX_SIZE, NAMES, PARAMS, size } from './model';
import type { MatmulResult, MatmulValues, PlaneResult } from './model';
import './matrix-multiplication.css';

const PARAM_A = PARAMS.find((p) => p.name === 'A') as MatrixParam;
const PARAM_B = PARAMS.find((p) => p.name === 'B') as MatrixParam;

const WORDS = bilingual({
  en: {
    cell: (name: string, i: number, j: number, v: string) =>
      `${name}, row ${i + 1}, column ${j + 1}: ${v}`,
    product: (i: number, j: number, v: string) =>
      `c${i + 1}${j + 1} = ${v}: row ${i + 1} of A times column ${j + 1} of B`,
    pending: (i: number, j: number) => `c${i + 1}${j + 1}: not computed yet`,
    editing: (name: string, i: number, j: number) =>
      `Editing ${name} row ${i + 1}, column ${j + 1}`,
    editHint:
      'Select an entry of A or B; arrow keys step it, typing a number sets it, or use the slider.',
    entry: (name: string, i: number, j: number) => `${name} row ${i + 1}, column ${j + 1}`,
    shapes: (m: number, k: number, n: number) =>
      `(${size(m, k)}) (${size(k, n)}) → (${size(m, n)})`,
    inner: (k: number) =>
      `The inner sizes agree (${k} = ${k}): every entry of C pairs the ${k} entries of a row of A with the ${k} entries of a column of B. With different inner sizes the pairs would not match up, and AB would not exist.`,
    baYes: (k: number) =>
      `BA also exists here (n = m), but it is ${size(k, k)}: the order of a product matters.`,
    baNo: (n: number, m: number) =>
      `BA does not exist: B has ${n} column${n === 1 ? '' : 's'} but A has ${m} row${m === 1 ? '' : 's'}.`,
    step: (s: number, total: number) => `${s} of ${total} entries of C computed`,
    transposeTitle: 'Transpose: (AB)ᵀ = BᵀAᵀ',
    transposeShapes: (m: number, k: number, n: number) =>
      `Bᵀ is ${size(n, k)}, Aᵀ is ${size(k, m)}, so BᵀAᵀ is ${size(n, m)}, the shape of (AB)ᵀ: the order reverses so the inner sizes still agree.`,
    check: (d: string) => `Largest difference between (AB)ᵀ and BᵀAᵀ on these numbers: ${d}.`,
    planeTitle: 'A 2×2 matrix M acting on the plane',
    x: 'x₁',
    y: 'x₂',
    drag: 'tip of vector x',
    vector: 'draggable vector',
    area: (d: string) => `area = |det M| = ${d}`,
    kept: (d: string) =>
      `det M = ${d} > 0: the unit square becomes a parallelogram of area ${d}, same orientation.`,
    flipped: (d: string, a: string) =>
      `det M = ${d} < 0: the area is |det M| = ${a}, and the plane is flipped (the orientation reverses, e₁ and e₂ swap sides).`,
    collapsed1:
      'det M = 0: M squashes the whole plane onto a line. The unit square has no area left, different vectors land on the same point, and M has no inverse.',
    collapsed0: 'M = 0: every vector lands on the origin.',
    legendX: 'x',
    legendMx: 'M x',
    legendCols: 'columns of M (images of e₁, e₂)',
    legendGrid: 'image of the grid',
    termsTitle: (i: number, j: number) => `The products that add up to c${i + 1}${j + 1}`,
    termsAxis: 'product',
  },
  'zh-TW': {
    cell: (name, i, j, v) => `${name}，第 ${i + 1} 列第 ${j + 1} 行：${v}`,
    product: (i, j, v) => `c${i + 1}${j + 1} = ${v}：A 的第 ${i + 1} 列乘以 B 的第 ${j + 1} 行`,
    pending: (i, j) => `c${i + 1}${j + 1}：尚未計算`,
    editing: (name, i, j) => `正在編輯 ${name} 第 ${i + 1} 列第 ${j + 1} 行`,
    editHint: '選取 A 或 B 的一個元素；用方向鍵微調、直接輸入數字，或拖動滑桿。',
    entry: (name, i, j) => `${name} 第 ${i + 1} 列第 ${j + 1} 行`,
    shapes: (m, k, n) => `(${size(m, k)}) (${size(k, n)}) → (${size(m, n)})`,
    inner: (k) =>
      `內側的大小相同（${k} = ${k}）：C 的每個元素，都是 A 的一列 ${k} 個數和 B 的一行 ${k} 個數逐一配對。內側大小不同就無法配對，AB 也就不存在。`,
    baYes: (k) => `這裡 BA 也存在（n = m），但它是 ${size(k, k)}：乘法的順序很重要。`,
    baNo: (n, m) => `BA 不存在：B 有 ${n} 行，A 卻有 ${m} 列。`,
    step: (s, total) => `已算出 C 的 ${total} 個元素中的 ${s} 個`,
    transposeTitle: '轉置：(AB)ᵀ = BᵀAᵀ',
    transposeShapes: (m, k, n) =>
      `Bᵀ 是 ${size(n, k)}，Aᵀ 是 ${size(k, m)}，所以 BᵀAᵀ 是 ${size(n, m)}，正好是 (AB)ᵀ 的形狀：順序反過來，內側大小才會對得上。`,
    check: (d) => `在這組數字上，(AB)ᵀ 與 BᵀAᵀ 的最大差距：${d}。`,
    planeTitle: '2×2 矩陣 M 作用在平面上',
    x: 'x₁',
    y: 'x₂',
    drag: '向量 x 的尖端',
    vector: '可拖曳的向量',
    area: (d) => `面積 = |det M| = ${d}`,
    kept: (d) => `det M = ${d} > 0：單位正方形變成面積 ${d} 的平行四邊形，方向不變。`,
    flipped: (d, a) =>
      `det M = ${d} < 0：面積是 |det M| = ${a}，而且平面被翻轉了（方向相反，e₁ 和 e₂ 換了邊）。`,
    collapsed1:
      'det M = 0：M 把整個平面壓扁成一條直線。單位正方形的面積變成 0，不同的向量會落在同一點，M 沒有反矩陣。',
    collapsed0: 'M = 0：每個向量都落在原點。',
    legendX: 'x',
    legendMx: 'M x',
    legendCols: 'M 的行向量（e₁、e₂ 的像）',
    legendGrid: '格線的像',
    termsTitle: (i, j) => `加總成 c${i + 1}${j + 1} 的各個乘積`,
    termsAxis: '乘積',
  },
});

/** An entry as written in the grids: up to two decimals, trailing zeros dropped. */
export function fmt(x: number, lang: Lang): string {
  const s = formatFixed(x, 2, lang);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Which entry of A or B is being edited. */
interface Selected {
  which: 'A' | 'B';
  i: number;
  j: number;
}

/** The keys that step a selected entry, and by how many steps. */
function keySteps(e: KeyboardEvent): number | 'min' | 'max' | null {
  const big = e.shiftKey ? 10 : 1;
  switch (e.key) {
    case 'ArrowUp':
    case 'ArrowRight':
      return big;
    case 'ArrowDown':
    case 'ArrowLeft':
      return -big;
    case 'PageUp':
      return 10;
    case 'PageDown':
      return -10;
    case 'Home':
      return 'min';
    case 'End':
      return 'max';
    default:
      return null;
  }
}

interface EditGridProps {
  which: 'A' | 'B';
  label: string;
  entries: number[][];
  lang: Lang;
  selected: Selected | null;
  /** Row (A) or column (B) of the entry of C in focus. */
  lit: number;
  onSelect: (s: Selected) => void;
  onChange: (which: 'A' | 'B', i: number, j: number, v: number) => void;
  onType: () => void;
  highlighted: boolean;
  setHighlight: (name: string | null) => void;
}

/** An editable matrix: each entry a focusable slider-like cell. */
function EditGrid({
  which,
  label,
  entries,
  lang,
  selected,
  lit,
  onSelect,
  onChange,
  onType,
  highlighted,
  setHighlight,
}: EditGridProps) {
  const w = WORDS[lang];
  const cols = entries[0]?.length ?? 0;
  return (
    <div
      className={cx(
        'mm-grid',
        'mm-edit',
        which === 'A' ? 'sym-1' : 'sym-2',
        highlighted && 'is-highlighted',
      )}
      role="group"
      aria-label={label}
      style={{ gridTemplateColumns: `repeat(${cols}, var(--mm-cell))` }}
      onMouseEnter={() => setHighlight(which)}
      onMouseLeave={() => setHighlight(null)}
    >
      {entries.map((row, i) =>
        row.map((v, j) => {
          const isSel = selected?.which === which && selected.i === i && selected.j === j;
          const isLit = which === 'A' ? i === lit : j === lit;
          const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
            const s = keySteps(e);
            if (s !== null) {
              e.preventDefault();
              e.stopPropagation();
              const next =
                s === 'min'
                  ? ENTRY.min
                  : s === 'max'
                    ? ENTRY.max
                    : snapToStep(v + s * ENTRY.step, ENTRY.min, ENTRY.step);
              onChange(which, i, j, Math.min(ENTRY.max, Math.max(ENTRY.min, next)));
            } else if (/^[0-9.-]$/.test(e.key) || e.key === 'Enter') {
              onType();
            }
          };
          return (
            <div
              key={`${i}-${j}`}
              className={cx('mm-cell', isSel && 'is-selected', isLit && 'is-lit')}
              role="slider"
              tabIndex={0}
              aria-label={w.entry(label, i, j)}
              aria-valuemin={ENTRY.min}
              aria-valuemax={ENTRY.max}
              aria-valuenow={v}
              aria-valuetext={w.cell(label, i, j, fmt(v, lang))}
              onFocus={() => onSelect({ which, i, j })}
              onClick={() => onSelect({ which, i, j })}
              onKeyDown={onKeyDown}
            >
              {fmt(v, lang)}
            </div>
          );
        }),
      )}
    </div>
  );
}

/** C = AB: every entry, filled up to the current step; focusing one explains it. */
function ProductGrid({
  r,
  lang,
  label,
  setValue,
  highlighted,
  setHighlight,
}: {
  r: MatmulResult;
  lang: Lang;
  label: string;
  setValue: PlotProps<MatmulResult, MatmulValues>['setValue'];
  highlighted: boolean;
  setHighlight: (name: string | null) => void;
}) {
  const w = WORDS[lang];
  const focus = (i: number, j: number) => {
    // while stepping, the newest entry is the one explained
    if (r.step === r.total || r.step === 0) setValue('cell', i * MAX_SIZE + j);
  };
  return (
    <div
      className={cx('mm-grid', 'mm-product', 'sym-3', highlighted && 'is-highlighted')}
      role="group"
      aria-label={label}
      style={{ gridTemplateColumns: `repeat(${r.n}, var(--mm-cell))` }}
      onMouseLeave={() => setHighlight(null)}
      onMouseEnter={() => setHighlight('cell')}
    >
      {r.C.map((row, i) =>
        row.map((v, j) => {
          const filled = i * r.n + j < r.step;
          const isFocus = r.focus.i === i && r.focus.j === j;
          return (
            <div
              key={`${i}-${j}`}
              className={cx('mm-cell', filled ? 'is-filled' : 'is-pending', isFocus && 'is-focus')}
              tabIndex={0}
              role="button"
              aria-label={filled ? w.product(i, j, fmt(v, lang)) : w.pending(i, j)}
              onFocus={() => focus(i, j)}
              onMouseEnter={() => focus(i, j)}
            >
              {filled ? fmt(v, lang) : '?'}
            </div>
          );
        }),
      )}
    </div>
  );
}

/** A read-only matrix (the transposes). */
function ReadGrid({
  entries,
  label,
  className,
  lang,
}: {
  entries: number[][];
  label: string;
  className: string;
  lang: Lang;
}) {
  const cols = entries[0]?.length ?? 0;
  return (
    <figure className="mm-read">
      <div
        className={cx('mm-grid', 'mm-readonly', className)}
        style={{ gridTemplateColumns: `repeat(${cols}, var(--mm-cell-small))` }}
        aria-hidden="true"
      >
        {entries.map((row, i) =>
          row.map((v, j) => (
            <div key={`${i}-${j}`} className="mm-cell">
              {fmt(v, lang)}
            </div>
          )),
        )}
      </div>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

const PLANE = { fallback: 420, min: 280, max: 440 };
/** The view: the unit square's image (corners up to ±6) always fits. */
const SPAN = 6.5;
const TICKS = [-6, -4, -2, 0, 2, 4, 6];
const GRID_LINES = Array.from({ length: 21 }, (_, i) => i - 10);

/** The images of the grid lines x₁ = c and x₂ = c under M, clipped to the frame (Line). */
function GridImage({ M }: { M: PlaneResult['M'] }) {
  const apply = (p: [number, number]): [number, number] => [
    M[0][0] * p[0] + M[0][1] * p[1],
    M[1][0] * p[0] + M[1][1] * p[1],
  ];
  return (
    <g className="mm-grid-image">
      {GRID_LINES.map((c) => {
        const a = apply([c, -1]);
        const b = apply([c, 1]);
        const d = apply([-1, c]);
        const e = apply([1, c]);
        const same = (p: [number, number], q: [number, number]) => p[0] === q[0] && p[1] === q[1];
        return (
          <g key={c}>
            {!same(a, b) && <Line through={[a, b]} tone="sym5" thin />}
            {!same(d, e) && <Line through={[d, e]} tone="sym5" thin />}
          </g>
        );
      })}
    </g>
  );
}

/** `v` shortened to the edge of the view when it lies outside it. */
function inView(v: readonly [number, number]): { head: [number, number]; outside: boolean } {
  const m = Math.max(Math.abs(v[0]), Math.abs(v[1]));
  const lim = SPAN * 0.97;
  if (m <= lim) return { head: [v[0], v[1]], outside: false };
  return { head: [(v[0] * lim) / m, (v[1] * lim) / m], outside: true };
}

/** The unit square's image, a parallelogram (its area is written in the note under the plane). */
function Parallelogram({ p }: { p: PlaneResult }) {
  const f = useFrame();
  const [[a, b], [c, d]] = p.M;
  const pts: [number, number][] = [
    [0, 0],
    [a, c],
    [a + b, c + d],
    [b, d],
  ];
  const path = `M${pts.map(([x, y]) => `${f.x(x).toFixed(2)},${f.y(y).toFixed(2)}`).join('L')}Z`;
  return (
    <g className={cx('mm-square', `is-${p.orientation}`)}>
      <path className="mm-square-area" d={path} />
    </g>
  );
}

/** M acting on the plane: the image of the grid and of the unit square, M's columns, x and M x. */
function MatrixPlane({
  r,
  values,
  lang,
  setValue,
  highlight,
  width,
}: {
  r: MatmulResult;
  values: MatmulValues;
  lang: Lang;
  setValue: PlotProps<MatmulResult, MatmulValues>['setValue'];
  highlight: string | null;
  width: number;
}) {
  const w = WORDS[lang];
  const p = r.plane;
  const lim = (v: number) => Math.max(-3, Math.min(3, Math.round(v * 10) / 10));
  const image = inView(p.image);
  return (
    <Plane
      width={width}
      span={SPAN}
      ticks={TICKS}
      xLabel={w.x}
      yLabel={w.y}
      originAxes={false}
      className="mm-plane"
      interactive
    >
      <g className={cx('mm-plane-marks', highlight === 'M' && 'is-highlighted')}>
        <ChunkBounds />
        <GridImage M={p.M} />
        <Parallelogram p={p} />
        <Arrow head={[p.M[0][0], p.M[1][0]]} tone="sym5" headSize={9} />
        <Arrow head={[p.M[0][1], p.M[1][1]]} tone="sym5" headSize={9} stroke="dashed" />
        <g className={cx('mm-x', highlight === 'x' && 'is-highlighted')}>
          <Arrow head={p.x} tone="sym6" />
        </g>
        <Arrow
          head={image.head}
          tone="sym7"
          className="mm-image"
          stroke={image.outside ? 'dashed' : 'solid'}
        />
      </g>
      <DraggablePoint
        x={values.x[0]}
        y={values.x[1]}
        tone="sym6"
        label={w.drag}
        roleDescription={w.vector}
        valueText={(a, b) =>
          `x = (${formatFixed(a, 1, lang)}, ${formatFixed(b, 1, lang)}), M x = (${formatFixed(p.image[0], 2, lang)}, ${formatFixed(p.image[1], 2, lang)})`
        }
        constrain={(a, b) => [lim(a), lim(b)]}
        onMove={(a, b) => setValue('x', [a, b])}
        r={6}
      />
    </Plane>
  );
}

const TERMS_HEIGHT = 190;
const TERMS_MARGIN: Margin = { top: 22, right: 12, bottom: 40, left: 58 };

/** The products a_il·b_lj of the entry in focus as signed bars, and their sum c_ij beside them. */
function TermBars({ r, lang, width }: { r: MatmulResult; lang: Lang; width: number }) {
  const w = WORDS[lang];
  const { i, j, terms, value } = r.focus;
  const data = [
    ...terms.map((t, l) => ({ label: `a${i + 1}${l + 1}·b${l + 1}${j + 1}`, value: t.a * t.b })),
    { label: `c${i + 1}${j + 1}`, value },
  ];
  const top = Math.max(1, ...data.map((d) => Math.abs(d.value)));
  const inner = width - TERMS_MARGIN.left - TERMS_MARGIN.right;
  return (
    <PlotFrame
      width={width}
      height={TERMS_HEIGHT}
      margin={TERMS_MARGIN}
      x={{ domain: [0, 1] }}
      y={{ domain: [-top, top], nice: true }}
      className="mm-terms"
    >
      <AxisLeft label={w.termsAxis} ticks={4} grid />
      <Segment from={[0, 0]} to={[1, 0]} tone="axis" thin />
      <Bars
        data={data}
        tone="sym4"
        highlight={data.length - 1}
        highlightTone="sym3"
        labels
        format={(v) => fmt(v, lang)}
      />
      {data.map((d, l) => (
        <text
          key={l}
          className={cx('mm-term-label', l === data.length - 1 && 'is-sum')}
          x={barCenter(l, data.length, inner)}
          y={TERMS_HEIGHT - TERMS_MARGIN.top - TERMS_MARGIN.bottom + 30}
          textAnchor="middle"
        >
          {d.label}
        </text>
      ))}
    </PlotFrame>
  );
}

/** The page's plot: A and B laid out around C = AB, the shapes, the transpose check, and M on the plane. */
export function MatmulPlot({
  values,
  result: r,
  lang,
  highlight,
  setHighlight,
  setValue,
}: PlotProps<MatmulResult, MatmulValues>) {
  const w = WORDS[lang];
  const names = NAMES[r.naming];
  const dims = names.dims?.[lang];
  const [selected, setSelected] = useState<Selected | null>(null);
  // the card's Slider reads its words from the language store: a fixed one of the plot's
  // language, so the plot also renders on its own (tests, prerendering)
  const i18n = useMemo(() => createI18n({ lng: lang }), [lang]);
  const editorRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(boxRef, PLANE);
  // a selection outside the current sizes falls back to the first entry of A
  const sel: Selected =
    selected &&
    (selected.which === 'A'
      ? selected.i < r.m && selected.j < r.k
      : selected.i < r.k && selected.j < r.n)
      ? selected
      : { which: 'A', i: 0, j: 0 };
  const change = (which: 'A' | 'B', i: number, j: number, v: number) => {
    const full = values[which].map((row) => [...row]);
    if (!full[i]) return;
    full[i][j] = v;
    setValue(which, full);
  };
  const onType = () => {
    const field = editorRef.current?.querySelector<HTMLInputElement>('input[type="number"]');
    if (field) {
      field.focus();
      field.select();
    }
  };
  const selParam = sel.which === 'A' ? PARAM_A : PARAM_B;
  const selName = sel.which === 'A' ? names.A : names.B;
  const selValue = (sel.which === 'A' ? r.A : r.B)[sel.i][sel.j];
  const dimLabel = (a: number, b: number, da?: string, db?: string) =>
    da && db ? `${da} × ${db} = ${size(a, b)}` : size(a, b);
  // B above C, A to its left (the scheme's grid areas): B first, as read
  const operands = [
    {
      which: 'B',
      name: names.B,
      sym: 'sym-2',
      dim: dimLabel(r.k, r.n, dims?.[1], dims?.[2]),
      entries: r.B,
      lit: r.focus.j,
    },
    {
      which: 'A',
      name: names.A,
      sym: 'sym-1',
      dim: dimLabel(r.m, r.k, dims?.[0], dims?.[1]),
      entries: r.A,
      lit: r.focus.i,
    },
  ] as const;
  const p = r.plane;
  const det = formatFixed(p.det, 2, lang);
  const planeNote =
    p.orientation === 'kept'
      ? w.kept(det)
      : p.orientation === 'flipped'
        ? w.flipped(det, formatFixed(Math.abs(p.det), 2, lang))
        : p.rank === 0
          ? w.collapsed0
          : w.collapsed1;
  return (
    <div className="mm-plot" ref={boxRef}>
      <div className="mm-scheme">
        <div className="mm-corner">
          <span className="mm-shape-line">{w.shapes(r.m, r.k, r.n)}</span>
        </div>
        {operands.map((o) => (
          <div key={o.which} className={o.which === 'A' ? 'mm-a' : 'mm-b'}>
            <div className={cx('mm-name', o.sym)}>
              {o.name} <span className="mm-dim">{o.dim}</span>
            </div>
            <EditGrid
              which={o.which}
              label={o.name}
              entries={o.entries}
              lang={lang}
              selected={sel}
              lit={o.lit}
              onSelect={setSelected}
              onChange={change}
              onType={onType}
              highlighted={highlight === o.which}
              setHighlight={setHighlight}
            />
          </div>
        ))}
        <div className="mm-c">
          <div className="mm-name sym-3">
            {names.C} = {names.A}
            {names.B} <span className="mm-dim">{dimLabel(r.m, r.n, dims?.[0], dims?.[2])}</span>
          </div>
          <ProductGrid
            r={r}
            lang={lang}
            label={`${names.C} = ${names.A} ${names.B}`}
            setValue={setValue}
            highlighted={highlight === 'cell' || highlight === 't'}
            setHighlight={setHighlight}
          />
          <p className="mm-step">{w.step(r.step, r.total)}</p>
        </div>
      </div>
      <div className="mm-terms-panel">
        <h3>{w.termsTitle(r.focus.i, r.focus.j)}</h3>
        <TermBars r={r} lang={lang} width={width} />
      </div>
      <div className={cx('mm-editor', sel.which === 'A' ? 'sym-1' : 'sym-2')} ref={editorRef}>
        <p className="mm-editing">
          <span className={sel.which === 'A' ? 'sym-1' : 'sym-2'}>
            {w.editing(selName, sel.i, sel.j)}
          </span>
        </p>
        <I18nProvider i18n={i18n}>
          <Slider
            key={`${sel.which}-${sel.i}-${sel.j}`}
            param={selParam}
            value={selValue}
            spoken={w.entry(selName, sel.i, sel.j)}
            onSet={(_name, v) => change(sel.which, sel.i, sel.j, v)}
          />
        </I18nProvider>
        <p className="mm-hint">{w.editHint}</p>
      </div>
      <div className="mm-shapes">
        <p>{w.inner(r.k)}</p>
        <p>{r.ba ? w.baYes(r.k) : w.baNo(r.n, r.m)}</p>
      </div>
      {r.transpose.show && (
        <div className={cx('mm-transpose', highlight === 'tr' && 'is-highlighted')}>
          <h3>{w.transposeTitle}</h3>
          <div className="mm-transpose-row">
            <ReadGrid
              entries={r.transpose.Bt}
              label={`Bᵀ ${size(r.n, r.k)}`}
              className="sym-2"
              lang={lang}
            />
            <span className="mm-op">·</span>
            <ReadGrid
              entries={r.transpose.At}
              label={`Aᵀ ${size(r.k, r.m)}`}
              className="sym-1"
              lang={lang}
            />
            <span className="mm-op">=</span>
            <ReadGrid
              entries={r.transpose.BtAt}
              label={`BᵀAᵀ ${size(r.n, r.m)}`}
              className="sym-4"
              lang={lang}
            />
            <span className="mm-op">=</span>
            <ReadGrid
              entries={r.transpose.Ct}
              label={`(AB)ᵀ ${size(r.n, r.m)}`}
              className="sym-3"
              lang={lang}
            />
          </div>
          <p>{w.transposeShapes(r.m, r.k, r.n)}</p>
          <p className="mm-check">{w.check(formatFixed(r.transpose.maxDiff, 2, lang))}</p>
        </div>
      )}
      <div className="mm-plane-panel">
        <h3>{w.planeTitle}</h3>
        <MatrixPlane
          r={r}
          values={values}
          lang={lang}
          setValue={setValue}
          highlight={highlight}
          width={width}
        />
        <ul className="mm-legend kit-line-key" aria-hidden="true">
          <li className="sym-6">{w.legendX}</li>
          <li className="sym-7">{w.legendMx}</li>
          <li className="sym-5">{w.legendCols}</li>
          <li className="sym-5 is-thin">{w.legendGrid}</li>
        </ul>
        <div className="mm-plane-note-box">
          <p className={cx('mm-plane-note', p.orientation !== 'kept' && `is-${p.orientation}`)}>
            {planeNote}
          </p>
        </div>
      </div>
    </div>
  );
}
