/**
 * Browser tests: Plenary served in-process on a fresh database with the Seoul 2013 demo, and
 * Debian's Chromium driven by playwright-core.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsqrModule from 'jsqr';
import { type Browser, chromium } from 'playwright-core';
import type { Database } from '../../src/db/connection.js';
import { loadDemo } from '../../src/features/conferences/demo/demo.loader.js';
import { buildApp, WEB_DIST } from '../../src/server/app.js';
import type { Services } from '../../src/server/context.js';
import { createServices } from '../../src/server/services.js';
import { freshDatabase } from './database.js';

type Decode = typeof jsqrModule.default;
const jsQR: Decode =
  typeof jsqrModule === 'function'
    ? (jsqrModule as Decode)
    : (jsqrModule as { default: Decode }).default;

export const CHROMIUM = process.env.PLENARY_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new browser context signed in through the sign-in form, waiting on the page the user lands
 * on (`home`).
 */
export async function signedIn(
  browser: Browser,
  baseURL: string,
  user: { email: string; password: string; home: string },
) {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.fill('#email', user.email);
  await page.fill('#password', user.password);
  await page.click('button[type=submit]');
  await page.waitForURL(`**${user.home}**`);
  return { context, page };
}

export interface RunningPlenary {
  baseUrl: string;
  services: Services;
  database: Database;
  close(): Promise<void>;
}

export async function startPlenary(): Promise<RunningPlenary> {
  if (!existsSync(path.join(WEB_DIST, 'index.html')))
    throw new Error('The web UI is not built: npm run build:web');
  const database = await freshDatabase();
  await loadDemo(database.db, { reset: false, now: new Date() });
  const services = createServices(database);
  const app = await buildApp(services, { web: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    services,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Reads the QR code printed on a badge: rasterise the PDF with poppler, decode with jsQR. */
export function decodeBadgeQr(pdf: Uint8Array): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'plenary-badge-'));
  try {
    writeFileSync(path.join(dir, 'badge.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-r',
      '150',
      '-gray',
      '-singlefile',
      path.join(dir, 'badge.pdf'),
      path.join(dir, 'badge'),
    ]);
    const pgm = readFileSync(path.join(dir, 'badge.pgm'));
    const header = pgm
      .subarray(0, 64)
      .toString('latin1')
      .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
    if (!header) return null;
    const width = Number(header[1]);
    const height = Number(header[2]);
    const pixels = pgm.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const v = pixels[i] ?? 255;
      rgba[i * 4] = v;
      rgba[i * 4 + 1] = v;
      rgba[i * 4 + 2] = v;
      rgba[i * 4 + 3] = 255;
    }
    return jsQR(rgba, width, height)?.data ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
