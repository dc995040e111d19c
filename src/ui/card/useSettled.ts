import { startTransition, useEffect, useRef, useState } from 'react';

/** How long changes must have stopped before a deferred value is shown (ms). */
export const SETTLE_MS = 120;

/** During a long drag, the newest value is still shown at least this often (ms). */
export const MAX_WAIT_MS = 300;

/**
 * `value`, delivered once the changes have settled: the first render shows it
 * at once; a later change lands after the browser has painted the frame in
 * which it happened and no further change has arrived for `SETTLE_MS`. A
 * slider tick thus paints its plot first, and the heavier text that follows
 * it (the KaTeX worked example, tens of ms of layout on a slow CPU) is laid
 * out once the slider rests, instead of delaying the next ticks of a drag or
 * a held key. During a long drag it still follows, at least every
 * `MAX_WAIT_MS`. The newest value is always the one shown.
 */
export function useSettled<T>(value: T): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const changedAt = useRef(0);
  const firstChangeAt = useRef(0);
  const pending = useRef<{ raf: number; timer: number } | null>(null);

  useEffect(() => {
    latest.current = value;
    changedAt.current = performance.now();
    if (pending.current || Object.is(value, shown)) return;
    const job = { raf: 0, timer: 0 };
    pending.current = job;
    firstChangeAt.current = changedAt.current;
    const settle = () => {
      const now = performance.now();
      const wait = Math.min(
        changedAt.current + SETTLE_MS - now,
        firstChangeAt.current + MAX_WAIT_MS - now,
      );
      if (wait > 0) {
        job.timer = window.setTimeout(settle, wait);
        return;
      }
      pending.current = null;
      // a transition: the render yields to the next input (a tick drawn at once)
      const next = latest.current;
      startTransition(() => setShown(next));
    };
    job.raf = requestAnimationFrame(() => {
      job.timer = window.setTimeout(settle, 0);
    });
  }, [value, shown]);

  useEffect(
    () => () => {
      const job = pending.current;
      if (!job) return;
      cancelAnimationFrame(job.raf);
      clearTimeout(job.timer);
      pending.current = null;
    },
    [],
  );

  return shown;
}
