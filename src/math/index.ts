/**
 * The formula library of the explorer: pure TypeScript, no UI imports, no
 * module state. The names and signatures follow the math API contract.
 */
export type { Matrix, Vector } from './types';
export * from './special';
export * from './activations';
export * from './softmax';
export * from './information';
export * from './sampling';
export * from './losses';
export * from './probability';
export {
  angle,
  cosineSimilarity,
  dot,
  euclideanDistance,
  matmul,
  norm,
  projection,
  transpose,
} from './linalg';
export * from './determinant';
export * from './attention';
export * from './regularization';
export * from './regression';
export * from './optimizers';
export { SCHEDULE_NAMES, learningRate } from './schedules';
export type {
  ConstantSchedule,
  CosineSchedule,
  ExponentialSchedule,
  LearningRateSchedule,
  OptimizerSchedule,
  StepSchedule,
  WarmupCosineSchedule,
} from './schedules';
export * from './backprop';
export * from './training';
export * from './transformer';
export * from './random';
