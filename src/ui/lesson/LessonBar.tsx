import { useLang } from '../i18n';

/** Props of `LessonBar`. */
export interface LessonBarProps {
  /** The view shown, 0-based, and how many the lesson has. */
  index: number;
  count: number;
  /** The view's note, or a message when its page is missing here. */
  caption: string;
  onGo: (index: number) => void;
  onLeave: () => void;
}

/**
 * A lesson playing in presentation mode: "view k of N", previous and next (also PageUp/PageDown
 * and ← →, wired in the app shell), a way out, and the view's note as a caption.
 */
export function LessonBar({ index, count, caption, onGo, onLeave }: LessonBarProps) {
  const { t } = useLang();
  return (
    <div className="lesson-bar" role="group" aria-label={t('lesson.playing')}>
      <div className="lesson-bar-tools">
        <button
          type="button"
          className="button"
          aria-disabled={index === 0}
          aria-keyshortcuts="PageUp ArrowLeft"
          onClick={() => index > 0 && onGo(index - 1)}
        >
          {t('lesson.prev')}
        </button>
        <p className="lesson-position" aria-live="polite">
          {t('lesson.position', { index: index + 1, count })}
        </p>
        <button
          type="button"
          className="button"
          aria-disabled={index === count - 1}
          aria-keyshortcuts="PageDown ArrowRight"
          onClick={() => index < count - 1 && onGo(index + 1)}
        >
          {t('lesson.next')}
        </button>
        <button type="button" className="button" aria-keyshortcuts="Escape" onClick={onLeave}>
          {t('lesson.leave')}
        </button>
      </div>
      {caption && (
        <p className="lesson-caption" aria-live="polite">
          {caption}
        </p>
      )}
    </div>
  );
}
