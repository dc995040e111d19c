import { StrictMode } from 'react';
import { App } from './App';
import { I18nProvider, type I18n } from './i18n';

/** Props of `Root`. */
export interface RootProps {
  i18n: I18n;
  /** Router base without a trailing slash. */
  base: string;
  /** The path to render in Node, where there is no browser location. */
  ssrPath?: string;
}

/** The whole tree, the same when prerendered (src/prerender.tsx) and in the browser (src/main.tsx). */
export function Root({ i18n, base, ssrPath }: RootProps) {
  return (
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <App base={base} ssrPath={ssrPath} />
      </I18nProvider>
    </StrictMode>
  );
}
