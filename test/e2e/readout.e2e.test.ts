/**
 * The readout page renders Japan's Japanese readout of Seoul 2013, composed from the records,
 * published by the delegation, with a photograph of one of its bilateral meetings.
 */
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilateralMeetingPrincipals, delegations } from '../../src/db/schema.js';
import { launchBrowser, type RunningPlenary, startPlenary } from '../support/browser.js';
import { pngImage } from '../support/images.js';

let plenary: RunningPlenary;
let browser: Browser;

beforeAll(async () => {
  [plenary, browser] = await Promise.all([startPlenary(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await plenary?.close();
});

describe('the readout page', () => {
  it("renders Japan's Japanese readout with a meeting photograph", async () => {
    const focal = await browser.newContext({ baseURL: plenary.baseUrl });
    const signIn = await focal.request.post('/api/auth/sign-in', {
      data: { email: 'focal.jpn@plenary.example', password: 'seoul-2013-japan' },
    });
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };

    // A photograph of the meeting with Australia (one of the four in the seed).
    const db = plenary.database.db;
    const [aus] = await db
      .select({ id: delegations.id })
      .from(delegations)
      .where(eq(delegations.code, 'AUS'));
    const [jpn] = await db
      .select({ id: delegations.id })
      .from(delegations)
      .where(eq(delegations.code, 'JPN'));
    const ausMeetings = await db
      .select({ meetingId: bilateralMeetingPrincipals.meetingId })
      .from(bilateralMeetingPrincipals)
      .where(eq(bilateralMeetingPrincipals.delegationId, aus!.id));
    const [shared] = await db
      .select({ meetingId: bilateralMeetingPrincipals.meetingId })
      .from(bilateralMeetingPrincipals)
      .where(
        and(
          eq(bilateralMeetingPrincipals.delegationId, jpn!.id),
          eq(bilateralMeetingPrincipals.meetingId, ausMeetings[0]!.meetingId),
        ),
      );
    expect(shared).toBeDefined();
    const photo = await focal.request.post(
      `/api/editions/seoul-2013/delegations/JPN/meetings/${shared!.meetingId}/photos`,
      {
        headers,
        multipart: {
          file: {
            name: 'bishop.png',
            mimeType: 'image/png',
            buffer: pngImage(400, 300, (x) => (x < 200 ? [40, 90, 160] : [200, 90, 160])),
          },
          caption_ja: 'ビショップ・豪州外務大臣との会談',
        },
      },
    );
    expect(photo.status(), await photo.text()).toBe(201);

    // In the portal, the focal point composes the readout from the records, edits it, publishes it.
    const portal = await focal.newPage();
    await portal.goto('/sign-in');
    await portal.fill('#email', 'focal.jpn@plenary.example');
    await portal.fill('#password', 'seoul-2013-japan');
    await portal.click('button[type=submit]');
    await portal.waitForURL('**/portal**');
    await portal.goto('/portal/readout');
    await portal.getByRole('button', { name: 'Compose from the records' }).click();
    await portal.waitForSelector('.readout-editor');
    const first = '#readout-overview-0';
    await portal.fill(first, `${await portal.inputValue(first)}（編集済み）`);
    await portal.click('.readout-editor button[type=submit]');
    await portal.waitForSelector('.notice--success');
    await portal.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect
      .poll(() => portal.locator('.readout-editor .secondary').textContent())
      .toContain('Published');

    // Anyone reads it; the content is in the HTML, the photograph loads.
    const reader = await browser.newContext({ baseURL: plenary.baseUrl, locale: 'ja-JP' });
    const page = await reader.newPage();
    await page.goto('/editions/seoul-2013/delegations/JPN/readout?lang=ja');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('（編集済み）');
    for (const fact of [
      '平成25年',
      '10月17日',
      '三ツ矢外務副大臣',
      '87か国',
      'ソウル枠組み',
      'ハーグ',
      'ムシキワボ',
      'ピーリス',
    ]) {
      expect(text, fact).toContain(fact);
    }
    const image = page.locator('main img').first();
    await image.waitFor();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(
      400,
    );
    await page.screenshot({ path: '/tmp/e2e-readout-ja.png', fullPage: true });
    await Promise.all([focal.close(), reader.close()]);
  });
});
