import { formatFixed } from '../../plots/formatNumber';
import type { DataTable, Lang } from '../../ui/card/types';
import { defineFormula } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { sym, texNum } from '../../ui/tex/sym';
import { MAP_WORDS, PARAMS, analogyText, computeSimilarity } from './model';
import type { PairMetrics, SimilarityResult } from './model';
import { TEXT } from './text';
import { VectorSimilarityPlot } from './VectorSimilarityPlot';
import { similarityCode } from './code';

const A = sym(1, 'a');
const B = sym(2, 'b');
const AH = sym(5, '\\hat a');
const BH = sym(5, '\\hat b');

/** Cosine similarity, the projection, and the identity that ties distance to cosine on unit vectors. */
const TEX =
  '\\begin{gathered}' +
  `\\cos\\theta = \\frac{${A}\\cdot ${B}}{\\lVert ${A}\\rVert\\,\\lVert ${B}\\rVert}, \\qquad ` +
  `\\operatorname{proj}_{${B}} ${A} = \\frac{${A}\\cdot ${B}}{${B}\\cdot ${B}}\\, ${B} \\\\ ` +
  `\\lVert ${AH} - ${BH}\\rVert^2 = 2 - 2\\cos\\theta` +
  '\\end{gathered}';

const n2 = (x: number) => texNum(x, 2);
const paren = (x: number) => (x < 0 ? `(${n2(x)})` : n2(x));
const vecTex = (v: readonly number[]) => `(${v.map(n2).join(',\\ ')})`;

const WORDS = bilingual({
  en: {
    undefinedText: 'not defined (a zero vector has no direction)',
    summary: (s: {
      a: string;
      b: string;
      dot: string;
      cos: string;
      angle: string;
      dist: string;
      normalized: boolean;
      word: string;
      cosList: string;
      dotList: string;
      distList: string;
      analogy: string;
    }) =>
      `Plane with vectors a = ${s.a} and b = ${s.b}${s.normalized ? ', each normalized to length 1' : ''}: dot product ${s.dot}, cosine similarity ${s.cos}, angle ${s.angle}, distance ${s.dist}. ` +
      `Toy map of 20 hand-placed words: nearest to “${s.word}” by cosine ${s.cosList}; by dot product ${s.dotList}; by distance ${s.distList}.${s.analogy}`,
    analogy: (text: string, near: string) => ` The analogy ${text} lands nearest to “${near}”.`,
    caption: 'The 20 words of the toy map: coordinates, and their similarity to the chosen word',
    columns: (w: string) => [
      'word',
      'x',
      'y',
      `cosine with “${w}”`,
      `dot with “${w}”`,
      `distance to “${w}”`,
    ],
    normalizedNote: ' (normalized)',
  },
  'zh-TW': {
    undefinedText: '無定義（零向量沒有方向）',
    summary: (s) =>
      `平面上有向量 a = ${s.a}、b = ${s.b}${s.normalized ? '，兩者都正規化為長度 1' : ''}：內積 ${s.dot}，餘弦相似度 ${s.cos}，夾角 ${s.angle}，距離 ${s.dist}。` +
      `手工擺放的 20 個詞的玩具地圖：依餘弦相似度最接近「${s.word}」的是 ${s.cosList}；依內積是 ${s.dotList}；依距離是 ${s.distList}。${s.analogy}`,
    analogy: (text, near) => `類比 ${text} 最接近「${near}」。`,
    caption: '玩具地圖上的 20 個詞：座標，以及它們和選取的詞的相似度',
    columns: (w) => ['詞', 'x', 'y', `與「${w}」的餘弦`, `與「${w}」的內積`, `與「${w}」的距離`],
    normalizedNote: '（正規化後）',
  },
});

const fmtVec = (v: readonly number[], lang: Lang) =>
  `(${v.map((x) => formatFixed(x, 2, lang)).join(', ')})`;
const degrees = (rad: number) => (rad * 180) / Math.PI;

/** The worked lines of one pair: dot product, lengths, cosine, angle, projection, distance. */
function pairLines(m: PairMetrics, a: string, b: string, lang: Lang): string[] {
  const [a1, a2] = m.a;
  const [b1, b2] = m.b;
  const lines = [
    `${a}\\cdot ${b} &= ${n2(a1)}\\cdot ${paren(b1)} + ${paren(a2)}\\cdot ${paren(b2)} = ${n2(m.dot)}`,
    `\\lVert ${a}\\rVert &= \\sqrt{${paren(a1)}^2 + ${paren(a2)}^2} = ${n2(m.normA)}, \\quad \\lVert ${b}\\rVert = ${n2(m.normB)}`,
  ];
  if (m.cos === null || m.angle === null) {
    lines.push(`\\cos\\theta &= \\text{${WORDS[lang].undefinedText}}`);
  } else {
    lines.push(
      `\\cos\\theta &= \\frac{${n2(m.dot)}}{${n2(m.normA)}\\cdot ${n2(m.normB)}} = ${texNum(m.cos, 3)}, \\quad \\theta = ${texNum(degrees(m.angle), 1)}^\\circ`,
    );
  }
  if (m.proj) {
    lines.push(
      `\\operatorname{proj}_{${b}} ${a} &= \\tfrac{${n2(m.dot)}}{${n2(m.normB * m.normB)}}\\, ${b} = ${vecTex(m.proj)}`,
    );
  }
  lines.push(`\\lVert ${a} - ${b}\\rVert &= ${n2(m.distance)}`);
  return lines;
}

function worked(r: SimilarityResult, lang: Lang): string {
  const lines: string[] = [];
  if (r.normalized && r.unit) {
    lines.push(
      `${AH} = ${A}/\\lVert ${A}\\rVert &= ${vecTex(r.unit.a)}, \\quad ${BH} = ${vecTex(r.unit.b)}`,
    );
    lines.push(...pairLines(r.unit, AH, BH, lang));
    lines.push(`2 - 2\\cos\\theta &= ${n2(2 - 2 * (r.unit.cos ?? 0))} = ${n2(r.unit.distance)}^2`);
  } else {
    lines.push(`${A} = ${vecTex(r.raw.a)}, \\quad ${B} &= ${vecTex(r.raw.b)}`);
    lines.push(...pairLines(r.raw, A, B, lang));
  }
  if (r.analogy) {
    const an = r.analogy;
    const t = (i: number) => `\\text{${MAP_WORDS[i].label[lang]}}`;
    lines.push(
      `${sym(7, 'r')} = ${t(an.analogy.a)} - ${t(an.analogy.b)} + ${t(an.analogy.c)} &= ${vecTex(an.target)} \\approx ${t(an.nearest)}`,
    );
  }
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

function list(ns: { index: number }[], lang: Lang): string {
  return ns.map((n) => MAP_WORDS[n.index].label[lang]).join(lang === 'en' ? ', ' : '、');
}

function summary(r: SimilarityResult, lang: Lang): string {
  const w = WORDS[lang];
  const m = r.shown;
  const und = lang === 'en' ? 'not defined' : '無定義';
  return w.summary({
    a: fmtVec(m.a, lang),
    b: fmtVec(m.b, lang),
    dot: formatFixed(m.dot, 2, lang),
    cos: m.cos === null ? und : formatFixed(m.cos, 3, lang),
    angle: m.angle === null ? und : `${formatFixed(degrees(m.angle), 1, lang)}°`,
    dist: formatFixed(m.distance, 2, lang),
    normalized: r.normalized && r.unit !== null,
    word: MAP_WORDS[r.word].label[lang],
    cosList: list(r.rankings.cos, lang),
    dotList: list(r.rankings.dot, lang),
    distList: list(r.rankings.distance, lang),
    analogy: r.analogy
      ? w.analogy(analogyText(r.analogy.analogy, lang), MAP_WORDS[r.analogy.nearest].label[lang])
      : '',
  });
}

function table(r: SimilarityResult, lang: Lang): DataTable {
  const w = WORDS[lang];
  const chosen = MAP_WORDS[r.word].label[lang];
  const q = MAP_WORDS[r.word].at;
  const unit = (v: readonly number[]) => {
    const n = Math.hypot(v[0], v[1]);
    return r.normalized ? [v[0] / n, v[1] / n] : [v[0], v[1]];
  };
  const qv = unit(q);
  return {
    caption: w.caption + (r.normalized ? w.normalizedNote : ''),
    columns: w.columns(chosen),
    rows: MAP_WORDS.map((word) => {
      const v = unit(word.at);
      const d = qv[0] * v[0] + qv[1] * v[1];
      const cos = d / (Math.hypot(qv[0], qv[1]) * Math.hypot(v[0], v[1]));
      return [
        word.label[lang],
        formatFixed(word.at[0], 2, lang),
        formatFixed(word.at[1], 2, lang),
        formatFixed(cos, 3, lang),
        formatFixed(d, 2, lang),
        formatFixed(Math.hypot(qv[0] - v[0], qv[1] - v[1]), 2, lang),
      ];
    }),
  };
}

/** The dot product and cosine similarity page. */
export default defineFormula({
  id: 'vector-similarity',
  tex: TEX,
  params: PARAMS,
  compute: computeSimilarity,
  worked: (_v, r, lang) => worked(r, lang),
  Plot: VectorSimilarityPlot,
  interactivePlot: true,
  // the cosine of the pair, hidden from its dot product on
  answer: (_v, r, lang) => {
    const cos = (r.normalized && r.unit ? r.unit : r.raw).cos;
    return cos === null
      ? null
      : {
          label: lang === 'en' ? 'the cosine similarity cos θ' : '餘弦相似度 cos θ',
          tex: '\\cos\\theta',
          value: cos,
          range: [-1, 1],
          hideFrom: 1,
        };
  },
  summary: (_v, r, lang) => summary(r, lang),
  table: (_v, r, lang) => table(r, lang),
  presets: [
    {
      id: 'perpendicular',
      label: { en: 'perpendicular', 'zh-TW': '互相垂直' },
      values: { a: [3, 1], b: [-1, 3] },
      note: {
        en: 'a·b = 3·(−1) + 1·3 = 0: the cosine is 0, the angle 90°, and the projection shrinks to a point.',
        'zh-TW': 'a·b = 3·(−1) + 1·3 = 0：餘弦為 0、夾角 90°，投影縮成一個點。',
      },
    },
    {
      id: 'opposite',
      label: { en: 'opposite', 'zh-TW': '方向相反' },
      values: { a: [2, 1], b: [-3, -1.5] },
      note: {
        en: 'b points exactly against a: the cosine is −1 whatever the lengths, and the projection of a on b points along −b.',
        'zh-TW': 'b 和 a 方向正好相反：不論長度多少，餘弦都是 −1，a 在 b 上的投影指向 −b 的方向。',
      },
    },
    {
      id: 'long-vector',
      label: { en: 'long beats close', 'zh-TW': '長向量占上風' },
      values: { a: [1, 0.5], b: [4, 3.5], unit: false },
      note: {
        en: 'b is long and about 15° away from a: its dot product with a is large although the two are far apart. Switch on “normalize” and only the direction counts.',
        'zh-TW':
          'b 很長，和 a 相差約 15°：兩者距離很遠，內積卻很大。打開「正規化」，就只剩方向有影響。',
      },
    },
    {
      id: 'normalized',
      label: { en: 'normalized: all agree', 'zh-TW': '正規化：三者一致' },
      values: { unit: true, w: 2 },
      note: {
        en: 'On unit vectors a·b = cos θ and ‖a − b‖² = 2 − 2 cos θ, so the three rankings of “king”’s neighbours become the same.',
        'zh-TW':
          '單位向量上 a·b = cos θ，‖a − b‖² = 2 − 2 cos θ，所以「國王」的三種鄰居排名變得完全相同。',
      },
    },
    {
      id: 'zero-vector',
      label: { en: 'zero vector', 'zh-TW': '零向量' },
      values: { a: [0, 0] },
      note: {
        en: 'A zero vector has no direction: the angle and the cosine are not defined (0/0), while the dot product is 0 and the distance is ‖b‖.',
        'zh-TW': '零向量沒有方向：夾角和餘弦都沒有定義（0/0），內積則是 0，距離是 ‖b‖。',
      },
    },
    {
      id: 'capitals',
      label: { en: 'capitals', 'zh-TW': '首都' },
      values: { w: 15, an: 2 },
      note: {
        en: 'Paris − France + Japan: the “capital of” offset carried from France to Japan lands next to Tokyo.',
        'zh-TW': '巴黎 − 法國 + 日本：把「首都」這個位移從法國搬到日本，就落在東京旁邊。',
      },
    },
  ],
  code: similarityCode,
  text: TEXT,
});
