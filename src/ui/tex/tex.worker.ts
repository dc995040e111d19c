/// <reference lib="webworker" />
// KaTeX for formulas that change on the page (a worked example following a slider): each
// request names the TeX shown and the TeX wanted; the answer is the new HTML and, where the
// structure is the same, the patch that turns the shown formula into it (see `htmlPatch`).
import { htmlPatch } from './htmlPatch';
import { loadKatex } from './katexLoader';
import { renderTex } from './renderTex';
import type { TexReply, TexRequest } from './texWorker';

const ready = loadKatex();
const render = (key: string) => renderTex(key.slice(1), key[0] === 'D');

self.onmessage = async (e: MessageEvent<TexRequest>) => {
  await ready;
  const { id, prev, next } = e.data;
  const html = render(next);
  const reply: TexReply = { id, html, patch: prev === null ? null : htmlPatch(render(prev), html) };
  self.postMessage(reply);
};
