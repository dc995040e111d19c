/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { prerenderPages } from './vite.prerender.ts';

/**
 * BASE_PATH lets the built app live under a sub-folder of a static host,
 * e.g. `BASE_PATH=/llm-math/ npm run build`. It must start and end with "/".
 */
const base = process.env.BASE_PATH ?? '/';

/**
 * Offline use: a service worker (Workbox, generated at build time) precaches the whole
 * built app (every page's code, the CSS, KaTeX's fonts and the icons), so once a page has
 * been opened, every formula page opens without a network, deep links included. A new
 * build is not forced on an open tab: the app offers a reload (src/ui/shell/UpdateNotice.tsx),
 * and takes the new version at the latest once every tab of it has been closed. No service
 * worker under `npm run dev`.
 */
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  // the manifest's icons are precached with it
  includeAssets: ['favicon-32.png', 'apple-touch-icon.png'],
  manifest: {
    name: 'LLM Math Explorer',
    short_name: 'LLM Math',
    description: 'Every formula behind large language models as a live, interactive card.',
    lang: 'en',
    theme_color: '#1d5fc4',
    background_color: '#ffffff',
    display: 'standalone',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,woff2}'],
    // 404.html is the static host's copy of index.html; the worker answers navigations itself
    globIgnores: ['404.html'],
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig({
  base,
  plugins: [react(), prerenderPages(), offline],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'math',
          // tests/code runs the pages' NumPy code (Python), beside the math it checks
          include: ['tests/math/**/*.test.ts', 'tests/code/**/*.test.ts'],
          environment: 'node',
          // one module graph per worker, not per file: the files share no state, and setting
          // up jsdom and importing React for each of ninety files took as long as the tests
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          include: [
            'tests/ui/**/*.test.{ts,tsx}',
            'tests/plots/**/*.test.{ts,tsx}',
            'tests/formulas/**/*.test.{ts,tsx}',
          ],
          environment: 'jsdom',
          setupFiles: ['tests/helpers/setup-dom.ts'],
          pool: 'threads',
          isolate: false,
          // property tests render a plot in jsdom some hundred times: seconds each, more
          // on a busy 2-core machine; the timeout is for a hang, not a speed check
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // two files at a time (each its own Chromium): with twenty pages one at a time takes too long
          fileParallelism: true,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
    benchmark: {
      include: ['tests/bench/**/*.bench.ts'],
    },
  },
});
