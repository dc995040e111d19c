/** True when a key event comes from a place where keys type or adjust values. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('[contenteditable="true"], [contenteditable=""]')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return type !== 'checkbox' && type !== 'radio' && type !== 'button' && type !== 'submit';
  }
  return false;
}

/** Input types whose keys type text (Page Up / Page Down move the caret or scroll there). */
const TEXT_TYPES = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password']);

/** True when a key event comes from a place where keys type text (not a slider or a select). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('[contenteditable="true"], [contenteditable=""]')) return true;
  if (target.tagName === 'TEXTAREA') return true;
  return target.tagName === 'INPUT' && TEXT_TYPES.has((target as HTMLInputElement).type);
}

/**
 * Page Up / Page Down while presenting: a presenter's clicker sends them, and the app walks the
 * lesson's views or the pages with them, so a slider or a number line leaves them to it.
 */
export function isClickerKey(e: { key: string }): boolean {
  return (
    (e.key === 'PageUp' || e.key === 'PageDown') &&
    typeof document !== 'undefined' &&
    document.documentElement.hasAttribute('data-present')
  );
}
