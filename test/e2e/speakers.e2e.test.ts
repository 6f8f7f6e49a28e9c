/**
 * A list of speakers in the hall, end to end in Chromium: the secretariat adds a session; the
 * focal points of Japan and Korea inscribe speakers of different ranks in the portal; the chair
 * closes the list and gives the floor on the chair's desk; the hall screen, a second page, shows
 * the new speaker within a second. Screenshots (1920×1080) in English and Japanese.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningPlenary, startPlenary } from '../support/browser.js';

let plenary: RunningPlenary;
let browser: Browser;
const shots = process.env.PLENARY_SHOTS ?? mkdtempSync(path.join(tmpdir(), 'plenary-shots-'));
const SCREEN = { width: 1920, height: 1080 };
const SESSION = 'plenary-speakers-e2e';

beforeAll(async () => {
  [plenary, browser] = await Promise.all([startPlenary(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await plenary?.close();
});

async function signIn(
  context: BrowserContext,
  email: string,
  password: string,
  lands: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(`**${lands}**`);
  return page;
}

/** A member of the signed-in focal point's delegation with this rank. */
async function memberOf(
  page: Page,
  delegation: string,
  rank: string,
): Promise<{ id: string; displayName: string }> {
  const response = await page.request.get(
    `/api/editions/seoul-2013/delegations/${delegation}/participants?pageSize=200&status=approved`,
  );
  expect(response.ok()).toBe(true);
  const { items } = (await response.json()) as {
    items: { id: string; displayName: string; rank: string }[];
  };
  const found = items.find((m) => m.rank === rank);
  if (!found) throw new Error(`${delegation} has no approved member of rank ${rank}`);
  return found;
}

async function inscribe(page: Page, member: string) {
  await page.goto(`/portal/speakers?session=${SESSION}`);
  await page.waitForSelector('#speakers-member');
  await page.selectOption('#speakers-member', member);
  await page.click('#speakers-inscribe');
  await page.waitForSelector('.notice--success');
}

describe('a list of speakers, end to end in the browser', () => {
  it('runs from inscriptions in the portal to the hall screen', async () => {
    const base = plenary.baseUrl;
    // The secretariat adds a session to the programme (API: the timetable does the same).
    const secretariat = await browser.newContext({
      baseURL: base,
      viewport: SCREEN,
      locale: 'en-GB',
    });
    const chair = await signIn(
      secretariat,
      'secretariat@plenary.example',
      'seoul-2013-secretariat',
      '/secretariat',
    );
    const session = await chair.evaluate(async (code) => {
      const { csrfToken } = (await (await fetch('/api/auth/session')).json()) as {
        csrfToken: string;
      };
      const response = await fetch('/api/editions/seoul-2013/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({
          code,
          kind: 'plenary',
          title: {
            en: 'Plenary: statements of delegations',
            ja: '全体会合：各国代表団ステートメント',
          },
          roomCode: 'auditorium',
          startsAt: '2013-10-19T00:00:00Z',
          endsAt: '2013-10-19T03:00:00Z',
          status: 'published',
        }),
      });
      return response.status;
    }, SESSION);
    expect(session).toBe(201);

    // Japan inscribes a delegate first; Korea then inscribes its foreign minister.
    const japan = await browser.newContext({
      baseURL: base,
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
    });
    const jpn = await signIn(japan, 'focal.jpn@plenary.example', 'seoul-2013-japan', '/portal');
    const jpnDelegate = await memberOf(jpn, 'JPN', 'delegate');
    await inscribe(jpn, jpnDelegate.id);
    await expect.poll(() => jpn.getByTestId('our-place').textContent()).toBe('Our place: 1 of 1');

    const korea = await browser.newContext({
      baseURL: base,
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
    });
    const kor = await signIn(korea, 'focal.kor@plenary.example', 'seoul-2013-korea', '/portal');
    const korMinister = await memberOf(kor, 'KOR', 'foreign_minister');
    await inscribe(kor, korMinister.id);
    // The minister outranks the delegate: Korea first, and Japan's page moves down live.
    await expect.poll(() => kor.getByTestId('our-place').textContent()).toBe('Our place: 1 of 2');
    await expect
      .poll(() => jpn.getByTestId('our-place').textContent(), { timeout: 2_000 })
      .toBe('Our place: 2 of 2');
    await kor.screenshot({ path: path.join(shots, 'speakers-portal-en.png'), fullPage: true });

    // The hall screen: public, a second browser with no sign-in, at projector size.
    const hallContext = await browser.newContext({
      baseURL: base,
      viewport: SCREEN,
      locale: 'en-GB',
    });
    const hall = await hallContext.newPage();
    await hall.goto(`/hall/seoul-2013/${SESSION}`);
    await hall.getByText('The session will begin shortly.').waitFor();

    // The chair closes the list and gives the floor.
    await chair.goto(`/chair/seoul-2013/${SESSION}`);
    await chair.click('#chair-close');
    await chair.locator('.speakers-status--closed').first().waitFor();
    await expect
      .poll(() => jpn.locator('.speakers-status--closed').count(), { timeout: 2_000 })
      .toBe(1);
    const started = Date.now();
    await chair.click('#chair-next');
    await hall.getByTestId('hall-delegation').waitFor({ timeout: 1_000 });
    const delivered = Date.now() - started;
    expect(await hall.getByTestId('hall-delegation').textContent()).toBe('South Korea');
    expect(delivered).toBeLessThan(1_000);
    console.info(`speakers e2e: chair's click → hall screen shows the speaker in ${delivered} ms`);
    await expect.poll(() => chair.getByTestId('chair-current').textContent()).toBe('South Korea');
    await expect
      .poll(() => hall.locator('.hall__next-delegation').allTextContents())
      .toEqual(['Japan']);
    await hall.waitForTimeout(1_200); // the timer has visibly run
    await hall.screenshot({ path: path.join(shots, 'speakers-hall-en.png') });
    await chair.screenshot({ path: path.join(shots, 'speakers-chair-en.png'), fullPage: true });

    // The same screens in Japanese.
    await hall.goto(`/hall/seoul-2013/${SESSION}?lang=ja`);
    await expect.poll(() => hall.getByTestId('hall-delegation').textContent()).toBe('韓国');
    await hall.screenshot({ path: path.join(shots, 'speakers-hall-ja.png') });
    await chair.goto(`/chair/seoul-2013/${SESSION}?lang=ja`);
    await expect.poll(() => chair.getByTestId('chair-current').textContent()).toBe('韓国');
    await chair.screenshot({ path: path.join(shots, 'speakers-chair-ja.png'), fullPage: true });
    await jpn.goto(`/portal/speakers?session=${SESSION}&lang=ja`);
    await jpn.getByTestId('our-place').waitFor();
    await jpn.screenshot({ path: path.join(shots, 'speakers-portal-ja.png'), fullPage: true });

    await Promise.all([secretariat.close(), japan.close(), korea.close(), hallContext.close()]);
  });
});
