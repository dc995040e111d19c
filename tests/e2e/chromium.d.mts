import type { Browser } from 'playwright-core';

/** Chromium flags for a quiet, sandbox-free headless run (containers, CI). */
export const CHROMIUM_ARGS: string[];
/** Launches `CHROME_PATH` or /usr/bin/chromium. */
export function launchChromium(): Promise<Browser>;
