import { CompressionStream as NodeCS, DecompressionStream as NodeDS } from 'node:stream/web';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_LESSON_URL,
  MAX_NOTE,
  MAX_VIEWS,
  decodeLesson,
  encodeLesson,
  lessonUrl,
  viewIndex,
  type LessonView,
} from '../../src/ui/lesson/format';

// where the environment lacks CompressionStream, Node's is the same WHATWG stream the browser has
globalThis.CompressionStream ??= NodeCS as unknown as typeof CompressionStream;
globalThis.DecompressionStream ??= NodeDS as unknown as typeof DecompressionStream;

const view = fc.record({
  page: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
  query: fc.string({ maxLength: 60 }),
  note: fc.string({ maxLength: MAX_NOTE, unit: 'grapheme' }).map((s) => s.slice(0, MAX_NOTE)),
});
const lesson = fc.array(view, { minLength: 1, maxLength: 8 });

const b64 = (s: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

describe('lesson codes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('round-trips any lesson, compressed or not', async () => {
    await fc.assert(
      fc.asyncProperty(lesson, async (views) => {
        const code = await encodeLesson(views);
        expect(code).toMatch(/^1[jz][A-Za-z0-9_-]*$/);
        expect(await decodeLesson(code)).toEqual({ ok: true, views });
      }),
      { numRuns: 150 },
    );
  });

  it('compresses a repetitive lesson, and falls back to plain JSON without CompressionStream', async () => {
    const views: LessonView[] = Array.from({ length: 20 }, (_, i) => ({
      page: 'softmax',
      query: `T=${i}&z=1,2,3,4`,
      note: 'Watch the largest logit take over as the temperature falls.',
    }));
    const zipped = await encodeLesson(views);
    expect(zipped.startsWith('1z')).toBe(true);
    vi.stubGlobal('CompressionStream', undefined);
    const plain = await encodeLesson(views);
    expect(plain.startsWith('1j')).toBe(true);
    expect(zipped.length).toBeLessThan(plain.length / 3);
    expect(await decodeLesson(plain)).toEqual({ ok: true, views });
  });

  it('decodes a version-1 code written by hand, as an older build wrote it', async () => {
    const code = `1j${b64('[["softmax","T=2","温度 ↑"],["relu","",""]]')}`;
    expect(await decodeLesson(code)).toEqual({
      ok: true,
      views: [
        { page: 'softmax', query: 'T=2', note: '温度 ↑' },
        { page: 'relu', query: '', note: '' },
      ],
    });
  });

  it('tells a newer version from a corrupt code', async () => {
    expect(await decodeLesson(`2j${b64('[["softmax","",""]]')}`)).toEqual({
      ok: false,
      error: 'newer',
    });
    expect(await decodeLesson(`0j${b64('[["softmax","",""]]')}`)).toEqual({
      ok: false,
      error: 'corrupt',
    });
  });

  it('refuses corrupt and hostile codes without throwing', async () => {
    const bad = [
      '',
      '1',
      '1x',
      'abc',
      '1j!!!',
      '1jA',
      `1j${b64('not json')}`,
      `1j${b64('{}')}`,
      `1j${b64('[]')}`,
      `1j${b64('[["../etc","",""]]')}`,
      `1j${b64('[["<script>","",""]]')}`,
      `1j${b64('[["softmax",3,""]]')}`,
      `1j${b64('[["softmax","",""," extra"]]')}`,
      `1j${b64(`[["softmax","","${'x'.repeat(MAX_NOTE + 1)}"]]`)}`,
      `1j${b64(JSON.stringify(Array.from({ length: MAX_VIEWS + 1 }, () => ['relu', '', ''])))}`,
      '1zAAAA',
      `1z${b64('garbage that is not deflate')}`,
      `1j${'A'.repeat(MAX_LESSON_URL + 1)}`,
    ];
    for (const code of bad) {
      expect(await decodeLesson(code), code.slice(0, 40)).toEqual({ ok: false, error: 'corrupt' });
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (s) => {
        const r = await decodeLesson(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a decompression bomb', async () => {
    const huge = JSON.stringify([['softmax', '', '']]) + ' '.repeat(1_000_000);
    const code = `1z${deflateRawSync(huge).toString('base64url')}`;
    expect(code.length).toBeLessThan(MAX_LESSON_URL);
    expect(await decodeLesson(code)).toEqual({ ok: false, error: 'corrupt' });
  });
});

describe('lesson links', () => {
  const views: LessonView[] = [
    { page: 'softmax', query: 'T=2&z=1,2,3', note: '' },
    { page: 'relu', query: 'lesson=evil&present=0&x=1', note: '' },
  ];

  it('opens a view with its values, the lesson and its number', () => {
    expect(lessonUrl('https://x.org/app', 'CODE', views, 0)).toBe(
      'https://x.org/app/softmax?T=2&z=1,2,3&lesson=CODE',
    );
    expect(lessonUrl('', 'CODE', views, 1, 'zh-TW')).toBe(
      '/relu?x=1&lang=zh-TW&lesson=CODE&view=2',
    );
  });

  it('reads the view number within the lesson', () => {
    expect(viewIndex(null, 3)).toBe(0);
    expect(viewIndex('2', 3)).toBe(1);
    expect(viewIndex('99', 3)).toBe(2);
    for (const raw of ['0', '-1', '1.5', 'x', '']) expect(viewIndex(raw, 3)).toBe(0);
  });

  it('a lesson past the limit makes a link longer than MAX_LESSON_URL', async () => {
    // notes of random text do not compress: this many cannot fit in one link
    const rnd = fc.sample(fc.string({ minLength: MAX_NOTE, maxLength: MAX_NOTE }), {
      numRuns: MAX_VIEWS,
      seed: 7,
    });
    const big = rnd.map((note) => ({
      page: 'softmax',
      query: 'T=2',
      note: note.slice(0, MAX_NOTE),
    }));
    const code = await encodeLesson(big);
    expect(lessonUrl('https://x.org', code, big, 0).length).toBeGreaterThan(MAX_LESSON_URL);
    // …and the decoder still reads a long code that a browser could carry
    if (code.length <= MAX_LESSON_URL) expect((await decodeLesson(code)).ok).toBe(true);
  });
});
