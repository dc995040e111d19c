// The inline loader a prerendered page starts its code with (vite.prerender.ts): the entry
// first, then the page's module preloads one to a task, never one already in the document.

import { afterEach, describe, expect, it } from 'vitest';
import { startAfterPaint } from '../../vite.prerender';

const modules = [
  '/assets/a.js',
  '/assets/b.js',
  '/assets/c.js',
  '/assets/d.js',
  '/assets/e.js',
  '/assets/f.js',
];

const preloads = () =>
  [...document.head.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map(
    (l) => new URL(l.href).pathname,
  );

/** Lets the loader's next tasks run. */
const tasks = () => new Promise((done) => setTimeout(done, 20));

afterEach(() => {
  document.head.innerHTML = '';
  delete document.documentElement.dataset.prerender;
});

describe('startAfterPaint', () => {
  it('adds the entry, then every module preload once, one a task', async () => {
    // a page the reader will not see as prerendered starts its code at once
    document.documentElement.dataset.prerender = 'stale';
    new Function(startAfterPaint('/assets/index.js', modules))();
    const entry = document.head.querySelector<HTMLScriptElement>('script[type=module]');
    expect(new URL(entry!.src).pathname).toBe('/assets/index.js');
    expect(preloads()).toEqual(modules.slice(0, 1));
    await tasks();
    expect(preloads()).toEqual(modules);
  });

  it('skips a module that something else (Vite’s preload helper, by its full URL) has preloaded meanwhile', async () => {
    document.documentElement.dataset.prerender = 'stale';
    new Function(startAfterPaint('/assets/index.js', modules))();
    const helper = document.createElement('link');
    helper.rel = 'modulepreload';
    helper.href = new URL('/assets/f.js', window.location.href).href;
    document.head.appendChild(helper);
    await tasks();
    expect(preloads().sort()).toEqual([...modules].sort());
  });
});
