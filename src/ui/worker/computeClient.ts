import { runCompute, type ComputeOutcome, type ComputeResponse } from './protocol';

/** Makes the worker, e.g. `() => new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`. */
export type WorkerFactory = () => Worker;

/** A compute behind a message boundary where only the newest request is answered. */
export interface ComputeClient<I, O> {
  /** Computes `input`; `deliver` is called once with its outcome, unless a newer request came first. */
  request(input: I, deliver: (outcome: ComputeOutcome<O>) => void): void;
  /** Ends the worker; nothing is delivered afterwards. */
  dispose(): void;
}

interface Pending<I, O> {
  id: number;
  input: I;
  deliver: (outcome: ComputeOutcome<O>) => void;
}

/**
 * Runs `compute` in a worker from `factory`, or, where there is no Worker (jsdom,
 * tests, old browsers), the worker fails to start or errors out, on the main
 * thread after the current task. At most one request is in the worker at a time:
 * requests made meanwhile replace each other, and only the newest is sent next,
 * so a burst of slider ticks costs two computes, not one each. An answer to any
 * but the newest request is dropped.
 */
export function createComputeClient<I, O>(
  compute: (input: I) => O,
  factory?: WorkerFactory,
): ComputeClient<I, O> {
  let worker: Worker | null = null;
  let newest: Pending<I, O> | null = null;
  let inFlight: number | null = null;
  let sent = 0;
  let nextId = 1;
  let disposed = false;

  const onMainThread = (p: Pending<I, O>) => {
    setTimeout(() => {
      if (disposed || newest?.id !== p.id) return;
      const outcome = runCompute(compute, p.input);
      if (!disposed && newest?.id === p.id) {
        newest = null;
        p.deliver(outcome);
      }
    }, 0);
  };

  const send = () => {
    if (!worker || !newest || inFlight !== null || sent === newest.id) return;
    inFlight = sent = newest.id;
    worker.postMessage({ id: newest.id, input: newest.input });
  };

  const fail = () => {
    worker?.terminate();
    worker = null;
    inFlight = null;
    if (newest && !disposed) onMainThread(newest);
  };

  if (factory && typeof Worker !== 'undefined') {
    try {
      worker = factory();
      worker.onmessage = (e: MessageEvent) => {
        const response = e.data as ComputeResponse<O>;
        inFlight = null;
        if (disposed) return;
        if (newest && response.id === newest.id) {
          const p = newest;
          newest = null;
          const { id: _id, ...outcome } = response;
          p.deliver(outcome as ComputeOutcome<O>);
        } else {
          send();
        }
      };
      worker.onerror = (e: Event) => {
        e.preventDefault();
        fail();
      };
      worker.onmessageerror = fail;
    } catch {
      worker = null;
    }
  }

  return {
    request(input, deliver) {
      if (disposed) return;
      newest = { id: nextId++, input, deliver };
      if (worker) send();
      else onMainThread(newest);
    },
    dispose() {
      disposed = true;
      newest = null;
      // A request in flight means the worker may still be loading its script: it is ended once
      // it answers (or fails), so a client disposed right after it was made (a remount) does
      // not cancel the download half-way.
      const w = worker;
      worker = null;
      if (!w) return;
      if (inFlight === null) {
        w.terminate();
        return;
      }
      const end = () => w.terminate();
      w.onmessage = end;
      w.onerror = end;
      w.onmessageerror = end;
      setTimeout(end, 10_000);
    },
  };
}
