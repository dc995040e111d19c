import { useLang } from '../i18n';

/** Props of `UpdateNotice`. */
export interface UpdateNoticeProps {
  /** A new version waits (see `useOffline`). */
  waiting: boolean;
  onReload: () => void;
  onLater: () => void;
}

/**
 * Offers a new version of the app, politely: the reload is the reader's choice, never
 * forced mid-lesson. Every value lives in the URL, so a reload loses nothing.
 */
export function UpdateNotice({ waiting, onReload, onLater }: UpdateNoticeProps) {
  const { t } = useLang();
  return (
    <div className="update-notice" role="status" aria-live="polite">
      {waiting && (
        <div className="notice update-notice-box">
          <p>{t('offline.update')}</p>
          <div className="update-notice-actions">
            <button type="button" className="button" onClick={onReload}>
              {t('offline.reload')}
            </button>
            <button type="button" className="button" onClick={onLater}>
              {t('offline.later')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
