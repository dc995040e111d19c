/** Where a list of marks is drawn: SVG elements, a canvas, or chosen by the list's length. */
export type MarksRender = 'svg' | 'canvas' | 'auto';

/** Past this many marks, "auto" draws on a canvas: a reconcile of that many elements costs a tick more than one canvas pass. */
export const MARKS_CANVAS_THRESHOLD = 400;

/** The drawing `render` asks for, for a list of `count` marks. */
export function marksRenderer(render: MarksRender, count: number): 'svg' | 'canvas' {
  if (render !== 'auto') return render;
  return count > MARKS_CANVAS_THRESHOLD ? 'canvas' : 'svg';
}
