import type { ActivationKey } from '../../math';
import { ACTIVATIONS } from '../../math';
import type { ActivationResult, CompareCurve } from './ActivationPlot';
import { makeActivationPlot } from './ActivationPlot';
import { formatNumber } from '../../plots/formatNumber';
import type { Interval } from './vanishingIntervals';
import { vanishingIntervals } from './vanishingIntervals';
import { sym, texNum } from '../../ui/tex/sym';
import type { Bilingual, DataTable, FormulaDef, FormulaText, Lang, Preset, Values } from '../../ui/card/types';
import { defineFormula } from '../../ui/card/types';

/**
 * The shared shape of the activation pages (sigmoid, tanh, ReLU, …): one
 * function and its derivative, an x slider, the tangent at x and the regions
 * where the gradient vanishes. A page supplies an `ActivationSpec`; this
 * factory builds its full declaration.
 */

export type { ActivationResult } from './ActivationPlot';

/** Coloured TeX pieces handed to a spec's TeX builders. */
export interface TexPieces {
  /** The argument: `x` in the definition, the number in the worked example. */
  x: string;
  /** The function's name, coloured (slot 2). */
  f: string;
}

/** What one activation page declares; everything else is shared. */
export interface ActivationSpec {
  /** Page id and key in `ACTIVATIONS`. */
  id: ActivationKey;
  /** Plain-text name for the plot legend and summaries: "σ", "tanh", "ReLU". */
  name: string;
  /** TeX name of the function: `\sigma`, `\tanh`, `\operatorname{ReLU}`. */
  fTex: string;
  /** Right-hand side of the definition, e.g. `\frac{1}{1+e^{-x}}`. */
  definition: (p: TexPieces) => string;
  /** Right-hand side of the derivative, e.g. `f(x)(1-f(x))`. */
  derivative: (p: TexPieces) => string;
  /** Worked steps of f after `f(x) =`, ending with the result `y` (formatted by `num`). */
  workedF: (x: number, y: number, num: (v: number) => string) => string;
  /** Worked steps of f′ after `f'(x) =`, ending with the result `dy`. */
  workedDf: (x: number, y: number, dy: number, num: (v: number) => string) => string;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  defaultX: number;
  /** |f′(x)| below this counts as a vanishing gradient (shaded). */
  threshold: number;
  /** Label of the shaded regions. */
  regionLabel: Bilingual;
  /** The activations drawn faintly for comparison. */
  compare: readonly ActivationKey[];
  presets: readonly Preset[];
  text: Bilingual<FormulaText>;
  related: readonly string[];
}

/** TeX names of the comparison curves (the compare toggle's symbol). */
const CURVE_TEX: Record<ActivationKey, string> = {
  sigmoid: '\\sigma',
  tanh: '\\tanh',
  relu: '\\operatorname{ReLU}',
  leakyRelu: '\\operatorname{LReLU}',
  gelu: '\\operatorname{GELU}',
};

/** Plain-text names of the comparison curves. */
const CURVE_NAMES: Record<ActivationKey, string> = {
  sigmoid: 'σ',
  tanh: 'tanh',
  relu: 'ReLU',
  leakyRelu: 'leaky ReLU',
  gelu: 'GELU',
};

const X_DIGITS = 2;
const Y_DIGITS = 3;

/** The value of a scalar param, or `fallback` when missing or not finite. */
function scalar(values: Values, name: string, fallback: number): number {
  const v = values[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Describes the shaded intervals in words: "x < −2.89 and x > 2.89". */
function describeRegions(
  regions: readonly Interval[],
  [a, b]: readonly [number, number],
  lang: Lang,
): string {
  const parts = regions.map(([lo, hi]) => {
    // Rounded first: a boundary found by bisection at 3e−13 reads "0.00", not "3×10⁻¹³".
    const L = formatNumber(Math.round(lo * 100) / 100, X_DIGITS);
    const H = formatNumber(Math.round(hi * 100) / 100, X_DIGITS);
    if (lo <= a && hi >= b) return lang === 'en' ? 'everywhere shown' : '整個範圍';
    if (lo <= a) return `x < ${H}`;
    if (hi >= b) return `x > ${L}`;
    return `${L} < x < ${H}`;
  });
  return parts.join(lang === 'en' ? ' and ' : ' 以及 ');
}

/** Builds the full declaration of an activation page from its spec. */
export function activationPage(spec: ActivationSpec): FormulaDef<ActivationResult> {
  const { f, df } = ACTIVATIONS[spec.id];
  const regions = vanishingIntervals(df, spec.xDomain, spec.threshold);
  const compare: CompareCurve[] = spec.compare.map((k) => ({
    name: CURVE_NAMES[k],
    f: ACTIVATIONS[k].f,
  }));
  const step = 0.1;
  const Plot = makeActivationPlot({
    name: spec.name,
    f,
    df,
    xDomain: spec.xDomain,
    yDomain: spec.yDomain,
    regions,
    regionLabel: spec.regionLabel,
    compare,
    step,
  });

  const F = sym(2, spec.fTex);
  const dF = sym(3, `${spec.fTex}'`);
  const X = sym(1, 'x');
  const num = (v: number) => texNum(v, Y_DIGITS);
  const threshold = formatNumber(spec.threshold, 2);
  const regionText = (lang: Lang) => describeRegions(regions, spec.xDomain, lang);

  const compute = (values: Values): ActivationResult => {
    const x = Math.min(
      Math.max(scalar(values, 'x', spec.defaultX), spec.xDomain[0]),
      spec.xDomain[1],
    );
    const y = f(x);
    const dy = df(x);
    return { x, y, dy, vanishing: Math.abs(dy) < spec.threshold };
  };

  const table = (_values: Values, r: ActivationResult, lang: Lang): DataTable => {
    const [a, b] = spec.xDomain;
    const stride = Math.max(1, Math.ceil((b - a) / 16));
    const xs: number[] = [];
    for (let v = Math.ceil(a); v <= b; v += stride) xs.push(v);
    const hasCurrent = xs.some((v) => Math.abs(v - r.x) < 1e-9);
    if (!hasCurrent) xs.push(r.x);
    xs.sort((p, q) => p - q);
    const yes = lang === 'en' ? 'yes' : '是';
    const no = lang === 'en' ? 'no' : '否';
    const current = lang === 'en' ? ' (current)' : '（目前）';
    return {
      caption:
        lang === 'en'
          ? `${spec.name}(x) and its derivative ${spec.name}′(x) at sample points; the current x is marked.`
          : `${spec.name}(x) 與導數 ${spec.name}′(x) 在取樣點的值；目前的 x 另外標示。`,
      columns: [
        'x',
        `${spec.name}(x)`,
        `${spec.name}′(x)`,
        lang === 'en'
          ? `|${spec.name}′| < ${threshold}`
          : `|${spec.name}′| < ${threshold}（梯度消失）`,
      ],
      rows: xs.map((v) => {
        const isCurrent = Math.abs(v - r.x) < 1e-9;
        const dv = isCurrent ? r.dy : df(v);
        return [
          formatNumber(v, X_DIGITS) + (isCurrent ? current : ''),
          formatNumber(isCurrent ? r.y : f(v), Y_DIGITS + 1),
          formatNumber(dv, Y_DIGITS + 1),
          Math.abs(dv) < spec.threshold ? yes : no,
        ];
      }),
    };
  };

  return defineFormula<ActivationResult>({
    id: spec.id,
    // The function above its derivative: the pair stays narrow enough for the formula column.
    tex:
      `\\begin{gathered} ${F}(${X}) = ${spec.definition({ x: X, f: F })}` +
      ` \\\\[0.3em] ${dF}(${X}) = ${spec.derivative({ x: X, f: F })} \\end{gathered}`,
    params: [
      {
        kind: 'scalar',
        name: 'x',
        tex: 'x',
        label: { en: 'input', 'zh-TW': '輸入' },
        slot: 1,
        min: spec.xDomain[0],
        max: spec.xDomain[1],
        step,
        default: spec.defaultX,
      },
      {
        kind: 'toggle',
        name: 'compare',
        tex: spec.compare.map((k) => CURVE_TEX[k]).join(',\\ '),
        label: { en: 'compare with other activations', 'zh-TW': '與其他激活函數比較' },
        default: true,
      },
    ],
    compute,
    worked: (_values, r) => {
      const xv = sym(1, texNum(r.x, X_DIGITS));
      return (
        '\\begin{aligned}' +
        `${F}(${xv}) &= ${spec.workedF(r.x, r.y, num)} \\\\` +
        `${dF}(${xv}) &= ${spec.workedDf(r.x, r.y, r.dy, num)}` +
        '\\end{aligned}'
      );
    },
    Plot,
    summary: (_values, r, lang) => {
      const xs = formatNumber(r.x, X_DIGITS);
      const ys = formatNumber(r.y, Y_DIGITS);
      const ds = formatNumber(r.dy, Y_DIGITS);
      const where = regionText(lang);
      if (lang === 'en') {
        return (
          `${spec.name}(${xs}) = ${ys}; the tangent's slope ${spec.name}′(${xs}) = ${ds}` +
          `${r.vanishing ? ', so the gradient has all but vanished here' : ''}. ` +
          `Shaded: ${spec.regionLabel.en} (|${spec.name}′| < ${threshold}) for ${where}.`
        );
      }
      return (
        `${spec.name}(${xs}) = ${ys}，切線斜率 ${spec.name}′(${xs}) = ${ds}` +
        `${r.vanishing ? '，這裡的梯度幾乎消失' : ''}。` +
        `陰影區：${spec.regionLabel['zh-TW']}（|${spec.name}′| < ${threshold}），範圍 ${where}。`
      );
    },
    table,
    presets: spec.presets,
    text: spec.text,
    related: spec.related,
  });
}
