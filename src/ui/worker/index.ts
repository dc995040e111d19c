/** Heavy compute behind a message boundary (see STYLE.md habit 16). */
export { createComputeClient, type ComputeClient, type WorkerFactory } from './computeClient';
export { exposeCompute, type WorkerScope } from './exposeCompute';
export {
  runCompute,
  type ComputeOutcome,
  type ComputeRequest,
  type ComputeResponse,
} from './protocol';
export { useWorkerCompute, type WorkerCompute } from './useWorkerCompute';
