import { useEffect } from 'react';
import { useLang } from '../i18n';

/** Sets `document.title` to "<title> · <app name>" (or the app name alone). */
export function useDocumentTitle(title: string | null): void {
  const { t } = useLang();
  const suffix = t('app.titleSuffix');
  useEffect(() => {
    document.title = title ? `${title} · ${suffix}` : suffix;
  }, [title, suffix]);
}
