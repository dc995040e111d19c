/**
 * Style names of the dense plot kit's marks (heatmap, colour key, contour, trajectory,
 * graph, histogram). A mark names its style; `denseClass` maps it to its CSS class in
 * kit-dense.css, and canvas layers read the same class through a style probe, so the SVG
 * and the canvas draw alike. A misspelt name is a type error.
 */
export type DenseStyle =
  | 'heatmap-cell'
  | 'heatmap-missing'
  | 'heatmap-value-light'
  | 'heatmap-value-dark'
  | 'heatmap-label'
  | 'heatmap-frame'
  | 'heatmap-highlight'
  | 'color-key-bar'
  | 'color-key-tick'
  | 'color-key-label'
  | 'color-key-title'
  | 'contour-band'
  | 'contour-line'
  | 'trajectory-path'
  | 'trajectory-arrow'
  | 'trajectory-start'
  | 'trajectory-current'
  | 'graph-edge'
  | 'graph-edge-positive'
  | 'graph-edge-negative'
  | 'graph-node'
  | 'graph-node-label'
  | 'graph-value'
  | 'hist-bar'
  | 'hist-expected'
  | 'hist-expected-point';

const CLASS: Record<DenseStyle, string> = {
  'heatmap-cell': 'kd-heatmap-cell',
  'heatmap-missing': 'kd-heatmap-missing',
  'heatmap-value-light': 'kd-heatmap-value kd-on-dark',
  'heatmap-value-dark': 'kd-heatmap-value kd-on-light',
  'heatmap-label': 'kd-heatmap-label',
  'heatmap-frame': 'kd-heatmap-frame',
  'heatmap-highlight': 'kd-heatmap-highlight',
  'color-key-bar': 'kd-key-bar',
  'color-key-tick': 'kd-key-tick',
  'color-key-label': 'kd-key-label',
  'color-key-title': 'kd-key-title',
  'contour-band': 'kd-contour-band',
  'contour-line': 'kd-contour-line',
  'trajectory-path': 'kd-trajectory-path',
  'trajectory-arrow': 'kd-trajectory-arrow',
  'trajectory-start': 'kd-trajectory-start',
  'trajectory-current': 'kd-trajectory-current',
  'graph-edge': 'kd-graph-edge',
  'graph-edge-positive': 'kd-graph-edge kd-positive',
  'graph-edge-negative': 'kd-graph-edge kd-negative',
  'graph-node': 'kd-graph-node',
  'graph-node-label': 'kd-graph-node-label',
  'graph-value': 'kd-graph-value',
  'hist-bar': 'kd-hist-bar',
  'hist-expected': 'kd-hist-expected',
  'hist-expected-point': 'kd-hist-expected-point',
};

/** The CSS class (or classes) of a dense-kit style. */
export function denseClass(style: DenseStyle): string {
  return CLASS[style];
}

/** Every dense-kit style (tests, probes). */
export const DENSE_STYLES = Object.keys(CLASS) as DenseStyle[];
