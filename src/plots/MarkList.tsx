/** `Marks`: the one entry point that draws a plot's mark list, as SVG or on a canvas. */
import type { Lang } from '../ui/card/types';
import type { Mark } from './canvasMarks';
import { DenseCanvas } from './DenseCanvas';
import type { MarkStyles } from './markStyles';
import { marksRenderer, type MarksRender } from './marksRender';
import { SvgMarks } from './SvgMarks';
import './kit-dense.css';

/** Props of `Marks`. */
export interface MarksProps<S extends string> {
  /** The marks, in the frame's inner pixels. */
  marks: readonly Mark<NoInfer<S>>[];
  /** Every style the marks may name, with its classes. */
  styles: MarkStyles<S>;
  /** SVG elements, a canvas, or 'auto' (default): a canvas past `MARKS_CANVAS_THRESHOLD` marks. */
  render?: MarksRender;
  /** Language of the note shown if a canvas cannot draw. */
  lang?: Lang;
}

/**
 * A plot's marks, drawn inside a `PlotFrame`: as keyed SVG elements, or on a canvas laid
 * over the frame's SVG, the same drawing either way. A plot writes its marks once, as a
 * pure function of its result and frame; this chooses how they are drawn.
 */
export function Marks<S extends string>({ marks, styles, render = 'auto', lang }: MarksProps<S>) {
  return marksRenderer(render, marks.length) === 'canvas' ? (
    <DenseCanvas<S> marks={marks} styles={styles} lang={lang} />
  ) : (
    <SvgMarks<S> marks={marks} styles={styles} />
  );
}
