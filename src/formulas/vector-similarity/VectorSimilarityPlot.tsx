import { useRef } from 'react';
import { DraggablePoint } from '../../plots/DraggablePoint';
import { formatFixed } from '../../plots/formatNumber';
import { useFrame } from '../../plots/frame';
import { Arrow, Point, Segment } from '../../plots/marks';
import { ChunkBounds } from '../../plots/PlotFrame';
import { Plane, TipLabel } from '../../plots/Plane';
import { cx } from '../../plots/tones';
import { usePlotSize } from '../../plots/usePlotSize';
import type { Lang, PlotProps } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { LIMIT, MAP_WORDS, analogyText, mapVectors } from './model';
import type { Neighbour, PairMetrics, SimilarityResult, SimilarityValues } from './model';
import './vector-similarity.css';

/** viewBox width before the column is measured, and its bounds (each panel is square). */
const WIDTH = { fallback: 440, min: 280, max: 460 };
/** Both planes show this square of data space. */
const SPAN = 4.6;
const TICKS = [-4, -2, 0, 2, 4];

const TEXT = bilingual({
  en: {
    x: 'component 1',
    y: 'component 2',
    a: 'a',
    b: 'b',
    proj: 'proj of a on b',
    unitCircle: 'unit circle',
    dragA: 'tip of vector a',
    dragB: 'tip of vector b',
    vector: 'draggable vector',
    pairTitle: 'The pair',
    measure: 'measure',
    given: 'as given',
    normalized: 'normalized',
    dot: 'dot product a·b',
    normA: 'length ‖a‖',
    normB: 'length ‖b‖',
    angle: 'angle θ',
    cos: 'cosine similarity',
    distance: 'distance ‖a − b‖',
    undefinedDir: 'not defined',
    zero: (which: string) =>
      `${which} is the zero vector: no direction, so θ and cos θ are not defined (libraries return 0 by convention).`,
    mapTitle: 'Toy embedding map: 20 words placed by hand in 2-D',
    mapNote:
      'Made by hand for this lesson; real embeddings have hundreds or thousands of dimensions and are learned from text.',
    neighbours: (w: string) => `Nearest to “${w}”`,
    byCos: 'by cosine',
    byDot: 'by dot product',
    byDist: 'by distance',
    agree:
      'The three measures rank the neighbours alike: on unit vectors ‖a − b‖² = 2 − 2 cos θ and a·b = cos θ.',
    differ:
      'The measures disagree: the dot product favours long vectors, the distance favours nearby points, the cosine only looks at the direction. Switch on “normalize” to make them agree.',
    analogy: (text: string, near: string, cos: string) =>
      `${text} ≈ ${near} (cosine ${cos}; the three input words are left out, as word2vec does)`,
    chosen: 'chosen word',
    result: 'result',
  },
  'zh-TW': {
    x: '第 1 個分量',
    y: '第 2 個分量',
    a: 'a',
    b: 'b',
    proj: 'a 在 b 上的投影',
    unitCircle: '單位圓',
    dragA: '向量 a 的尖端',
    dragB: '向量 b 的尖端',
    vector: '可拖曳的向量',
    pairTitle: '這一對向量',
    measure: '量',
    given: '原始向量',
    normalized: '正規化後',
    dot: '內積 a·b',
    normA: '長度 ‖a‖',
    normB: '長度 ‖b‖',
    angle: '夾角 θ',
    cos: '餘弦相似度',
    distance: '距離 ‖a − b‖',
    undefinedDir: '無定義',
    zero: (which) => `${which} 是零向量：沒有方向，θ 與 cos θ 都沒有定義（函式庫依慣例記為 0）。`,
    mapTitle: '玩具詞嵌入地圖：20 個詞，用手擺在二維平面上',
    mapNote: '這張圖是為了教學手工擺放的；真正的詞嵌入有數百到數千維，是從大量文字中學出來的。',
    neighbours: (w) => `離「${w}」最近的詞`,
    byCos: '依餘弦相似度',
    byDot: '依內積',
    byDist: '依距離',
    agree: '三種量排出的鄰居完全相同：對單位向量而言，‖a − b‖² = 2 − 2 cos θ，而 a·b = cos θ。',
    differ:
      '三種量的排名不一樣：內積偏好長的向量，距離偏好靠近的點，餘弦相似度只看方向。打開「正規化」，三者就會一致。',
    analogy: (text, near, cos) =>
      `${text} ≈ ${near}（餘弦 ${cos}；和 word2vec 一樣，不算三個輸入詞）`,
    chosen: '選取的詞',
    result: '結果',
  },
});

const round2 = (x: number) => Math.round(x * 100) / 100;
const clampC = (x: number) => Math.max(-LIMIT, Math.min(LIMIT, round2(x)));
const fmtAngle = (rad: number, lang: Lang) => `${formatFixed((rad * 180) / Math.PI, 1, lang)}°`;

/** The arc of the angle between a and b at the origin, radius `r` px, and where its label goes. */
function AngleArc({ a, b, label }: { a: readonly number[]; b: readonly number[]; label: string }) {
  const f = useFrame();
  const t0 = Math.atan2(a[1], a[0]);
  let d = Math.atan2(b[1], b[0]) - t0;
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d < -Math.PI) d += 2 * Math.PI;
  const r = 30;
  const ox = f.x(0);
  const oy = f.y(0);
  const pts = Array.from({ length: 25 }, (_, i) => {
    const t = t0 + (d * i) / 24;
    return `${(ox + r * Math.cos(t)).toFixed(2)},${(oy - r * Math.sin(t)).toFixed(2)}`;
  });
  const mid = t0 + d / 2;
  return (
    <g className="vs-angle" aria-hidden="true">
      <path className="vs-arc" d={`M${pts.join('L')}`} />
      <text
        className="vs-angle-label plot-halo"
        x={ox + (r + 16) * Math.cos(mid)}
        y={oy - (r + 16) * Math.sin(mid)}
        dy="0.32em"
        textAnchor="middle"
      >
        {label}
      </text>
    </g>
  );
}

/** A circle of radius 1 about the origin, in data units. */
function UnitCircle() {
  const f = useFrame();
  return (
    <circle
      className="vs-unit-circle"
      cx={f.x(0)}
      cy={f.y(0)}
      r={Math.abs(f.x(1) - f.x(0))}
      aria-hidden="true"
    />
  );
}

/** One measure's two columns (as given, normalized) of the pair's table. */
function MetricRow({
  name,
  raw,
  unit,
  normalized,
}: {
  name: string;
  raw: string;
  unit: string;
  normalized: boolean;
}) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className={normalized ? undefined : 'is-shown'}>{raw}</td>
      <td className={normalized ? 'is-shown' : undefined}>{unit}</td>
    </tr>
  );
}

/** The pair's measures, as given and normalized, side by side. */
function PairTable({ r, lang }: { r: SimilarityResult; lang: Lang }) {
  const w = TEXT[lang];
  const f = (x: number | null | undefined, d = 2) =>
    x === null || x === undefined ? w.undefinedDir : formatFixed(x, d, lang);
  const ang = (m: PairMetrics | null) =>
    m && m.angle !== null ? fmtAngle(m.angle, lang) : w.undefinedDir;
  const u = r.unit;
  return (
    <table className="vs-table vs-pair-table">
      <caption>{w.pairTitle}</caption>
      <thead>
        <tr>
          <th scope="col">{w.measure}</th>
          <th scope="col" className={r.normalized ? undefined : 'is-shown'}>
            {w.given}
          </th>
          <th scope="col" className={r.normalized ? 'is-shown' : undefined}>
            {w.normalized}
          </th>
        </tr>
      </thead>
      <tbody>
        <MetricRow name={w.dot} raw={f(r.raw.dot)} unit={f(u?.dot)} normalized={r.normalized} />
        <MetricRow
          name={w.normA}
          raw={f(r.raw.normA)}
          unit={f(u?.normA)}
          normalized={r.normalized}
        />
        <MetricRow
          name={w.normB}
          raw={f(r.raw.normB)}
          unit={f(u?.normB)}
          normalized={r.normalized}
        />
        <MetricRow name={w.angle} raw={ang(r.raw)} unit={ang(u)} normalized={r.normalized} />
        <MetricRow
          name={w.cos}
          raw={f(r.raw.cos, 3)}
          unit={f(u?.cos, 3)}
          normalized={r.normalized}
        />
        <MetricRow
          name={w.distance}
          raw={f(r.raw.distance)}
          unit={f(u?.distance)}
          normalized={r.normalized}
        />
      </tbody>
    </table>
  );
}

/** The plane of the two vectors: arrows, draggable tips, the angle and the projection. */
function PairPlane({
  values,
  result: r,
  lang,
  highlight,
  setHighlight,
  setValue,
  width,
}: PlotProps<SimilarityResult, SimilarityValues> & { width: number }) {
  const w = TEXT[lang];
  const s = r.shown;
  const valueText = (x: number, y: number) =>
    `(${formatFixed(x, 2, lang)}, ${formatFixed(y, 2, lang)})`;
  const vectors = [
    {
      name: 'a',
      unit: 'â',
      tone: 'sym1',
      sym: 'sym-1',
      shown: s.a,
      value: values.a,
      drag: w.dragA,
    },
    {
      name: 'b',
      unit: 'b̂',
      tone: 'sym2',
      sym: 'sym-2',
      shown: s.b,
      value: values.b,
      drag: w.dragB,
    },
  ] as const;
  return (
    <Plane
      width={width}
      span={SPAN}
      ticks={TICKS}
      xLabel={w.x}
      yLabel={w.y}
      className="vs-plot vs-plane"
      interactive
    >
      <ChunkBounds />
      {r.normalized && <UnitCircle />}
      {r.normalized && r.unit && (
        <g className="vs-raw-faint">
          <Arrow head={r.raw.a} tone="sym1" stroke="dashed" thin />
          <Arrow head={r.raw.b} tone="sym2" stroke="dashed" thin />
        </g>
      )}
      {s.angle !== null && <AngleArc a={s.a} b={s.b} label={`θ = ${fmtAngle(s.angle, lang)}`} />}
      {vectors.map((v) => (
        <g
          key={v.name}
          className={cx('vs-vector', highlight === v.name && 'is-highlighted')}
          onMouseEnter={() => setHighlight(v.name)}
          onMouseLeave={() => setHighlight(null)}
        >
          <Arrow head={v.shown} tone={v.tone} />
          <TipLabel
            at={v.shown}
            text={r.normalized ? v.unit : v.name}
            className={cx('vs-tip-label', v.sym)}
          />
        </g>
      ))}
      {s.proj && (
        <g className="vs-projection">
          <Segment from={s.a} to={s.proj} tone="sym3" stroke="dotted" thin />
          <Arrow head={s.proj} tone="sym3" className="vs-proj-arrow" headSize={10} />
        </g>
      )}
      {vectors.map((v) => (
        <DraggablePoint
          key={v.name}
          x={v.value[0]}
          y={v.value[1]}
          tone={v.tone}
          label={v.drag}
          roleDescription={w.vector}
          valueText={valueText}
          constrain={(x, y) => [clampC(x), clampC(y)]}
          onMove={(x, y) => setValue(v.name, [x, y])}
          r={6}
        />
      ))}
    </Plane>
  );
}

/** The toy map: every word, the chosen word and its cosine neighbours, and the analogy as a vector sum. */
function WordMap({
  result: r,
  lang,
  highlight,
  width,
}: {
  result: SimilarityResult;
  lang: Lang;
  highlight: string | null;
  width: number;
}) {
  const w = TEXT[lang];
  const near = new Set(r.rankings.cos.map((n) => n.index));
  const an = r.analogy;
  const inAnalogy = new Set(an ? [an.analogy.a, an.analogy.b, an.analogy.c] : []);
  const units = r.normalized ? mapVectors(true) : null;
  const chosen = MAP_WORDS[r.word].at;
  return (
    <Plane
      width={width}
      span={SPAN}
      ticks={TICKS}
      xLabel={w.x}
      yLabel={w.y}
      className="vs-plot vs-map"
    >
      <ChunkBounds />
      {units && <UnitCircle />}
      <g className={cx('vs-neighbours sym-6', highlight === 'w' && 'is-highlighted')}>
        {r.rankings.cos.map((n) => (
          <Segment
            key={n.index}
            from={[0, 0]}
            to={MAP_WORDS[n.index].at}
            tone="sym6"
            stroke="dashed"
            thin
          />
        ))}
        <Segment from={[0, 0]} to={chosen} tone="sym6" />
      </g>
      {an && (
        <g className={cx('vs-analogy', highlight === 'an' && 'is-highlighted')}>
          <Arrow head={MAP_WORDS[an.analogy.a].at} tone="sym7" thin />
          <Arrow
            tail={MAP_WORDS[an.analogy.a].at}
            head={an.partial}
            tone="sym7"
            stroke="dashed"
            thin
          />
          <Arrow tail={an.partial} head={an.target} tone="sym7" />
          <Segment
            from={an.target}
            to={MAP_WORDS[an.nearest].at}
            tone="sym7"
            stroke="dotted"
            thin
          />
          <Point x={an.target[0]} y={an.target[1]} tone="sym7" r={5} className="vs-target" />
        </g>
      )}
      {units && (
        <g className="vs-unit-dots">
          {units.map((u, i) => (
            <Point key={i} x={u[0]} y={u[1]} tone="muted" r={2.5} />
          ))}
        </g>
      )}
      <g className="vs-words">
        {MAP_WORDS.map((word, i) => {
          const cls = cx(
            'vs-word',
            `group-${word.group}`,
            i === r.word && 'is-chosen',
            near.has(i) && 'is-near',
            inAnalogy.has(i) && 'is-input',
            an && an.nearest === i && 'is-answer',
          );
          return (
            <g key={i} className={cls}>
              <Point
                x={word.at[0]}
                y={word.at[1]}
                tone={i === r.word ? 'sym6' : 'muted'}
                r={i === r.word ? 6 : 4}
              />
              <WordLabel at={word.at} text={word.label[lang]} />
            </g>
          );
        })}
      </g>
    </Plane>
  );
}

/** A word's label beside its dot: to the right, or to the left on the right edge. */
function WordLabel({ at, text }: { at: readonly number[]; text: string }) {
  const f = useFrame();
  const right = at[0] > 2.8;
  return (
    <text
      className="vs-word-label plot-halo"
      x={f.x(at[0]) + (right ? -8 : 8)}
      y={f.y(at[1])}
      dy="0.32em"
      textAnchor={right ? 'end' : 'start'}
      aria-hidden="true"
    >
      {text}
    </text>
  );
}

function RankList({
  title,
  list,
  lang,
  digits,
}: {
  title: string;
  list: Neighbour[];
  lang: Lang;
  digits: number;
}) {
  return (
    <div className="vs-rank">
      <h3>{title}</h3>
      <ol>
        {list.map((n) => (
          <li key={n.index}>
            {MAP_WORDS[n.index].label[lang]}{' '}
            <span className="vs-score">{formatFixed(n.score, digits, lang)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The two panels of the page: the pair of vectors with its measures, and the toy embedding map. */
export function VectorSimilarityPlot(props: PlotProps<SimilarityResult, SimilarityValues>) {
  const { result: r, lang, highlight } = props;
  const w = TEXT[lang];
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = usePlotSize(boxRef, WIDTH);
  const zeroWhich = r.zero.a && r.zero.b ? 'a, b' : r.zero.a ? 'a' : r.zero.b ? 'b' : null;
  const an = r.analogy;
  return (
    <div className="vs-plot-box" ref={boxRef}>
      <div className="vs-pair">
        <PairPlane {...props} width={width} />
        <ul className="vs-legend kit-line-key" aria-hidden="true">
          <li className="sym-1">a</li>
          <li className="sym-2">b</li>
          <li className="sym-3">{w.proj}</li>
          {r.normalized && <li className="sym-5 is-dashed">{w.unitCircle}</li>}
        </ul>
        <div className="vs-pair-numbers">
          {zeroWhich && (
            <p className="vs-note is-warning" role="note">
              {w.zero(zeroWhich)}
            </p>
          )}
          <PairTable r={r} lang={lang} />
        </div>
      </div>
      <div className="vs-map-panel">
        <h3 className="vs-map-title">{w.mapTitle}</h3>
        <WordMap result={r} lang={lang} highlight={highlight} width={width} />
        <p className="vs-note">{w.mapNote}</p>
        {an && (
          <p className="vs-analogy-line sym-7">
            {w.analogy(
              analogyText(an.analogy, lang),
              MAP_WORDS[an.nearest].label[lang],
              formatFixed(an.cos, 3, lang),
            )}
          </p>
        )}
        <div
          className="vs-ranks"
          aria-label={w.neighbours(MAP_WORDS[r.word].label[lang])}
          role="group"
        >
          <h3 className="vs-ranks-title sym-6">{w.neighbours(MAP_WORDS[r.word].label[lang])}</h3>
          <div className="vs-rank-cols">
            <RankList title={w.byCos} list={r.rankings.cos} lang={lang} digits={3} />
            <RankList title={w.byDot} list={r.rankings.dot} lang={lang} digits={2} />
            <RankList title={w.byDist} list={r.rankings.distance} lang={lang} digits={2} />
          </div>
          <p className={cx('vs-note', r.rankings.agree ? 'is-agree' : 'is-differ')}>
            {r.rankings.agree ? w.agree : w.differ}
          </p>
        </div>
      </div>
    </div>
  );
}
