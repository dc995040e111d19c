/** The colour of a plot mark, by name; each maps to a CSS class of src/ui/styles/plots.css. */
export type Tone =
  | 'sym1'
  | 'sym2'
  | 'sym3'
  | 'sym4'
  | 'sym5'
  | 'sym6'
  | 'sym7'
  | 'sym8'
  | 'axis'
  | 'muted'
  | 'faint'
  | 'accent'
  | 'emphasis';

/** Every tone, in order (legends, tests). */
export const TONES: readonly Tone[] = [
  'sym1',
  'sym2',
  'sym3',
  'sym4',
  'sym5',
  'sym6',
  'sym7',
  'sym8',
  'axis',
  'muted',
  'faint',
  'accent',
  'emphasis',
];

/** How a line is stroked. */
export type StrokeStyle = 'solid' | 'dashed' | 'dotted';

/** The tone of symbol slot N (1…8), as `sym(N, tex)` colours the TeX symbol. */
export function symTone(slot: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8): Tone {
  return `sym${slot}`;
}

/** The CSS class that sets a mark's colour (`--c`) to `tone`. */
export function toneClass(tone: Tone): string {
  return `tone-${tone}`;
}

/** The CSS class of a stroke style ('' for solid). */
export function strokeClass(style: StrokeStyle): string {
  return style === 'solid' ? '' : `stroke-${style}`;
}

/** Class names joined, falsy ones dropped. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
