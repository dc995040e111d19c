import { useLang } from '../i18n';

/** The site footer: how values travel, the keyboard shortcuts, and whether the app works offline. */
export function Footer({ offline = false }: { offline?: boolean }) {
  const { t } = useLang();
  return (
    <footer className="site-footer">
      <p>{t('footer.text')}</p>
      <p>{t('footer.keys')}</p>
      <p className="footer-offline" role="status">
        {offline ? t('offline.ready') : ''}
      </p>
    </footer>
  );
}
