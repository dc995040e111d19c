import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { describe, expect, inject, it } from 'vitest';
import { backgroundLuminance, frames } from './app';
import { goto, setupBrowser } from './browser';

const ids = inject('pageIds');
const { open } = setupBrowser();

/**
 * Every rule in English, in the light theme, then the dark theme's contrast on the same load;
 * in Chinese every rule but contrast (the text and names differ, the colours are the same).
 */
const LANGS = ['en', 'zh-TW'] as const;

/** One readable block per violation: rule, impact, help, and the first few offending nodes. */
function describeViolations(path: string, violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        )
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `${path}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

describe('accessibility (axe-core)', () => {
  it.each(LANGS)(
    'home, not-found and every built page have no serious or critical violations (%s; in English contrast in both themes, in Chinese all but contrast)',
    async (lang) => {
      const { page } = await open(`/?lang=${lang}`, { colorScheme: 'light' });
      const paths = ['/', ...ids.map((id) => `/${id}`), '/no-such-page'];
      const report: string[] = [];
      const check = async (axe: AxeBuilder, where: string) => {
        const results = await axe.analyze();
        const bad = results.violations.filter(
          (v) => v.impact === 'serious' || v.impact === 'critical',
        );
        if (bad.length) report.push(describeViolations(where, bad));
      };
      for (const path of paths) {
        const full = `${path}?lang=${lang}`;
        if (path !== '/') await goto(page, full);
        // Only the violations' details are gathered (a quarter faster on these pages). KaTeX's
        // HTML half is hidden from assistive technology (its MathML half is what is read): its
        // thousands of spans are checked for contrast in the dark run, not here.
        await check(
          new AxeBuilder({ page })
            .options({ resultTypes: ['violations'] })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
            .exclude('.katex-html')
            .disableRules(lang === 'en' ? [] : ['color-contrast']),
          `${full} (light)`,
        );
        if (lang !== 'en') continue;
        // only colours change with the theme: the dark theme's contrast, on the same load
        const light = await backgroundLuminance(page);
        await page.emulateMedia({ colorScheme: 'dark' });
        await frames(page); // the styles, React and the canvas marks follow the scheme
        expect(
          await backgroundLuminance(page),
          `${full}: the dark theme's background`,
        ).toBeLessThan(light);
        await check(
          new AxeBuilder({ page })
            .options({ resultTypes: ['violations'] })
            .withRules(['color-contrast', 'link-in-text-block']),
          `${full} (dark)`,
        );
        await page.emulateMedia({ colorScheme: 'light' });
      }
      if (report.length) console.error(report.join('\n\n'));
      expect(report, 'serious or critical axe violations').toEqual([]);
    },
    // about five seconds a page on a busy machine, with room
    30_000 + 15_000 * (ids.length + 2),
  );
});

describe('forced colours (a Windows contrast theme)', () => {
  it('a switch shows whether it is on: its knob stands out from its track, and on differs from off', async () => {
    const { page } = await open('/attention?lang=en', { forcedColors: 'active' });
    const toggles = page.locator('input.toggle-input');
    await expect.poll(() => toggles.count()).toBeGreaterThanOrEqual(2);
    const looks = await toggles.evaluateAll((els) =>
      els.map((el) => ({
        checked: (el as HTMLInputElement).checked,
        track: getComputedStyle(el).backgroundColor,
        knob: getComputedStyle(el, '::before').backgroundColor,
      })),
    );
    const on = looks.find((l) => l.checked);
    const off = looks.find((l) => !l.checked);
    expect(on, 'a switch that is on (divide by √d_k)').toBeDefined();
    expect(off, 'a switch that is off (causal mask)').toBeDefined();
    for (const l of [on!, off!]) expect(l.knob, JSON.stringify(l)).not.toBe(l.track);
    expect(on!.track).not.toBe(off!.track);
  });
});
