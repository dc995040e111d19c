import { useLang } from '../i18n';

/** The site footer: how values travel and the keyboard shortcuts. */
export function Footer() {
  const { t } = useLang();
  return (
    <footer className="site-footer">
      <p>{t('footer.text')}</p>
      <p>{t('footer.keys')}</p>
    </footer>
  );
}
