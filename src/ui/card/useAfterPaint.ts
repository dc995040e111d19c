import { useEffect, useRef, useState } from 'react';

/**
 * `value`, delivered one frame late: the first render shows it at once, later
 * changes land just after the browser has painted the frame in which they
 * happened (requestAnimationFrame, then a task). A slider tick thus paints
 * its plot first and the heavier text that follows it (the KaTeX worked
 * example) right after, instead of both delaying the same frame. While
 * changes keep coming, the newest value is shown once per frame.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const pending = useRef<{ raf: number; timer: number } | null>(null);

  useEffect(() => {
    latest.current = value;
    if (pending.current || Object.is(value, shown)) return;
    const job = { raf: 0, timer: 0 };
    pending.current = job;
    job.raf = requestAnimationFrame(() => {
      job.timer = window.setTimeout(() => {
        pending.current = null;
        setShown(latest.current);
      }, 0);
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
