import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Lang } from '../../src/formulas/types';
import { createI18n } from '../../src/ui/i18n';

/** Renders `ui` inside a fresh i18next instance fixed to `lang`. */
export function renderWithI18n(ui: ReactElement, lang: Lang = 'en') {
  const i18n = createI18n({ lng: lang });
  return { i18n, ...render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>) };
}
