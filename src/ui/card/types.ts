import type { ComponentType } from 'react';

/**
 * The declaration of one formula page. A page is one folder under
 * `src/formulas/<id>/` whose `index.ts` default-exports a `FormulaDef`, plus one
 * line in `src/formulas/registry.ts`. The card framework (`src/ui/card/`)
 * renders any declaration: the TeX, the worked example, the sliders, the
 * plot, the data table, presets and prose. Its related links live in the
 * page's registry entry.
 */

/** The two interface languages. */
export type Lang = 'en' | 'zh-TW';

/** A value written in both languages. */
export type Bilingual<T = string> = Record<Lang, T>;

/**
 * Symbol colour slots 1…8. Each slot is a CSS custom property `--sym-N` with a
 * light and a dark theme value; the same slot colours a symbol in the TeX, its
 * slider and its mark in the plot. In TeX use `sym(slot, tex)` from
 * `src/ui/tex/sym.ts`.
 */
export type SymbolSlot = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

interface ParamBase {
  /** Query-string key and state key, e.g. `T` for `?T=0.7`. ASCII letters/digits. */
  name: string;
  /** TeX of the symbol, e.g. `T` or `z`. */
  tex: string;
  /** Human name: `{ en: 'temperature', 'zh-TW': '溫度' }`. */
  label: Bilingual;
  /** Colour slot shared by TeX, slider and plot mark. */
  slot?: SymbolSlot;
  /**
   * Edited inside the plot (a matrix whose cells the plot lays out), so the controls leave
   * it out; it is in the URL, presets and reset like any other param.
   */
  inPlot?: boolean;
  /**
   * A quantity other pages have too, named the same on each (`'logits'`, `'learning-rate'`):
   * following a related link to a page whose param shares it carries the current value there
   * (fitted to its range and length; src/ui/url/shared.ts).
   */
  shares?: string;
  /**
   * The param matters only while another has this value (gradient descent's 2-D surface, with
   * `{ param: 'dim', value: 2 }`): otherwise its control is disabled and says when it is used.
   */
  activeWhen?: { param: string; value: number | boolean };
}

/** One number, set by a range slider and a number field. */
export interface ScalarParam extends ParamBase {
  kind: 'scalar';
  min: number;
  max: number;
  step: number;
  default: number;
  /** 'log' for ranges that span decades (temperature, learning rate). */
  scale?: 'linear' | 'log';
  /** Integer-valued (e.g. a class index or a count). */
  integer?: boolean;
}

/**
 * A list of numbers, one slider each. `length` is fixed, or taken from an
 * integer scalar param (e.g. `{ param: 'n' }`), in which case `default` holds
 * enough entries for the largest length.
 */
export interface VectorParam extends ParamBase {
  kind: 'vector';
  min: number;
  max: number;
  step: number;
  default: readonly number[];
  length: number | { param: string };
  /** Label of entry i (e.g. a token); defaults to `tex_{i+1}`. */
  itemLabel?: (i: number, lang: Lang) => string;
}

/**
 * A rows×cols matrix of numbers, one slider per entry (attention's Q, K, V).
 * `rows` is fixed or taken from an integer scalar param; `default` is row-major
 * with enough rows for the largest row count.
 */
export interface MatrixParam extends ParamBase {
  kind: 'matrix';
  min: number;
  max: number;
  step: number;
  default: readonly (readonly number[])[];
  rows: number | { param: string };
  cols: number;
  /** Label of row i (e.g. a token). */
  rowLabel?: (i: number, lang: Lang) => string;
}

/** An on/off switch (causal mask, scaling, comparison curves). */
export interface ToggleParam extends ParamBase {
  kind: 'toggle';
  default: boolean;
}

/** One of a few named integer options (a true class, a selected row). */
export interface ChoiceParam extends ParamBase {
  kind: 'choice';
  options: readonly { value: number; label: Bilingual }[];
  default: number;
  /**
   * Only options whose value is below this integer param's value are offered
   * (attention's selected row among `n` tokens: `{ param: 'n' }`).
   */
  limit?: { param: string };
}

/**
 * The seed of a page's random draws (sampled tokens, noisy data): an integer
 * 0…2³²−1 in the URL, shown with its number and a "new seed" button, so a link
 * reproduces the same draw. Feed it to `createRandom` from `src/math/random.ts`.
 */
export interface SeedParam extends ParamBase {
  kind: 'seed';
  default: number;
}

/**
 * The current step of a page that plays (descent steps, tokens generated): an
 * integer 0…max in the URL, so a link opens at the same step. Its control plays
 * (at the chosen speed, only when the reader starts it), pauses, steps either
 * way, resets and scrubs; Space, `.` and `,` do the same from anywhere in the card.
 */
export interface TimeParam extends ParamBase {
  kind: 'time';
  /**
   * Last step: fixed, the value of an integer scalar param (e.g. `{ param: 'steps' }`), or
   * the product of several (`{ product: ['m', 'n'] }`: one step per cell of an m×n grid).
   */
  max: number | { param: string } | { product: readonly string[] };
  default: number;
  /** Playing speeds offered, in steps per second, ascending (default 1, 2, 5, 10, 30). */
  speeds?: readonly number[];
  /** The speed selected at first, one of `speeds` (default 5, or the first speed). */
  speed?: number;
}

export type Param =
  ScalarParam | VectorParam | MatrixParam | ToggleParam | ChoiceParam | SeedParam | TimeParam;

/** The value a param holds in state and in the URL. */
export type ParamValue = number | boolean | number[] | number[][];

/** The current values of a page, keyed by param name. */
export type Values = Readonly<Record<string, ParamValue>>;

/** The value each kind of param holds (a new kind must say here what it holds). */
interface ValueOfKind {
  scalar: number;
  vector: number[];
  matrix: number[][];
  toggle: boolean;
  choice: number;
  seed: number;
  time: number;
}

/**
 * The values of a page, typed from its params and keyed by each param's name:
 * params `[{ kind: 'scalar', name: 'T' }, { kind: 'vector', name: 'z' }, { kind: 'toggle', name: 'causal' }]`
 * give `{ T: number; z: number[]; causal: boolean }`. Over `readonly Param[]` it is `Values`.
 */
export type ValuesOf<P extends readonly Param[]> = {
  readonly [Q in P[number] as Q['name']]: ValueOfKind[Q['kind']];
};

/**
 * Declares a page's params once, keeping each name and kind literal so that
 * `ValuesOf<typeof PARAMS>` types the values (for a model or plot outside `defineFormula`).
 */
export function defineParams<const P extends readonly Param[]>(params: P): P {
  return params;
}

/** Some of a page's values, by name (in the erased `Values`, any names). */
type SomeValues<V> = string extends keyof V ? V : Readonly<Partial<V>>;

/** A named starting point worth showing (softmax: "confident"). */
export interface Preset<V = Values> {
  id: string;
  label: Bilingual;
  /** Values it sets; params it omits keep their defaults. */
  values: SomeValues<V>;
  /** One sentence on what to notice. */
  note?: Bilingual;
}

/** Props every plot receives from the card; `V` is the page's `ValuesOf<params>`. */
export interface PlotProps<R, V = Values> {
  values: V;
  result: R;
  lang: Lang;
  /** Param name whose symbol is highlighted (hover/focus on TeX, slider or plot), or null. */
  highlight: string | null;
  /** Highlight a symbol from the plot (null to clear). */
  setHighlight: (name: string | null) => void;
  /** Change a value from inside the plot (e.g. selecting an attention row). */
  setValue: (name: string, value: ParamValue) => void;
}

/** A table of the numbers behind the plot ("show data"). */
export interface DataTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

/**
 * The one number of a card a student may guess before it is shown ("predict, then reveal"):
 * what a page's `answer` returns. Without `answer`, the card reads it from the worked
 * example's last line (src/ui/card/answer.ts).
 */
export interface CardAnswer {
  /** What the number is, as plain text in the card's language ("the probability of “mat”"). */
  label: string;
  /** The same as TeX, shown by the guess field (else the label is shown). */
  tex?: string;
  /** The true value at these values. */
  value: number;
  /** Significant digits the answer is shown with (default 3). */
  digits?: number;
  /** A unit after the numbers ("nats", "bits", "%"). */
  unit?: string;
  /**
   * The span a student drags the guess marker over: what the quantity can be at these values
   * (a probability's [0, 1], a cosine's [−1, 1]), never worked out from the answer itself.
   * Default (`guessRange` in guessScale.ts): [0, 100] for a percentage, else zero to the
   * answer's power of ten.
   */
  range?: readonly [number, number];
  /**
   * The first worked-example line hidden while predicting (with every line after it): an
   * index into its lines (split at top-level `\\`), negative from the end; default −1, the
   * last line. Choose the line that shows the answer.
   */
  hideFrom?: number;
}

/**
 * Code that computes what a card shows, with its current numbers filled in (the card's
 * "Code" panel). The NumPy snippet prints, as the last line of its output, one JSON object
 * of the numbers the card shows (`print(json.dumps({...}))`): tests/code runs it and
 * compares them with `compute`. The PyTorch snippet computes the same, line by line.
 */
export interface CodeSnippets {
  numpy: string;
  torch: string;
}

/** Prose of a page in one language. Inline TeX is written between `$…$`. */
export interface FormulaText {
  /** A short introduction shown above the card. (Title and teaser live in the registry.) */
  intro: string;
  /** Paragraphs shown below the card (hidden in presentation mode). */
  body: string[];
}

/**
 * The full declaration of a formula page: `R` is what `compute` returns, `P` the
 * params, from which the values every function and the plot receive are typed.
 */
export interface FormulaDef<R = unknown, P extends readonly Param[] = readonly Param[]> {
  id: string;
  /** The formula in TeX (display mode); colour symbols with `sym()`. */
  tex: string;
  params: P;
  /** Pure: calls `src/math` and returns everything the plot and the worked example show. */
  compute: (values: ValuesOf<P>) => R;
  /**
   * The formula with the current values substituted and the result, in TeX.
   * Must show the same numbers the plot shows (both come from `result`).
   */
  worked: (values: ValuesOf<P>, result: R, lang: Lang) => string;
  /** The plot component; d3 computes scales and paths, React renders SVG. */
  Plot: ComponentType<PlotProps<R, ValuesOf<P>>>;
  /**
   * The plot has controls of its own (a draggable point, focusable nodes): its figure is
   * a labelled group that screen readers enter, instead of one image (role="img").
   */
  interactivePlot?: boolean;
  /**
   * The number a student predicts before "reveal" shows it, at these values (optional: the
   * card reads the worked example's last line when a page gives none). Null when there is
   * no single number to ask for.
   */
  answer?: (values: ValuesOf<P>, result: R, lang: Lang) => CardAnswer | null;
  /** One sentence summarising the plot for screen readers (the figure's label). */
  summary: (values: ValuesOf<P>, result: R, lang: Lang) => string;
  /** The data behind the plot, for the "show data" table. */
  table: (values: ValuesOf<P>, result: R, lang: Lang) => DataTable;
  presets?: readonly Preset<ValuesOf<P>>[];
  /**
   * NumPy and PyTorch code for these values (`src/ui/card/code.ts` writes numbers and
   * arrays as Python): the card's "Code" panel, with the settled values. Without it, no panel.
   */
  code?: (values: ValuesOf<P>, result: R) => CodeSnippets;
  text: Bilingual<FormulaText>;
}

/** A declaration with its result and values types erased: what the registry and the card hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFormulaDef = FormulaDef<any>;

/**
 * Type-checks a page's declaration and erases its types for the registry. Write
 * no type arguments: the result type comes from `compute`, and the values every
 * function, the plot and the presets see are typed from `params`, so
 * `compute: ({ T, z }) => …` needs no casts and a misspelt name is a type error.
 */
export function defineFormula<R, const P extends readonly Param[] = readonly Param[]>(
  def: FormulaDef<R, P>,
): AnyFormulaDef {
  // The card calls these functions only with values normalized from `def.params`.
  return def as unknown as AnyFormulaDef;
}
