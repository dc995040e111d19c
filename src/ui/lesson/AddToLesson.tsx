import { useState } from 'react';
import { useLang } from '../i18n';
import { addToDraft, readDraft } from './draft';
import { MAX_VIEWS } from './format';

/** Props of `AddToLesson`. */
export interface AddToLessonProps {
  /** The page's id. */
  page: string;
  /** The card's values now, as its query string without `?`. */
  query: () => string;
}

/** "Add this view to the lesson" under a card: the page with its values now joins the lesson. */
export function AddToLesson({ page, query }: AddToLessonProps) {
  const { t } = useLang();
  const [status, setStatus] = useState<string>('');
  const onAdd = () => {
    const ok = addToDraft({ page, query: query(), note: '' });
    setStatus(
      ok ? t('lesson.added', { count: readDraft().length }) : t('lesson.full', { max: MAX_VIEWS }),
    );
  };
  return (
    <div className="lesson-add">
      <button type="button" className="button" onClick={onAdd}>
        {t('lesson.add')}
      </button>
      <span className="lesson-add-status" role="status">
        {status}
      </span>
    </div>
  );
}
