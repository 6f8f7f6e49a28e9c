/**
 * The readout page renders Japan's Japanese readout of Seoul 2013, composed from the records,
 * published by the delegation, with a photograph of one of its bilateral meetings.
 */
import { deflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilateralMeetingPrincipals, delegations } from '../../src/db/schema.js';
import { launchBrowser, type RunningPlenary, startPlenary } from '../support/browser.js';

let plenary: RunningPlenary;
let browser: Browser;

beforeAll(async () => {
  [plenary, browser] = await Promise.all([startPlenary(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await plenary?.close();
});

/** A small, valid PNG photograph (400×300, two colours), made here. */
function photoPng(): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = table[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const [w, h] = [400, 300];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * (w * 3 + 1) + 1 + x * 3;
      raw[i] = x < w / 2 ? 40 : 200;
      raw[i + 1] = 90;
      raw[i + 2] = 160;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

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
          file: { name: 'bishop.png', mimeType: 'image/png', buffer: photoPng() },
          caption_ja: 'ビショップ・豪州外務大臣との会談',
        },
      },
    );
    expect(photo.status(), await photo.text()).toBe(201);

    // The delegation composes its readout from the records and publishes it.
    const composed = await focal.request.post(
      '/api/editions/seoul-2013/delegations/JPN/readouts/ja',
      { headers, data: {} },
    );
    expect(composed.ok(), await composed.text()).toBe(true);
    const { version } = (await composed.json()) as { version: number };
    const published = await focal.request.post(
      '/api/editions/seoul-2013/delegations/JPN/readouts/ja/publish',
      {
        headers,
        data: { version },
      },
    );
    expect(published.ok(), await published.text()).toBe(true);

    // Anyone reads it; the content is in the HTML, the photograph loads.
    const reader = await browser.newContext({ baseURL: plenary.baseUrl, locale: 'ja-JP' });
    const page = await reader.newPage();
    await page.goto('/editions/seoul-2013/delegations/JPN/readout?lang=ja');
    const text = (await page.locator('main').textContent()) ?? '';
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
