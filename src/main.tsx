import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { I18nProvider, createI18n } from './ui/i18n';
import './ui/styles/index.css';

/** Mounts the app under the deploy base (`BASE_PATH` at build time). */
function start() {
  const i18n = createI18n();
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <App base={base} />
      </I18nProvider>
    </StrictMode>,
  );
}

start();
