import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Lang } from '../../src/ui/card/types';
import { I18nProvider, createI18n } from '../../src/ui/i18n';

/** Renders `ui` inside a fresh language store fixed to `lang`. */
export function renderWithI18n(ui: ReactElement, lang: Lang = 'en') {
  const i18n = createI18n({ lng: lang });
  return { i18n, ...render(<I18nProvider i18n={i18n}>{ui}</I18nProvider>) };
}
