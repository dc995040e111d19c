import { useEffect, useRef, useState } from 'react';
import { createComputeClient, type ComputeClient, type WorkerFactory } from './computeClient';

/** What `useWorkerCompute` has for the newest input. */
export interface WorkerCompute<O> {
  /** The newest delivered value (kept while a newer input computes), or undefined before the first. */
  value: O | undefined;
  /** True while the newest input has not been answered. */
  pending: boolean;
  /** The error message of the newest answered input, or null. */
  error: string | null;
}

interface Answer<I, O> {
  input: I | undefined;
  value: O | undefined;
  error: string | null;
}

/**
 * `compute(input)` off the main thread: in the worker from `factory` (which imports
 * the same pure function), else on the main thread after the current task. The
 * newest input wins; an answer to an older one is never returned. `compute` and
 * `factory` are read once, when the component mounts; `input` should be memoized
 * (a new object is a new request).
 */
export function useWorkerCompute<I, O>(
  compute: (input: I) => O,
  input: I,
  factory?: WorkerFactory,
): WorkerCompute<O> {
  const client = useRef<ComputeClient<I, O> | null>(null);
  const [answer, setAnswer] = useState<Answer<I, O>>({
    input: undefined,
    value: undefined,
    error: null,
  });
  useEffect(() => {
    const c = createComputeClient(compute, factory);
    client.current = c;
    return () => {
      c.dispose();
      client.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    client.current?.request(input, (outcome) =>
      setAnswer((a) =>
        outcome.ok
          ? { input, value: outcome.value, error: null }
          : { input, value: a.value, error: outcome.message },
      ),
    );
  }, [input]);
  return { value: answer.value, pending: answer.input !== input, error: answer.error };
}
