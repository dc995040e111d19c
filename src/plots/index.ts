/**
 * The plot kit: one coordinate frame in context (PlotFrame + useFrame) and marks
 * that take data coordinates only. Pages import from here.
 */
export { ChunkBounds, DEFAULT_MARGIN, PlotFrame, innerSize } from './PlotFrame';
export type { Margin, PlotFrameProps } from './PlotFrame';
export {
  FrameProvider,
  makeFrame,
  resolveScale,
  useFrame,
  useMakeFrame,
  useOptionalFrame,
} from './frame';
export type {
  AxisSpec,
  ContinuousScale,
  Frame,
  FrameProviderProps,
  ScaleInput,
  ScaleKind,
} from './frame';
export { AxisBottom, AxisLeft } from './Axes';
export type { AxisProps, AxisScale } from './Axes';
export { Curve, curvePath, sampleCurve } from './Curve';
export type { CurvePoints, CurveProps, SampleOptions } from './Curve';
export { Arrow, Line, Point, Segment, arrowGeometry, clipLine, toPixel } from './marks';
export type { ArrowProps, LineProps, PointProps, SegmentProps, Vec2 } from './marks';
// marks as data: one list drawn as keyed SVG or on a canvas
export { Marks } from './MarkList';
export type { MarksProps } from './MarkList';
export { SvgMarks } from './SvgMarks';
export type { SvgMarksProps } from './SvgMarks';
export { MARKS_CANVAS_THRESHOLD, marksRenderer } from './marksRender';
export type { MarksRender } from './marksRender';
export { styleProbes } from './markStyles';
export type { MarkStyleSpec, MarkStyles, StyleProbe } from './markStyles';
export type { CircleMark, Mark, PathMark, RectMark, TextMark } from './canvasMarks';
export {
  CANVAS_UNAVAILABLE,
  LayeredPlotFrame,
  MarksCanvas,
  StyleProbes,
  drawnMarks,
} from './MarksCanvas';
export type { LayeredPlotFrameProps, MarksCanvasProps } from './MarksCanvas';
export { Bars, barCenter, barLayout } from './Bars';
export type { BarDatum, BarRect, BarsProps } from './Bars';
export { LEGEND_METRICS, Legend, legendLayout } from './Legend';
export type {
  LegendItem,
  LegendLayout,
  LegendMetrics,
  LegendProps,
  PlacedItem,
  SwatchKind,
} from './Legend';
export { DraggablePoint, KEY_STEP, clientToViewBox, keyStepFraction } from './DraggablePoint';
export type { DraggablePointProps } from './DraggablePoint';
export {
  MINUS,
  formatCell,
  formatFixed,
  formatNumber,
  formatProbability,
  tickFormatter,
} from './formatNumber';
export type { FormatOptions, NumberLocale } from './formatNumber';
export { PLOT_FONT, estimateTextWidth, fontSizeOf, measureText } from './measureText';
export { TONES, cx, strokeClass, symTone, toneClass } from './tones';
export type { StrokeStyle, Tone } from './tones';
export { usePlotSize } from './usePlotSize';
export type { PlotSize, PlotSizeBounds } from './usePlotSize';
// dense kit: heatmap, colour key, contour, trajectory, graph, histogram
export { denseClass, DENSE_STYLES } from './denseStyles';
export type { DenseStyle } from './denseStyles';
export { makeColorScale, parseRgb, relativeLuminance, wantsLightText } from './colorScale';
export type { ColorScale, ColorScaleSpec, DivergingScheme, SequentialScheme } from './colorScale';
export { DenseCanvas, denseMarkStyles } from './DenseCanvas';
export type { DenseCanvasProps } from './DenseCanvas';
export {
  HEATMAP_CANVAS_THRESHOLD,
  Heatmap,
  heatmapLayout,
  heatmapMarks,
  heatmapSummary,
} from './Heatmap';
export type {
  HeatmapCell,
  HeatmapMarkStyle,
  HeatmapLayoutOptions,
  HeatmapProps,
  HeatmapSummaryOptions,
} from './Heatmap';
export { ColorKey, colorKeyLayout } from './ColorKey';
export type { ColorKeyLayout, ColorKeyProps } from './ColorKey';
export { Contour, contourLayout, contourPaths, contourThresholds, sampleGrid } from './Contour';
export type { ContourLevel, ContourProps, SampledGrid, ThresholdSpacing } from './Contour';
export { Trajectory, trajectoryLayout } from './Trajectory';
export type { TrajectoryLayout, TrajectoryProps } from './Trajectory';
export { Graph, layeredLayout } from './Graph';
export type {
  GraphEdge,
  GraphNode,
  GraphProps,
  LayeredLayoutOptions,
  PlacedEdge,
  PlacedNode,
} from './Graph';
export {
  Histogram,
  binSamples,
  binValue,
  categoryBins,
  categoryDomain,
  histogramLayout,
  histogramMax,
} from './Histogram';
export type {
  BinnedSample,
  HistogramBar,
  HistogramBin,
  HistogramNormalize,
  HistogramProps,
} from './Histogram';
// a square coordinate plane over [−span, span]² and a vector's tip label
export { PLANE_MARGIN, Plane, TipLabel, planeHeight } from './Plane';
export type { PlaneProps, TipLabelProps } from './Plane';
