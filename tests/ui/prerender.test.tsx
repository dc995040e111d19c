// Prerendering (src/prerender.tsx) and hydration (src/main.tsx): every route's prerendered HTML
// is hydrated by the development build of React, which reports any difference between the HTML
// and the first client render (attributes included) on console.error; none may come. The
// hydrated page keeps the prerendered nodes, KaTeX's included, and then works as a live page.

import { act, fireEvent, waitFor } from '@testing-library/react';
import { hydrateRoot, type Root as ReactRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prerenderRoutes, renderRoute, routeHead } from '../../src/prerender';
import { createI18n } from '../../src/ui/i18n';
import { renderPass, setRenderPass } from '../../src/ui/prerender/hydration';
import { Root } from '../../src/ui/Root';

let root: ReactRoot | null = null;
let container: HTMLElement | null = null;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = container = null;
  setRenderPass('live');
  window.history.replaceState(null, '', '/');
  localStorage.clear();
});

async function hydrate(path: string) {
  const html = await renderRoute(path, '');
  expect(renderPass()).toBe('prerender');
  window.history.replaceState(null, '', path);
  container = document.createElement('div');
  container.id = 'root';
  container.innerHTML = html;
  document.body.append(container);
  const before = {
    header: container.querySelector('header'),
    plot: container.querySelector('.card-plot .plot-image > *'),
    tex: [...container.querySelectorAll('.tex')],
    katex: container.querySelectorAll('.katex').length,
  };
  const errors: unknown[][] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args) => {
    // React's server and client renderers share this one test process (never so in a browser)
    if (!/multiple renderers concurrently rendering the same context/.test(String(args[0])))
      errors.push(args);
  });
  const recoverable: unknown[] = [];
  setRenderPass('hydrate');
  await act(async () => {
    root = hydrateRoot(container!, <Root i18n={createI18n({ lng: 'en' })} base="" />, {
      onRecoverableError: (e) => void recoverable.push(e),
    });
  });
  await waitFor(() => expect(renderPass()).toBe('live'));
  await act(async () => {}); // the plot's measured render after hydration
  spy.mockRestore();
  return { html, before, errors, recoverable };
}

describe('prerendered routes', () => {
  const routes = prerenderRoutes();

  it('cover the home page and every built page, each with its own title', () => {
    expect(routes[0]).toEqual({ path: '/', id: null });
    expect(routes.length).toBeGreaterThan(1);
    for (const r of routes.slice(1)) {
      expect(r.path).toBe(`/${r.id}`);
      expect(routeHead(r.id)?.title).toBeTruthy();
    }
  });

  for (const { path, id } of routes) {
    it(`${path} hydrates without a difference from its prerendered HTML`, async () => {
      const { html, before, errors, recoverable } = await hydrate(path);
      expect(recoverable.map(String)).toEqual([]);
      expect(errors.map((e) => e.map(String).join(' ').slice(0, 600))).toEqual([]);
      // the prerendered nodes were adopted, not replaced
      expect(container!.querySelector('header')).toBe(before.header);
      // the plot too: laid out again once live, as an update (jsdom measures nothing: here at
      // the fallback width, which may change its parts; in a browser see prerender.e2e.ts)
      expect(container!.querySelector('.card-plot .plot-image > *')).toBe(before.plot);
      if (id) {
        expect(html).toContain('class="katex"');
        expect(before.katex).toBeGreaterThan(0);
        const tex = [...container!.querySelectorAll('.tex')];
        expect(tex.length).toBe(before.tex.length);
        expect(tex.filter((el) => before.tex.includes(el)).length).toBeGreaterThan(0);
        expect(container!.querySelectorAll('.katex').length).toBe(before.katex);
        expect(container!.querySelector('.card-plot')).not.toBeNull();
      }
    });
  }

  it('a hydrated page is live: a slider moves the worked example, KaTeX renders the new one', async () => {
    await hydrate('/sigmoid');
    const slider = container!.querySelector<HTMLInputElement>('input[type="range"]')!;
    const worked = container!.querySelector('.worked-tex')!;
    const was = worked.textContent;
    act(() => {
      fireEvent.change(slider, { target: { value: String(Number(slider.value) - 1) } });
    });
    await waitFor(() => expect(worked.textContent).not.toBe(was), { timeout: 2000 });
    expect(worked.querySelector('.katex')).not.toBeNull();
  });
});
