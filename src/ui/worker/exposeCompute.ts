import { runCompute, type ComputeRequest, type ComputeResponse } from './protocol';

/** The side of a worker's global scope this needs (a `DedicatedWorkerGlobalScope`). */
export interface WorkerScope {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage: (message: unknown) => void;
}

/**
 * Serves `compute` from inside a worker file (`x.worker.ts`): every request is
 * answered with its id and the value, or the message of the error it threw.
 * The function is the page's pure compute, imported from `src/math` unchanged.
 */
export function exposeCompute<I, O>(
  compute: (input: I) => O,
  scope: WorkerScope = self as unknown as WorkerScope,
): void {
  scope.onmessage = (e: MessageEvent) => {
    const { id, input } = e.data as ComputeRequest<I>;
    const response: ComputeResponse<O> = { id, ...runCompute(compute, input) };
    scope.postMessage(response);
  };
}
