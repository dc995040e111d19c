import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import type * as Prerender from './src/prerender.tsx';
import { build, type Plugin, type Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type PrerenderModule = typeof Prerender;
type OutputChunk = Rolldown.OutputChunk;

/**
 * Prerendering: after the client build, every route's HTML is rendered in Node (src/prerender.tsx,
 * built here for Node) and written as `<id>.html` (`index.html` for the home page), so a phone
 * paints the page from the first response instead of after its code has arrived. Each file's head
 * links the CSS of its own page and starts its code once the page has painted (`startAfterPaint`);
 * src/main.tsx hydrates the HTML.
 *
 * The HTML is English with each page's default values. A small script at the top of the head
 * checks that this is what the reader will see (the path, no query, English); otherwise it hides
 * the prerendered page (`data-prerender="stale"`) and the app renders on the client as without
 * prerendering. `404.html` stays the empty shell, for static hosts' deep links.
 *
 * Runs in `writeBundle`, before the service worker is generated (`closeBundle`), so the worker
 * precaches the prerendered files; Workbox answers `/softmax` with `softmax.html`.
 */
export function prerenderPages(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  let base = '/';
  return {
    name: 'prerender-pages',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      base = config.base;
    },
    async writeBundle(_options, bundle) {
      const shell = await readFile(join(outDir, 'index.html'), 'utf8');
      await writeFile(join(outDir, '404.html'), shell);

      // a new folder each build: Node caches modules by URL, and the chunks import the entry by its URL
      const ssrDir = join(root, 'node_modules', `.prerender-${Date.now()}`);
      await build({
        configFile: false,
        root,
        base,
        logLevel: 'warn',
        plugins: [react(), serviceWorkerStub()],
        build: {
          ssr: 'src/prerender.tsx',
          outDir: ssrDir,
          emptyOutDir: true,
          target: 'node20',
          rollupOptions: { output: { entryFileNames: 'prerender.mjs' } },
        },
      });
      try {
        await renderAll();
      } finally {
        await rm(ssrDir, { recursive: true, force: true });
      }
      async function renderAll() {
        const mod = (await import(
          pathToFileURL(join(ssrDir, 'prerender.mjs')).href
        )) as PrerenderModule;
        const baseNoSlash = base.replace(/\/$/, '');
        const fonts = fontPreloads(bundle, base);
        for (const route of mod.prerenderRoutes()) {
          const html = await mod.renderRoute(route.path, baseNoSlash);
          const page = route.id
            ? pageAssets(bundle, root, route.id, base, shell)
            : { css: '', modules: [] };
          const head = mod.routeHead(route.id);
          const file = join(outDir, route.id ? `${route.id}.html` : 'index.html');
          await mkdir(outDir, { recursive: true });
          await writeFile(
            file,
            fillShell(shell, {
              html,
              path: `${baseNoSlash}${route.path}`,
              lang: mod.PRERENDER_LANG,
              head: page.css + (route.id ? fonts : ''),
              modules: page.modules,
              title: head ? `${head.title} · LLM Math Explorer` : null,
              description: head?.description ?? null,
            }),
          );
        }
      }
    },
  };
}

/** The shell `index.html` with a route's HTML in `#root` and its head. */
function fillShell(
  shell: string,
  r: {
    html: string;
    path: string;
    lang: string;
    head: string;
    /** The page's own modules to preload, besides the shell's. */
    modules: readonly string[];
    title: string | null;
    description: string | null;
  },
): string {
  let out = shell.replace('<div id="root"></div>', `<div id="root">${r.html}</div>`);
  if (out === shell) throw new Error('prerender: index.html has no empty <div id="root">');
  // the shell's entry script and module preloads give way to the loader (`startAfterPaint`)
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(out);
  if (!entry) throw new Error('prerender: index.html has no module entry script');
  const preloads: string[] = [];
  out = out
    .replace(entry[0], '')
    .replace(/<link rel="modulepreload" crossorigin href="([^"]+)">/g, (_m, href: string) => {
      preloads.push(href);
      return '';
    });
  const loader = `<script>${startAfterPaint(entry[1]!, [...preloads, ...r.modules])}</script>`;
  if (r.title) out = out.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(r.title)}</title>`);
  if (r.description)
    out = out.replace(
      /<meta\s+name="description"\s+content="[^"]*"\s*\/?>/,
      `<meta name="description" content="${escapeHtml(r.description)}" />`,
    );
  const check = `<style>[data-prerender='stale'] #root{visibility:hidden}</style><script>${freshCheck(r.path, r.lang)}</script>`;
  const charset = /<meta charset="[^"]*"\s*\/?>/;
  if (!charset.test(out)) throw new Error('prerender: index.html has no <meta charset>');
  return out
    .replace(charset, (m) => `${m}${check}`)
    .replace('</head>', `${r.head}${loader}</head>`);
}

/**
 * The inline script that starts the app's code on a prerendered page: once the page has first
 * painted, when the reader sees what was prerendered ("fresh"), else at once (the page is
 * hidden until the client has rendered it). On a slow phone network the HTML, the CSS and the
 * fonts then have the line to themselves until the page is on screen, and the code (most of
 * the bytes) follows; the page is readable meanwhile and comes alive when hydrated.
 */
export function startAfterPaint(entry: string, modules: readonly string[]): string {
  // The entry first, then one module preload per task: each preload link costs the browser
  // 1-3 ms to insert (3-14 ms on a 4× slower CPU), and twenty of them in one go were a long
  // task right after the first paint. (Four a task measured no better in Lighthouse.) A module
  // that Vite's preload helper has preloaded meanwhile, for the page's own dynamic import, is
  // skipped rather than preloaded twice.
  return (
    `(function(){var d=document,done=0;function go(){if(done)return;done=1;` +
    `var s=d.createElement('script');s.type='module';s.crossOrigin='';s.src=${JSON.stringify(entry)};` +
    `d.head.appendChild(s);var m=${JSON.stringify(modules)},i=0;` +
    `(function next(){var h={},L=d.getElementsByTagName('link'),j;for(j=0;j<L.length;j++)h[L[j].href]=1;` +
    `for(;i<m.length;i++){var l=d.createElement('link');l.rel='modulepreload';l.crossOrigin='';` +
    `l.href=m[i];if(h[l.href])continue;d.head.appendChild(l);i++;break}if(i<m.length)setTimeout(next,0)})()}` +
    `var P=window.PerformanceObserver,t=P&&P.supportedEntryTypes||[];` +
    `if(d.documentElement.dataset.prerender!=='fresh'||t.indexOf('paint')<0)return go();` +
    `new P(function(l){if(l.getEntriesByName('first-contentful-paint').length)go()})` +
    `.observe({type:'paint',buffered:true})})()`
  );
}

/**
 * The inline script that marks `<html data-prerender>` "fresh" when the reader will see what was
 * prerendered (this path, no query, the language) and "stale" otherwise; it mirrors detectLang in
 * src/ui/i18n/index.ts (?lang, then the remembered choice, then the browser's first language).
 */
function freshCheck(path: string, lang: string): string {
  const home = path.endsWith('/') ? JSON.stringify(`${path}index.html`) : '""';
  return (
    `(function(){var d=document.documentElement,l;` +
    `try{l=localStorage.getItem('llm-math-lang')}catch(e){}` +
    `l=(l||(navigator.languages&&navigator.languages[0])||navigator.language||'').toLowerCase();` +
    `l=l==='zh'||l.indexOf('zh-')===0?'zh-TW':'en';` +
    `var p=location.pathname;` +
    `d.dataset.prerender=(p===${JSON.stringify(path)}||p===${home})&&!location.search&&l===${JSON.stringify(lang)}?'fresh':'stale'})()`
  );
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  );
}

/** The head links of a formula page's CSS, and the URLs of its code to preload. */
function pageAssets(
  bundle: OutputBundle,
  root: string,
  id: string,
  base: string,
  shell: string,
): { css: string; modules: string[] } {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entryOf = (module: string) => {
    const full = resolve(root, module);
    const c = chunks.find((ch) => ch.facadeModuleId?.startsWith(full));
    if (!c) throw new Error(`prerender: no chunk for ${module}`);
    return c;
  };
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (c: OutputChunk) => {
    if (seen.has(c.fileName)) return;
    seen.add(c.fileName);
    for (const f of c.viteMetadata?.importedCss ?? []) css.add(f);
    for (const f of c.imports) {
      const dep = byFile.get(f);
      if (dep && !dep.isEntry) visit(dep);
    }
  };
  visit(entryOf(`src/formulas/${id}/index.ts`));
  visit(entryOf('src/ui/shell/FormulaPage.tsx'));
  const fresh = (f: string) => !shell.includes(`${base}${f}"`);
  return {
    css: [...css]
      .filter(fresh)
      .map((f) => `<link rel="stylesheet" crossorigin href="${base}${f}">`)
      .join(''),
    modules: [...seen].filter(fresh).map((f) => `${base}${f}`),
  };
}

/** Preloads of the KaTeX fonts every formula uses (upright and italic), so text does not reflow. */
function fontPreloads(bundle: OutputBundle, base: string): string {
  return Object.keys(bundle)
    .filter((f) => /KaTeX_(Main-Regular|Math-Italic)-[^/]*\.woff2$/.test(f))
    .map((f) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="${base}${f}">`)
    .join('');
}

/** `virtual:pwa-register/react` for the Node build: no service worker there. */
function serviceWorkerStub(): Plugin {
  const id = 'virtual:pwa-register/react';
  return {
    name: 'pwa-register-stub',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (source) =>
      source === `\0${id}`
        ? `export function useRegisterSW() { const no = [false, () => {}];
             return { offlineReady: no, needRefresh: no, updateServiceWorker: async () => {} }; }`
        : null,
  };
}
