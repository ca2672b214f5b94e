import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (or CHROME_PATH). */
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * The flags this sandbox needs: no sandbox (root), and no background
 * network, whose connections the closed network would refuse.
 */
export const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath, args: chromeFlags });
}
