/**
 * The secretariat's timetable in Chromium, with a mouse: a session dragged onto a booked slot is
 * refused (the block goes back, the reason is shown, nothing changes in the database); dragged
 * to a free slot of another room it is saved; a booking the page had not seen is refused by the
 * server (409) and the block goes back; a drag on an empty slot creates a session; the keyboard
 * moves one and Enter saves it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningPlenary, startPlenary } from '../support/browser.js';

let plenary: RunningPlenary;
let browser: Browser;
const shots = process.env.PLENARY_SHOTS ?? mkdtempSync(path.join(tmpdir(), 'plenary-shots-'));
const SLUG = 'seoul-2013';

beforeAll(async () => {
  [plenary, browser] = await Promise.all([startPlenary(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await plenary?.close();
});

interface SessionJson {
  code: string;
  roomCode: string;
  startsAt: string;
  endsAt: string;
  version: number;
  title: { en: string };
}

async function session(request: APIRequestContext, code: string): Promise<SessionJson | undefined> {
  const response = await request.get(`/api/editions/${SLUG}/programme`);
  expect(response.status()).toBe(200);
  const { sessions } = (await response.json()) as { sessions: SessionJson[] };
  return sessions.find((s) => s.code === code);
}

/** A point on the grid: the middle of a room's column, at a time of the venue's day (HH:MM). */
async function at(page: Page, room: string, hhmm: string) {
  const board = page.locator('.tt-board');
  const box = await board.boundingBox();
  if (!box) throw new Error('no timetable board');
  const rooms = await page
    .locator('.tt-board .tt-col')
    .evaluateAll((cols) => cols.map((c) => (c as HTMLElement).dataset.room));
  const from = Number(await board.getAttribute('data-from'));
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const index = rooms.indexOf(room);
  expect(index, `room ${room} on the grid`).toBeGreaterThanOrEqual(0);
  // 16 px per 15 minutes (SLOT_PX in TimetableGrid.tsx)
  return {
    x: box.x + (box.width / rooms.length) * (index + 0.5),
    y: box.y + ((h * 60 + m - from) / 15) * 16,
  };
}

/** Presses at `from`, moves in steps to `to`, and leaves the button down. */
async function dragTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y + 8, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 10 });
}

const blockText = (page: Page, code: string) =>
  page.locator(`[data-session="${code}"]`).textContent();

describe('the timetable editor, in the browser', () => {
  let context: BrowserContext;
  let page: Page;
  let csrf: string;

  beforeAll(async () => {
    context = await browser.newContext({
      baseURL: plenary.baseUrl,
      viewport: { width: 1440, height: 1700 },
      locale: 'en-GB',
    });
    page = await context.newPage();
    await page.goto('/sign-in?lang=en');
    await page.fill('#email', 'secretariat@plenary.example');
    await page.fill('#password', 'seoul-2013-secretariat');
    await page.click('button[type=submit]');
    await page.waitForURL('**/secretariat**');
    csrf = (
      (await (await context.request.get('/api/auth/session')).json()) as { csrfToken: string }
    ).csrfToken;
    await page.goto('/secretariat/timetable?day=2013-10-17');
    await page.waitForSelector('[data-session="panel-cybersecurity"]');
  });
  afterAll(async () => {
    await context?.close();
  });

  it('refuses a panel dragged onto a booked slot of its room: the block goes back, the database is unchanged', async () => {
    const before = await session(context.request, 'panel-cybersecurity');
    expect(before).toMatchObject({
      roomCode: 'hall-e1',
      startsAt: '2013-10-17T08:30:00.000Z',
      version: 1,
    });

    // Grabbed 10 minutes into the block (17:30–18:45), dropped so that it would start at 16:00,
    // where the panel on economic growth holds Hall E1 until 17:15.
    await dragTo(page, await at(page, 'hall-e1', '17:40'), await at(page, 'hall-e1', '16:10'));
    const moving = page.locator('[data-session="panel-cybersecurity"]');
    await expect.poll(() => moving.getAttribute('class')).toContain('tt-block--clash');
    expect(await moving.textContent()).toContain(
      'Room booked 16:00–17:15 by Panel: Economic growth and development',
    );
    await page.screenshot({ path: path.join(shots, 'e2e-timetable-clash.png') });
    await page.mouse.up();

    await page.waitForSelector('.tt-message.notice--error');
    expect(await page.locator('.tt-message').textContent()).toContain(
      'Not saved: Room booked 16:00–17:15 by Panel: Economic growth and development',
    );
    expect(await moving.getAttribute('class')).not.toContain('tt-block--clash');
    expect(await blockText(page, 'panel-cybersecurity')).toContain('17:30–18:45');
    expect(await session(context.request, 'panel-cybersecurity')).toEqual(before);
  });

  it('saves a panel dragged to a free slot of another room', async () => {
    await dragTo(page, await at(page, 'hall-e1', '17:40'), await at(page, 'room-300', '13:10'));
    await expect.poll(() => blockText(page, 'panel-cybersecurity')).toContain('13:00–14:15');
    await page.mouse.up();

    await page.waitForSelector('.tt-message.notice--success');
    expect(await page.locator('.tt-message').textContent()).toContain('Panel: Cybersecurity saved');
    expect(await session(context.request, 'panel-cybersecurity')).toMatchObject({
      roomCode: 'room-300',
      startsAt: '2013-10-17T04:00:00.000Z', // 13:00 in Seoul
      endsAt: '2013-10-17T05:15:00.000Z',
      version: 2,
    });
    const column = await at(page, 'room-300', '13:00');
    const box = await page.locator('[data-session="panel-cybersecurity"]').boundingBox();
    expect(Math.abs((box?.x ?? 0) + (box?.width ?? 0) / 2 - column.x)).toBeLessThan(4);
  });

  it('puts the block back when the server refuses a booking the page had not seen (409)', async () => {
    // Someone else books Hall E2 for 09:00–10:00 meanwhile.
    const booked = await context.request.post(`/api/editions/${SLUG}/sessions`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        code: 'press-briefing',
        kind: 'side_event',
        title: { en: 'Press briefing' },
        roomCode: 'hall-e2',
        startsAt: '2013-10-17T00:00:00Z',
        endsAt: '2013-10-17T01:00:00Z',
      },
    });
    expect(booked.status()).toBe(201);
    const before = await session(context.request, 'panel-international-security');

    await dragTo(page, await at(page, 'hall-e2', '17:40'), await at(page, 'hall-e2', '09:10'));
    await expect
      .poll(() => blockText(page, 'panel-international-security'))
      .toContain('09:00–10:15');
    expect(await page.locator('.tt-block--clash').count()).toBe(0); // the page does not know yet
    await page.mouse.up();

    await page.waitForSelector('.tt-message.notice--error');
    const message = await page.locator('.tt-message').textContent();
    expect(message).toContain('The server refused the change');
    expect(message).toContain('already booked for another session at that time');
    await expect
      .poll(() => blockText(page, 'panel-international-security'))
      .toContain('17:30–18:45');
    expect(await session(context.request, 'panel-international-security')).toEqual(before);
    // The page reloaded the programme and now shows the booking it did not know about.
    await page.waitForSelector('[data-session="press-briefing"]');
  });

  it('creates a session by dragging on an empty slot', async () => {
    await dragTo(page, await at(page, 'room-300', '10:02'), await at(page, 'room-300', '10:58'));
    await page.mouse.up();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Room 300, 17 October 2013, 10:00–11:00');
    await page.fill('#tt-new-title-en', 'Side event: Women in cyber diplomacy');
    await page.fill('#tt-new-title-ja', 'サイドイベント：サイバー外交と女性');
    expect(await page.inputValue('#tt-new-code')).toBe('side-event-women-in-cyber-diplomacy');
    await page.screenshot({ path: path.join(shots, 'e2e-timetable-create.png') });
    await dialog.locator('button[type=submit]').click();

    await page.waitForSelector('[data-session="side-event-women-in-cyber-diplomacy"]');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(await session(context.request, 'side-event-women-in-cyber-diplomacy')).toMatchObject({
      roomCode: 'room-300',
      startsAt: '2013-10-17T01:00:00.000Z',
      endsAt: '2013-10-17T02:00:00.000Z',
      title: {
        en: 'Side event: Women in cyber diplomacy',
        ja: 'サイドイベント：サイバー外交と女性',
      },
    });
  });

  it('moves a session with the keyboard and saves it with Enter', async () => {
    await page.focus('#tt-block-side-event-women-in-cyber-diplomacy');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await page.locator('#tt-live').textContent()).toContain('10:30–11:45');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tt-message.notice--success');
    expect(await session(context.request, 'side-event-women-in-cyber-diplomacy')).toMatchObject({
      startsAt: '2013-10-17T01:30:00.000Z',
      endsAt: '2013-10-17T02:45:00.000Z',
      version: 2,
    });
  });
});
