import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createI18n } from './ui/i18n';
import { setRenderPass } from './ui/prerender/hydration';
import { Root } from './ui/Root';
import { preloadPath } from './ui/shell/FormulaRoute';
import { loadKatex } from './ui/tex/katexLoader';
import './ui/styles/index.css';

/**
 * Mounts the app under the deploy base (`BASE_PATH` at build time). A page prerendered for
 * what this reader sees (index.html's head script marks it "fresh"; vite.prerender.ts) is
 * hydrated once its code is there; otherwise the prerendered HTML, hidden, is replaced by a client render. Both
 * render in a transition, so React yields to the browser while it works through the page.
 */
function start() {
  const i18n = createI18n();
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const container = document.getElementById('root')!;
  const app = <Root i18n={i18n} base={base} />;
  const html = document.documentElement;
  if (html.dataset.prerender === 'fresh' && container.firstChild) {
    // the page's code first (preloaded by the HTML's head), so hydration renders it at once
    const path = window.location.pathname.slice(base.length) || '/';
    void preloadPath(path).then(() => {
      setRenderPass('hydrate');
      startTransition(() => {
        hydrateRoot(container, app);
      });
    });
    // KaTeX's code is needed only once a formula changes: it loads when the reader first acts
    const events = ['pointerdown', 'keydown', 'touchstart', 'focusin'] as const;
    const load = () => {
      events.forEach((e) => window.removeEventListener(e, load, true));
      void loadKatex();
    };
    events.forEach((e) => window.addEventListener(e, load, { capture: true, passive: true }));
  } else {
    container.replaceChildren();
    delete html.dataset.prerender;
    startTransition(() => createRoot(container).render(app));
  }
}

start();
