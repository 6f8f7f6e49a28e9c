/**
 * Bilateral meetings in Chromium: Korea's focal point requests a meeting with the United Kingdom
 * (a rank mismatch: a warning, not a block), the UK's focal point accepts it; the secretariat
 * runs the scheduler, applies the proposal and publishes the final schedule; both delegations
 * then find the meeting on their schedule page and in their iCalendar feed (parsed by ical.js).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  type RunningPlenary,
  signedIn as signedInAs,
  startPlenary,
} from '../support/browser.js';

let plenary: RunningPlenary;
let browser: Browser;
const shots = process.env.PLENARY_SHOTS ?? mkdtempSync(path.join(tmpdir(), 'plenary-shots-'));

beforeAll(async () => {
  [plenary, browser] = await Promise.all([startPlenary(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await plenary?.close();
});

const signedIn = (email: string, password: string, home: string) =>
  signedInAs(browser, plenary.baseUrl, { email, password, home });

/** The schedule page lists the meeting; the feed it links to carries it as one VEVENT. */
async function seesMeeting(page: Page, context: BrowserContext, other: string, name: string) {
  await page.goto('/portal/bilaterals?tab=schedule');
  const row = page.locator('tr[data-meeting]', { hasText: other });
  await row.waitFor();
  expect(await row.textContent()).toContain('Final schedule');
  await page.screenshot({ path: path.join(shots, `e2e-bilaterals-schedule-${name}.png`) });
  const url = await page.inputValue('#bil-feed');
  expect(url).toMatch(/\/editions\/seoul-2013\/bilaterals\/[0-9a-f]{32}\.[\w-]{22}\.ics$/);
  // Calendar apps send no cookie: fetch the address without the session.
  const feed = await fetch(url);
  expect(feed.status).toBe(200);
  expect(feed.headers.get('content-type')).toContain('text/calendar');
  const text = await feed.text();
  expect(text).toContain(other);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v))
    .filter((event) => event.summary.includes(other));
  expect(events).toHaveLength(1);
  const event = events[0]!;
  expect(event.summary).toMatch(/^Bilateral meeting: /);
  expect(event.summary).not.toContain('(provisional)');
  expect(event.endDate.toUnixTime() - event.startDate.toUnixTime()).toBe(30 * 60);
  await context.close();
  return { uid: event.uid, start: event.startDate.toJSDate().toISOString() };
}

describe('bilateral meetings, end to end in the browser', () => {
  it('runs from a request to a published meeting in both calendars', async () => {
    // Korea requests a 30-minute meeting with the United Kingdom.
    const kor = await signedIn('focal.kor@plenary.example', 'seoul-2013-korea', '/portal');
    await kor.page.goto('/portal/bilaterals?tab=new');
    await kor.page.selectOption('#bil-counterpart', 'GBR');
    await kor.page.waitForSelector('.bil-chip[data-code=GBR]');
    await kor.page.check('input[name=bil-kind][value=meeting]');
    await kor.page.selectOption('#bil-length', '30');
    await kor.page.selectOption('#bil-priority', '3');
    await kor.page.fill('#bil-notes', 'Cyber capacity building in the Indo-Pacific.');
    await kor.page.click('.bil-form button[type=submit]');
    // Sent, with the rank mismatch (a head of state and a foreign minister) as a warning.
    await kor.page.waitForSelector('.notice--warning');
    expect(await kor.page.locator('.notice--warning').textContent()).toContain('ranks differ');
    const sentRow = kor.page.locator('table[data-side=sent] tr[data-with=GBR]');
    await sentRow.waitFor();
    expect(await sentRow.textContent()).toContain('Pending');

    // The United Kingdom accepts it.
    const gbr = await signedIn('focal.gbr@plenary.example', 'seoul-2013-britain', '/portal');
    await gbr.page.goto('/portal/bilaterals');
    const received = gbr.page.locator('table[data-side=received] tr[data-with=KOR]');
    await received.waitFor();
    const requestId = await received.getAttribute('data-request');
    await received.locator('[data-action=accept]').click();
    await gbr.page.waitForSelector('.notice--success');
    await expect.poll(() => received.textContent()).toContain('Accepted');
    // Korea was told.
    await kor.page.goto('/portal/bilaterals?tab=notifications');
    await kor.page.waitForSelector('.bil-notification--unread');

    // The secretariat runs the scheduler, reviews the proposal, applies it and publishes.
    const sec = await signedIn(
      'secretariat@plenary.example',
      'seoul-2013-secretariat',
      '/secretariat',
    );
    await sec.page.goto('/secretariat/bilaterals');
    await sec.page.waitForSelector('.bil-board');
    await sec.page.fill('#bil-time-limit', '1');
    await sec.page.fill('#bil-seed', '7');
    await sec.page.click('[data-action=plan]');
    await sec.page.waitForSelector('.bil-proposal');
    const added = Number(
      await sec.page.locator('[data-count=added] .bil-diff-counts__n').textContent(),
    );
    expect(added).toBeGreaterThan(0);
    expect(await sec.page.locator('.bil-diff').textContent()).toContain(
      'South Korea – United Kingdom',
    );
    await sec.page.click('[data-action=apply]');
    await sec.page.waitForSelector('.notice--success');
    expect(await sec.page.locator('.notice--success').textContent()).toContain('Plan applied');
    sec.page.once('dialog', (dialog) => void dialog.accept());
    await sec.page.click('[data-action=publish-final]');
    await expect
      .poll(() => sec.page.locator('.notice--success').textContent())
      .toMatch(/meetings published \(Final schedule\)/);
    await sec.page.screenshot({ path: path.join(shots, 'e2e-bilaterals-board.png') });

    // Both delegations see it on their schedule page and in their calendar feed.
    const inKorea = await seesMeeting(kor.page, kor.context, 'United Kingdom', 'kor');
    const inBritain = await seesMeeting(gbr.page, gbr.context, 'South Korea', 'gbr');
    expect(inKorea.uid).toBe(inBritain.uid);
    expect(inKorea.start).toBe(inBritain.start);
    const answer = await sec.context.request.get(
      `/api/editions/seoul-2013/bilaterals/requests/${requestId}`,
    );
    expect(answer.status()).toBe(200);
    const request = (await answer.json()) as { meeting: { id: string; published: string } | null };
    expect(request.meeting?.published).toBe('final');
    expect(inKorea.uid).toBe(`${request.meeting?.id}@plenary`);
    await sec.context.close();
  });
});
