// The system Chromium, launched the same way by the browser tests, the UI benchmark and the
// screenshots (playwright-core cannot download browsers here; CI installs Debian's chromium).

import { chromium } from 'playwright-core';

/** Chromium flags for a quiet, sandbox-free headless run (containers, CI). */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches `CHROME_PATH` or /usr/bin/chromium. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}
