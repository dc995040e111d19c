// Build and serve the app for the browser tests, the UI benchmark and the screenshots.
//
// - ensureBuild(): runs `vite build` when the output folder is missing, older than any
//   source file, or when E2E_BUILD=always (E2E_BUILD=never skips the check).
// - startPreview(): serves the build with Vite's programmatic `preview()` on a free port of
//   127.0.0.1 and returns its base URL (which includes BASE_PATH, if the app was built for
//   a sub-folder).
// - checkSpaFallback(): asserts that a deep link and an unknown path both get index.html,
//   as a static host configured for a single-page app must do.
//
// E2E_OUT_DIR chooses another output folder than dist/ (useful when several builds run
// side by side in one checkout).

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The folder the app is built into and served from. */
export const OUT_DIR = resolve(ROOT, process.env.E2E_OUT_DIR ?? 'dist');

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Whether the build output is missing or older than a source file. */
export function buildIsStale() {
  const index = join(OUT_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(ROOT, s)) > built);
}

/** Runs `vite build` when needed (or always with force / E2E_BUILD=always). */
export function ensureBuild({ force = false, log = console.log } = {}) {
  const mode = process.env.E2E_BUILD ?? 'auto';
  if (mode === 'never') return false;
  if (!force && mode !== 'always' && !buildIsStale()) return false;
  log(`building the app into ${OUT_DIR} …`);
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const r = spawnSync(process.execPath, [vite, 'build', '--outDir', OUT_DIR, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  return true;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/**
 * Serves the build with `vite preview`. Resolves to `{ baseURL, close }`; baseURL ends with "/"
 * and includes the configured base path.
 */
export async function startPreview(outDir = OUT_DIR) {
  const { preview } = await import('vite');
  const port = await freePort();
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const base = server.config.base.endsWith('/') ? server.config.base : `${server.config.base}/`;
  const baseURL = `http://127.0.0.1:${port}${base}`;
  return { baseURL, close: () => server.close() };
}

/** Throws unless a deep link and an unknown path are both answered with the app's index.html. */
export async function checkSpaFallback(baseURL) {
  for (const path of ['softmax?T=0.7&lang=zh-TW', 'no-such-page/deeper']) {
    const res = await fetch(new URL(path, baseURL));
    const body = await res.text();
    if (res.status !== 200 || !body.includes('id="root"')) {
      throw new Error(
        `SPA fallback: GET ${path} answered ${res.status} without the app's index.html`,
      );
    }
  }
}

/** Page ids of the built formula pages (entries with `load`), in the registry's order. */
export async function builtPageIds() {
  const { readFile } = await import('node:fs/promises');
  const src = await readFile(join(ROOT, 'src', 'formulas', 'registry.ts'), 'utf8');
  const body = src.slice(src.indexOf('REGISTRY'));
  const ids = [...body.matchAll(/^\s*id:\s*'([^']+)'/gm)];
  return ids
    .filter((m, i) => {
      const end = i + 1 < ids.length ? ids[i + 1].index : body.length;
      return /^\s*load:/m.test(body.slice(m.index, end));
    })
    .map((m) => m[1]);
}
