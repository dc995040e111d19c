import type { ActivationKey } from '../../math';
import { ACTIVATIONS } from '../../math';
import type { ActivationResult, CompareCurve } from './ActivationPlot';
import { makeActivationPlot } from './ActivationPlot';
import { formatNumber } from '../../plots/formatNumber';
import type { Interval } from './vanishingIntervals';
import { vanishingIntervals } from './vanishingIntervals';
import { sym, texNum } from '../../ui/tex/sym';
import type {
  AnyFormulaDef,
  Bilingual,
  CodeSnippets,
  DataTable,
  FormulaText,
  Lang,
  Preset,
  ValuesOf,
} from '../../ui/card/types';
import { defineFormula, defineParams } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';

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
  presets: readonly Preset<ActivationValues>[];
  text: Bilingual<FormulaText>;
  /** NumPy and PyTorch code of f(x) and f′(x) at the current x (activation/code.ts). */
  code?: (x: number) => CodeSnippets;
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
/** Slider step of x. */
const STEP = 0.1;

/** The params of an activation page: the input x and the switch of the comparison curves. */
function activationParams(spec: ActivationSpec) {
  return defineParams([
    {
      kind: 'scalar',
      name: 'x',
      tex: 'x',
      label: { en: 'input', 'zh-TW': '輸入' },
      slot: 1,
      min: spec.xDomain[0],
      max: spec.xDomain[1],
      step: STEP,
      default: spec.defaultX,
    },
    {
      kind: 'toggle',
      name: 'compare',
      tex: spec.compare.map((k) => CURVE_TEX[k]).join(',\\ '),
      label: { en: 'compare with other activations', 'zh-TW': '與其他激活函數比較' },
      default: true,
    },
  ]);
}

/** The values of an activation page: `{ x: number; compare: boolean }`. */
export type ActivationValues = ValuesOf<ReturnType<typeof activationParams>>;

/** The formatted pieces of the summary sentence. */
interface SummaryParts {
  name: string;
  x: string;
  y: string;
  dy: string;
  vanishing: boolean;
  regionLabel: string;
  threshold: string;
  where: string;
}

/** The words of the summary and the table. */
const WORDS = bilingual({
  en: {
    everywhere: 'everywhere shown',
    and: ' and ',
    yes: 'yes',
    no: 'no',
    current: ' (current)',
    caption: (name: string) =>
      `${name}(x) and its derivative ${name}′(x) at sample points; the current x is marked.`,
    vanishing: (name: string, threshold: string) => `|${name}′| < ${threshold}`,
    summary: (s: SummaryParts) =>
      `${s.name}(${s.x}) = ${s.y}; the tangent's slope ${s.name}′(${s.x}) = ${s.dy}` +
      `${s.vanishing ? ', so the gradient has all but vanished here' : ''}. ` +
      `Shaded: ${s.regionLabel} (|${s.name}′| < ${s.threshold}) for ${s.where}.`,
  },
  'zh-TW': {
    everywhere: '整個範圍',
    and: ' 以及 ',
    yes: '是',
    no: '否',
    current: '（目前）',
    caption: (name) => `${name}(x) 與導數 ${name}′(x) 在取樣點的值；目前的 x 另外標示。`,
    vanishing: (name, threshold) => `|${name}′| < ${threshold}（梯度消失）`,
    summary: (s) =>
      `${s.name}(${s.x}) = ${s.y}，切線斜率 ${s.name}′(${s.x}) = ${s.dy}` +
      `${s.vanishing ? '，這裡的梯度幾乎消失' : ''}。` +
      `陰影區：${s.regionLabel}（|${s.name}′| < ${s.threshold}），範圍 ${s.where}。`,
  },
});

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
    if (lo <= a && hi >= b) return WORDS[lang].everywhere;
    if (lo <= a) return `x < ${H}`;
    if (hi >= b) return `x > ${L}`;
    return `${L} < x < ${H}`;
  });
  return parts.join(WORDS[lang].and);
}

/** Builds the full declaration of an activation page from its spec. */
export function activationPage(spec: ActivationSpec): AnyFormulaDef {
  const { f, df } = ACTIVATIONS[spec.id];
  const regions = vanishingIntervals(df, spec.xDomain, spec.threshold);
  const compare: CompareCurve[] = spec.compare.map((k) => ({
    name: CURVE_NAMES[k],
    f: ACTIVATIONS[k].f,
  }));
  const Plot = makeActivationPlot({
    name: spec.name,
    f,
    df,
    xDomain: spec.xDomain,
    yDomain: spec.yDomain,
    regions,
    regionLabel: spec.regionLabel,
    compare,
    step: STEP,
  });

  const F = sym(2, spec.fTex);
  const dF = sym(3, `${spec.fTex}'`);
  const X = sym(1, 'x');
  const num = (v: number) => texNum(v, Y_DIGITS);
  const threshold = formatNumber(spec.threshold, 2);
  const regionText = (lang: Lang) => describeRegions(regions, spec.xDomain, lang);

  const compute = (values: ActivationValues): ActivationResult => {
    const x0 = Number.isFinite(values.x) ? values.x : spec.defaultX;
    const x = Math.min(Math.max(x0, spec.xDomain[0]), spec.xDomain[1]);
    const y = f(x);
    const dy = df(x);
    return { x, y, dy, vanishing: Math.abs(dy) < spec.threshold };
  };

  const table = (_values: ActivationValues, r: ActivationResult, lang: Lang): DataTable => {
    const [a, b] = spec.xDomain;
    const stride = Math.max(1, Math.ceil((b - a) / 16));
    const xs: number[] = [];
    for (let v = Math.ceil(a); v <= b; v += stride) xs.push(v);
    const hasCurrent = xs.some((v) => Math.abs(v - r.x) < 1e-9);
    if (!hasCurrent) xs.push(r.x);
    xs.sort((p, q) => p - q);
    const words = WORDS[lang];
    return {
      caption: words.caption(spec.name),
      columns: ['x', `${spec.name}(x)`, `${spec.name}′(x)`, words.vanishing(spec.name, threshold)],
      rows: xs.map((v) => {
        const isCurrent = Math.abs(v - r.x) < 1e-9;
        const dv = isCurrent ? r.dy : df(v);
        return [
          formatNumber(v, X_DIGITS) + (isCurrent ? words.current : ''),
          formatNumber(isCurrent ? r.y : f(v), Y_DIGITS + 1),
          formatNumber(dv, Y_DIGITS + 1),
          Math.abs(dv) < spec.threshold ? words.yes : words.no,
        ];
      }),
    };
  };

  return defineFormula({
    id: spec.id,
    // The function above its derivative: the pair stays narrow enough for the formula column.
    tex:
      `\\begin{gathered} ${F}(${X}) = ${spec.definition({ x: X, f: F })}` +
      ` \\\\[0.3em] ${dF}(${X}) = ${spec.derivative({ x: X, f: F })} \\end{gathered}`,
    params: activationParams(spec),
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
    // the value of the function at x, the point the plot marks on the curve
    answer: (_values, r) => ({
      label: `${spec.name}(${formatNumber(r.x, X_DIGITS)})`,
      tex: `${F}(${sym(1, texNum(r.x, X_DIGITS))})`,
      value: r.y,
      // the plot's y-axis
      range: spec.yDomain,
      hideFrom: 0,
    }),
    summary: (_values, r, lang) =>
      WORDS[lang].summary({
        name: spec.name,
        x: formatNumber(r.x, X_DIGITS),
        y: formatNumber(r.y, Y_DIGITS),
        dy: formatNumber(r.dy, Y_DIGITS),
        vanishing: r.vanishing,
        regionLabel: spec.regionLabel[lang],
        threshold,
        where: regionText(lang),
      }),
    table,
    presets: spec.presets,
    code: spec.code ? (_values, r) => spec.code!(r.x) : undefined,
    text: spec.text,
  });
}
