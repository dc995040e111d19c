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
