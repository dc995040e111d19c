import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from './chromium.mjs';

export { launchChromium };

/** Absolute URL of an app path such as `/softmax?T=2` (the base path is prepended). */
export function appUrl(path = '/'): string {
  return new URL(path.replace(/^\//, ''), inject('baseURL')).href;
}

/** The app path of a page URL, without the base path: `/softmax?T=2`. */
export function appPath(url: string): string {
  const base = new URL(inject('baseURL'));
  const u = new URL(url);
  return `/${u.pathname.slice(base.pathname.length)}${u.search}`;
}

/** A page with the console errors, uncaught exceptions and failed requests it produced. */
export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  /** One readable line per problem, in order. */
  errors: string[];
}

/** Records console errors, page errors and failed requests of every page of a context. */
export function trackErrors(context: BrowserContext, errors: string[]): void {
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        const loc = msg.location();
        errors.push(
          `console.error: ${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`,
        );
      }
    });
    page.on('pageerror', (err) => errors.push(`page error: ${err.stack ?? err.message}`));
    page.on('requestfailed', (req) => {
      const reason = req.failure()?.errorText ?? '';
      // Navigating away aborts pending requests; that is not a failure of the app.
      if (reason !== 'net::ERR_ABORTED') errors.push(`request failed: ${req.url()} ${reason}`);
    });
    page.on('dialog', (dialog) => {
      errors.push(`unexpected dialog (${dialog.type()}): ${dialog.message()}`);
      void dialog.dismiss();
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
}

/**
 * Vitest hooks for a test file: one Chromium per file, a fresh context per `open()`, and an
 * `afterEach` that closes the contexts and fails the test if any page logged a console error,
 * threw, failed a request or opened a dialog.
 */
export function setupBrowser() {
  let browser: Browser | undefined;
  let opened: TrackedPage[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const pages = opened;
    opened = [];
    const errors = pages.flatMap((p) => p.errors);
    await Promise.all(pages.map((p) => p.context.close()));
    expect(errors, 'console errors, page errors or failed requests').toEqual([]);
  });

  /** Opens an app path in a new context and waits until the app has rendered. */
  async function open(path = '/', options: BrowserContextOptions = {}): Promise<TrackedPage> {
    if (!browser) throw new Error('browser not launched');
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
      // Each new context would install the service worker and store the whole app (4 MB)
      // beside the test; only the offline test asks for it.
      serviceWorkers: 'block',
      ...options,
    });
    const tracked: TrackedPage = { page: await context.newPage(), context, errors: [] };
    trackErrors(context, tracked.errors);
    opened.push(tracked);
    await goto(tracked.page, path);
    return tracked;
  }

  return { open };
}

/**
 * Navigates to an app path and waits for the app to render (lazy pages included) and its
 * fonts to load. (Waiting for the network to rest would add half a second to every load.)
 */
export async function goto(page: Page, path: string): Promise<void> {
  await page.goto(appUrl(path), { waitUntil: 'load' });
  await waitForApp(page);
}

/**
 * Waits until React has rendered into #root (or hydrated the prerendered page there), no lazy
 * page is still loading (FormulaRoute's status line) or busy, and the fonts in use have loaded.
 */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.getElementById('root');
    return (
      !!root &&
      root.children.length > 0 &&
      document.documentElement.dataset.prerender !== 'fresh' &&
      !document.querySelector('[aria-busy="true"], p.loading') &&
      document.fonts.status === 'loaded'
    );
  });
}

/** Sleeps; used only to let debounces settle, never as an assertion. */
export function sleep(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
}
