/**
 * The accreditation journey in Chromium: a focal point signs in from an invitation, nominates a
 * member with a photo; the secretariat approves; the badge PDF downloads; the check-in page
 * accepts its QR code once and warns on the second scan.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeBadgeQr,
  launchBrowser,
  type RunningPlenary,
  startPlenary,
} from '../support/browser.js';
import { pngImage } from '../support/images.js';

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

describe('accreditation, end to end in the browser', () => {
  it('runs from invitation to a checked-in badge', async () => {
    const base = plenary.baseUrl;
    // The secretariat invites a focal point for Indonesia (API: the console's invite dialog does the same).
    const secretariat = await browser.newContext({ baseURL: base });
    const signIn = await secretariat.request.post('/api/auth/sign-in', {
      data: { email: 'secretariat@plenary.example', password: 'seoul-2013-secretariat' },
    });
    expect(signIn.ok()).toBe(true);
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const invited = await secretariat.request.post('/api/editions/seoul-2013/invitations', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        email: 'focal.idn@example.org',
        displayName: 'Dewi Focal Point',
        delegationCode: 'IDN',
      },
    });
    expect(invited.status()).toBe(201);
    const { url } = (await invited.json()) as { url: string };

    // The focal point opens the link, chooses a password and lands in the portal.
    const focal = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const page = await focal.newPage();
    await page.goto(new URL(url).pathname);
    await page.fill('#password', 'a long and private passphrase');
    await page.fill('#confirm', 'a long and private passphrase');
    await page.click('button[type=submit]');
    await page.waitForURL('**/portal**');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Indonesia');

    // Nominates a member…
    await page.goto('/portal/nominate');
    await page.fill('#familyNameEn', 'Wirawan');
    await page.fill('#givenNameEn', 'Sari');
    await page.fill('#titleEn', 'Director for Information Security');
    await page.selectOption('#rank', 'delegate');
    await page.selectOption('#category', 'party');
    await page.fill('#dateOfBirth', '1979-03-21');
    await page.fill('#passportNumber', 'XX7654321');
    await page.click('.member-form button[type=submit]');
    await page.waitForSelector('.notice--success');
    await page.screenshot({ path: path.join(shots, 'e2e-nominated.png') });

    // …and uploads the member's photo.
    await page.goto('/portal?status=nominated');
    await page.getByRole('link', { name: /Wirawan/ }).click();
    await page.waitForURL('**/portal/members/**');
    const participantId = new URL(page.url()).pathname.split('/').pop()!;
    const photo = path.join(mkdtempSync(path.join(tmpdir(), 'plenary-photo-')), 'sari.png');
    writeFileSync(
      photo,
      pngImage(300, 400, (x, y) =>
        (x - 150) ** 2 / 80 ** 2 + (y - 170) ** 2 / 100 ** 2 < 1
          ? [220, 180, 150]
          : [200, 215, 230],
      ),
    );
    await page.setInputFiles('#photo', photo);
    await page.click('.photo-panel button[type=submit]');
    await page.waitForSelector('.photo-panel .notice--success');

    // The secretariat finds the nomination in its queue and approves it.
    const console = await secretariat.newPage();
    await console.goto('/sign-in');
    await console.fill('#email', 'secretariat@plenary.example');
    await console.fill('#password', 'seoul-2013-secretariat');
    await console.click('button[type=submit]');
    await console.waitForURL('**/secretariat**');
    await console.goto('/secretariat?delegation=IDN&q=Wirawan');
    const row = console.locator('tbody tr', { hasText: 'Wirawan' });
    await row.waitFor();
    await row.locator('.row-actions .button:not(.button--warning)').first().click();
    await console.waitForSelector('.notice--success');
    await console.screenshot({ path: path.join(shots, 'e2e-approved.png') });
    const approved = await plenary.services.accreditation.participant(
      { kind: 'system', label: 'test' },
      participantId,
      'en',
    );
    expect(approved.status).toBe('approved');

    // The whole list pages forward and back by cursor: page 2 shows other people, and
    // "Previous" brings page 1 back exactly.
    await console.goto('/secretariat?status=all');
    const names = () => console.locator('tbody th[scope=row]').allTextContents();
    await console.locator('tbody tr').first().waitFor();
    const first = await names();
    await console.click('.pager button:has-text("Next page")');
    await console.waitForURL('**after=**');
    await console.waitForFunction(
      (before) => document.querySelector('tbody th[scope=row]')?.textContent !== before,
      first[0],
    );
    const second = await names();
    expect(second.some((n) => first.includes(n))).toBe(false);
    await expect(console.locator('.pager__status').textContent()).resolves.toMatch(
      /More than 1,000/,
    );
    await console.click('.pager button:has-text("Previous page")');
    await console.waitForURL('**before=**');
    await console.waitForFunction(
      (before) => document.querySelector('tbody th[scope=row]')?.textContent === before,
      first[0],
    );
    expect(await names()).toEqual(first);

    // The badge PDF downloads and its QR code carries the signed badge code.
    const badge = await secretariat.request.get(`/api/participants/${participantId}/badge.pdf`);
    expect(badge.status()).toBe(200);
    expect(badge.headers()['content-type']).toBe('application/pdf');
    const code = decodeBadgeQr(await badge.body());
    expect(code).toMatch(/^PL1\./);

    // The check-in page (a phone) accepts it once, then says when it was first checked in.
    const phone = await browser.newContext({
      baseURL: base,
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    await phone.addCookies((await secretariat.cookies()).map((c) => ({ ...c })));
    const checkIn = await phone.newPage();
    await checkIn.goto('/check-in');
    await checkIn.fill('#badge-code', code!);
    await checkIn.click('.checkin__form button[type=submit]');
    await checkIn.waitForSelector('.result--ok');
    await expect.poll(() => checkIn.locator('.result--ok').textContent()).toContain('Wirawan');
    await checkIn.click('.checkin__form button[type=submit]');
    await checkIn.waitForSelector('.result--already');
    await checkIn.screenshot({ path: path.join(shots, 'e2e-checked-in-twice.png') });
    expect(await checkIn.locator('.result--already').textContent()).toMatch(/Already checked in/i);
    await Promise.all([focal.close(), secretariat.close(), phone.close()]);
  });
});
