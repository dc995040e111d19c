import type { HtmlPatch } from './htmlPatch';

/** A formula's key: `D` (display) or `I` (inline), then its TeX. */
export type TexKey = string;

/** Asks for `next`'s HTML and, if `prev` is given, the patch from `prev`'s. */
export interface TexRequest {
  id: number;
  prev: TexKey | null;
  next: TexKey;
}

/** The HTML of a request's `next`, and the patch from its `prev` (null: write it whole). */
export interface TexReply {
  id: number;
  html: string;
  patch: HtmlPatch | null;
}

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, (reply: TexReply | null) => void>();

function fail(): void {
  worker?.terminate();
  worker = null;
  for (const done of waiting.values()) done(null);
  waiting.clear();
}

function texWorker(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('./tex.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<TexReply>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
    w.onerror = (e: Event) => {
      e.preventDefault();
      fail();
    };
    w.onmessageerror = fail;
    worker = w;
  } catch {
    worker = null;
  }
  return worker;
}

let warming = false;

/**
 * Starts the worker at the reader's first touch, key or focus, so that it has loaded KaTeX
 * by the time a formula first changes (its first answer would otherwise wait for that), and
 * a first load that nobody touches does not fetch it.
 */
export function warmTexWorker(): void {
  if (warming || worker !== undefined || typeof Worker === 'undefined') return;
  warming = true;
  const events = ['pointerdown', 'keydown', 'focusin'] as const;
  const start = () => {
    for (const type of events) window.removeEventListener(type, start, true);
    void texWorker();
  };
  for (const type of events) window.addEventListener(type, start, { capture: true, passive: true });
}

/** Whether formulas can be rendered off the page's thread (not in jsdom, nor once that failed). */
export function texWorkerReady(): boolean {
  return texWorker() !== null;
}

/**
 * Renders `next` (and the patch from `prev`) in the shared KaTeX worker. Resolves to null if
 * the worker fails: the caller then renders on the page.
 */
export function renderInWorker(prev: TexKey | null, next: TexKey): Promise<TexReply | null> {
  const w = texWorker();
  if (!w) return Promise.resolve(null);
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    w.postMessage({ id, prev, next } satisfies TexRequest);
  });
}
