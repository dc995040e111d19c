/**
 * A plot's style table: every style name its marks may carry, with the CSS classes that
 * draw it. `SvgMarks` gives an SVG mark these classes; a canvas reads the same rules from a
 * hidden probe element with them (`StyleProbes`), so both drawings look alike. Declared as
 * a record over the plot's style union, a style left out or misspelt is a type error.
 */

/** How one style is drawn: the classes of its element, and of a group around it. */
export interface MarkStyleSpec {
  /** Classes of the element, e.g. "value-arrow sym-3". */
  className: string;
  /** A text style: its probe is a `<text>`, so rules for SVG text apply to it. */
  text?: boolean;
  /** Classes of a group around the element, for rules that depend on it; its opacity counts. */
  group?: string;
}

/** Every style of a plot, by name. */
export type MarkStyles<S extends string> = { readonly [K in S]: MarkStyleSpec };

/** One style of a table with its name, as a probe element is made from it. */
export interface StyleProbe<S extends string = string> extends MarkStyleSpec {
  name: S;
}

/** The styles of a table as a list, in the table's order. */
export function styleProbes<S extends string>(styles: MarkStyles<S>): StyleProbe<S>[] {
  return (Object.keys(styles) as S[]).map((name) => ({ name, ...styles[name] }));
}
