/**
 * The link a QR code shares, and the code's drawing. The QR encoding itself is `uqr`'s
 * (loaded only when a code is asked for); these are the parts around it.
 */

import { setSearchKey } from '../url/params';

/**
 * The address to share from the current one: the same page, values and language, but not
 * presentation mode (a student's phone opens the card to read and play with, not to project).
 */
export function shareUrl(href: string): string {
  const url = new URL(href);
  // the query written as the app writes it (commas and semicolons readable: a smaller code)
  url.search = setSearchKey(url.search, 'present', null);
  url.hash = '';
  return url.href;
}

/**
 * One SVG path of a QR code's dark modules, one unit per module: `data[y][x]` is true for
 * dark. Runs of dark modules in a row become one rectangle each.
 */
export function qrPath(data: readonly (readonly boolean[])[]): string {
  let d = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return d;
}
