/**
 * The lesson format: an ordered list of card states carried whole in one URL parameter, so a
 * lesson needs no server. A lesson's code is `<version><kind><payload>`:
 *
 * - `version`, decimal digits: `1` is this format, and every later build decodes it forever;
 * - `kind`: `j` when the payload is the JSON itself, `z` when it is compressed (deflate-raw,
 *   the browser's CompressionStream); the encoder keeps whichever is shorter;
 * - `payload`: base64url (no padding) of the UTF-8 bytes of a JSON array of views, each view
 *   `[page id, the card's query string without "?", note]`.
 *
 * Decoding never throws: corrupt, hostile or newer codes come back as a reason to show politely.
 */

/** One view of a lesson: a page, its values as the card's query string, a short note. */
export interface LessonView {
  /** A page id, e.g. `softmax`. */
  page: string;
  /** The card's query string without the leading `?`, e.g. `T=2&z=1,2,3`; '' for defaults. */
  query: string;
  /** The teacher's caption, in whichever language they wrote it; may be ''. */
  note: string;
}

/** The format version written by this build. Version 1 is decoded by every later build. */
export const LESSON_VERSION = 1;
/** The URL parameter that carries a lesson, and the one that names the view being shown. */
export const LESSON_PARAM = 'lesson';
export const VIEW_PARAM = 'view';
/**
 * Longest lesson link offered (characters of the whole URL). Browsers take far longer URLs, but
 * chat tools, mail clients, learning platforms and some servers cut or refuse links past about
 * 8,000 characters (the size RFC 9110 §4.1 recommends every recipient to support).
 */
export const MAX_LESSON_URL = 8000;
/** Most views in one lesson, longest note and longest query of a view. */
export const MAX_VIEWS = 50;
export const MAX_NOTE = 280;
export const MAX_QUERY = 2000;
/** Most bytes a decoded payload may grow to (a guard against a decompression bomb). */
const MAX_JSON_BYTES = 256 * 1024;

const PAGE_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CODE_RE = /^(\d{1,6})([jz])([A-Za-z0-9_-]*)$/;

/** Why a code could not be decoded. */
export type LessonError = 'corrupt' | 'newer';

/** Result of `decodeLesson`. */
export type DecodedLesson = { ok: true; views: LessonView[] } | { ok: false; error: LessonError };

/** Whether `x` is a view this format accepts (a page id, a short query and note). */
export function isLessonView(x: unknown): x is LessonView {
  if (typeof x !== 'object' || x === null) return false;
  const v = x as Record<string, unknown>;
  return (
    typeof v.page === 'string' &&
    PAGE_RE.test(v.page) &&
    typeof v.query === 'string' &&
    v.query.length <= MAX_QUERY &&
    typeof v.note === 'string' &&
    v.note.length <= MAX_NOTE
  );
}

/** A note cut to the format's length (by code points, so no surrogate half is left). */
export function clampNote(note: string): string {
  if (note.length <= MAX_NOTE) return note;
  let out = '';
  for (const ch of note) {
    if (out.length + ch.length > MAX_NOTE) break;
    out += ch;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array | null {
  if (s.length % 4 === 1) return null;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** Runs bytes through a (de)compression stream, giving up past `limit` bytes of output. */
async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const canCompress = () =>
  typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** The code of a lesson (the value of the `lesson` parameter). */
export async function encodeLesson(views: readonly LessonView[]): Promise<string> {
  const json = JSON.stringify(views.map((v) => [v.page, v.query, v.note]));
  const bytes = new TextEncoder().encode(json);
  const plain = `${LESSON_VERSION}j${toBase64Url(bytes)}`;
  if (!canCompress()) return plain;
  try {
    const packed = await pipe(bytes, new CompressionStream('deflate-raw'), Infinity);
    if (!packed) return plain;
    const zipped = `${LESSON_VERSION}z${toBase64Url(packed)}`;
    return zipped.length < plain.length ? zipped : plain;
  } catch {
    return plain;
  }
}

function viewsOf(json: unknown): LessonView[] | null {
  if (!Array.isArray(json) || json.length === 0 || json.length > MAX_VIEWS) return null;
  const views: LessonView[] = [];
  for (const item of json) {
    if (!Array.isArray(item) || item.length !== 3) return null;
    const view = { page: item[0], query: item[1], note: item[2] };
    if (!isLessonView(view)) return null;
    views.push({ page: view.page, query: view.query, note: view.note });
  }
  return views;
}

/** The views of a lesson code, or why it cannot be played. Never throws. */
export async function decodeLesson(code: string): Promise<DecodedLesson> {
  const corrupt = { ok: false, error: 'corrupt' } as const;
  if (typeof code !== 'string' || code.length > MAX_LESSON_URL) return corrupt;
  const m = CODE_RE.exec(code);
  if (!m) return corrupt;
  const version = Number(m[1]);
  if (version > LESSON_VERSION) return { ok: false, error: 'newer' };
  if (version !== 1) return corrupt;
  let bytes = fromBase64Url(m[3]);
  if (!bytes) return corrupt;
  if (m[2] === 'z') {
    if (!canCompress()) return corrupt;
    try {
      bytes = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
    } catch {
      return corrupt;
    }
    if (!bytes) return corrupt;
  } else if (bytes.length > MAX_JSON_BYTES) {
    return corrupt;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return corrupt;
  }
  const views = viewsOf(json);
  return views ? { ok: true, views } : corrupt;
}

/**
 * The address that plays a lesson from view `index` (0-based): the view's page with its values,
 * the lesson and the view number. `root` is the app's address without a trailing slash
 * (origin and deploy base); `lang` is carried when given.
 */
export function lessonUrl(
  root: string,
  code: string,
  views: readonly LessonView[],
  index: number,
  lang?: string | null,
): string {
  const view = views[index];
  // the view's own values, without any key the player itself sets
  const reserved = new Set([LESSON_PARAM, VIEW_PARAM, 'present', 'embed', 'lang']);
  const parts = view.query.split('&').filter((part) => {
    if (!part) return false;
    const key = part.split('=')[0];
    try {
      return !reserved.has(decodeURIComponent(key.replace(/\+/g, ' ')));
    } catch {
      return false;
    }
  });
  if (lang === 'en' || lang === 'zh-TW') parts.push(`lang=${lang}`);
  parts.push(`${LESSON_PARAM}=${code}`);
  if (index > 0) parts.push(`${VIEW_PARAM}=${index + 1}`);
  return `${root}/${view.page}?${parts.join('&')}`;
}

/** The 0-based view named by a `view` parameter (1-based), within `count` views. */
export function viewIndex(raw: string | null, count: number): number {
  const n = raw === null ? 1 : Number(raw);
  if (!Number.isInteger(n) || n < 1) return 0;
  return Math.min(n, count) - 1;
}
