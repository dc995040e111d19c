import { useLocationProperty } from 'wouter/use-browser-location';
import { useLang } from '../i18n';
import { setSearchKey } from '../url/params';

/** The address of the current page outside an embed: the same values, without `embed=1`. */
export function unembeddedUrl(href: string): string {
  const url = new URL(href);
  url.search = setSearchKey(url.search, 'embed', null);
  url.hash = '';
  return url.href;
}

const currentHref = () => window.location.href;

/**
 * The head of an embedded card: its title, and a link that opens the same card, with the values
 * it shows now, in the full app (in a new tab, out of the frame).
 */
export function EmbedHead({ title }: { title: string }) {
  const { t } = useLang();
  const href = useLocationProperty(currentHref, () => '');
  return (
    <div className="page-head embed-head">
      <h1 id="page-title">{title}</h1>
      <a href={href ? unembeddedUrl(href) : undefined} target="_blank" rel="noopener">
        {t('embed.open')}
      </a>
    </div>
  );
}
