/**
 * Negotiating an outcome document in Chromium: the secretariat opens a draft for negotiation;
 * Japan proposes to replace words in operative paragraph 1 (co-sponsored by the United Kingdom)
 * and Korea proposes an insertion in paragraph 2; the facilitator merges Japan's amendment and
 * brackets Korea's, issuing version 2; the two versions are compared word by word; the text is
 * adopted by silence procedure (the deadline job run as if the deadline had passed); the public
 * then reads the adopted text (Akoma Ntoso) and none of the drafts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentContent } from '../../src/features/documents/content.js';
import { runDueJobs } from '../../src/features/documents/jobs.js';
import {
  launchBrowser,
  type RunningPlenary,
  signedIn as signedInAs,
  startPlenary,
} from '../support/browser.js';

let plenary: RunningPlenary;
let browser: Browser;
const shots = process.env.PLENARY_SHOTS ?? mkdtempSync(path.join(tmpdir(), 'plenary-shots-'));
const CODE = 'cyber-norms';

const content: DocumentContent = {
  language: 'en',
  preamble: { en: 'We, the participants of the Seoul Conference on Cyberspace 2013,' },
  sections: [
    {
      id: 'sec-1',
      heading: { en: 'Commitments' },
      paragraphs: [
        {
          id: 'pp-1',
          kind: 'preambular',
          segments: {
            en: [{ type: 'text', text: 'Recalling the London and Budapest conferences,' }],
          },
        },
        {
          id: 'op-1',
          kind: 'operative',
          segments: { en: [{ type: 'text', text: 'Decides to promote a free cyberspace;' }] },
        },
        {
          id: 'op-2',
          kind: 'operative',
          segments: {
            en: [{ type: 'text', text: 'Encourages capacity building in developing countries.' }],
          },
        },
      ],
    },
  ],
};

beforeAll(async () => {
  [plenary, browser] = await Promise.all([startPlenary(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await plenary?.close();
});

const signedIn = (email: string, password: string, home: string) =>
  signedInAs(browser, plenary.baseUrl, { email, password, home });

/** A call to the API from the signed-in page, with the session's CSRF token (as the SPA does). */
async function apiFromPage(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    { method, url, body },
  );
}

async function propose(
  page: Page,
  paragraphId: string,
  input: { kind: string; words: string; text: string; reason: string; cosponsors?: string },
) {
  await page.goto(`/portal/documents/${CODE}`);
  await page.locator(`#para-${paragraphId} button`, { hasText: 'Propose an amendment' }).click();
  await page.selectOption('#amend-kind', input.kind);
  await page.fill('#amend-words', input.words);
  await page.fill('#amend-text', input.text);
  await page.fill('#amend-reason', input.reason);
  if (input.cosponsors) await page.fill('#amend-cosponsors', input.cosponsors);
  await page.click('.doc-amend button[type=submit]');
  await page.getByText('Your amendment has been proposed.').waitFor();
}

describe('an outcome document, negotiated and adopted in the browser', () => {
  it('runs from amendments to adoption by silence, and the public sees only the adopted text', async () => {
    const secretariat = await signedIn(
      'secretariat@plenary.example',
      'seoul-2013-secretariat',
      '/secretariat',
    );
    const created = await apiFromPage(
      secretariat.page,
      'POST',
      '/api/editions/seoul-2013/documents',
      {
        code: CODE,
        kind: 'outcome',
        title: { en: 'Seoul Commitments on Cyber Norms (test)' },
        content,
      },
    );
    expect(created.status).toBe(201);
    // The public cannot see a draft.
    expect(
      (await fetch(`${plenary.baseUrl}/api/editions/seoul-2013/documents/${CODE}`)).status,
    ).toBe(404);

    await secretariat.page.goto(`/secretariat/documents/${CODE}`);
    await secretariat.page.getByRole('button', { name: 'Open for negotiation' }).click();
    await secretariat.page.getByText('The document is open for amendments.').waitFor();

    // Japan replaces "a free", co-sponsored by the United Kingdom; Korea inserts in paragraph 2.
    const jpn = await signedIn('focal.jpn@plenary.example', 'seoul-2013-japan', '/portal');
    await propose(jpn.page, 'op-1', {
      kind: 'replace',
      words: 'a free',
      text: 'an open and secure',
      reason: 'Security matters as much as freedom.',
      cosponsors: 'GBR',
    });
    const kor = await signedIn('focal.kor@plenary.example', 'seoul-2013-korea', '/portal');
    await propose(kor.page, 'op-2', {
      kind: 'insert',
      words: 'capacity building',
      text: ' and confidence building',
      reason: 'Both kinds of measures.',
    });
    await kor.page.screenshot({
      path: path.join(shots, 'e2e-documents-portal.png'),
      fullPage: true,
    });

    // The facilitator merges Japan's amendment and brackets Korea's, issuing version 2.
    const page = secretariat.page;
    await page.goto(`/secretariat/documents/${CODE}`);
    const jpnRow = page.locator('tr[data-amendment]', { hasText: 'JPN' });
    const korRow = page.locator('tr[data-amendment]', { hasText: 'KOR' });
    await jpnRow.waitFor();
    expect(await jpnRow.textContent()).toContain('GBR');
    await jpnRow.locator('.doc-merge input').check();
    await korRow.locator('select').selectOption('bracket');
    await page.getByRole('button', { name: 'Issue version 2' }).click();
    await page.getByText('Version 2 has been issued.').waitFor();

    const op1 = page.locator('#para-op-1');
    const op2 = page.locator('#para-op-2');
    await expect
      .poll(() => op1.textContent())
      .toContain('Decides to promote an open and secure cyberspace;');
    expect(await op1.locator('.doc-para__num').textContent()).toBe('1.');
    const bracket = op2.locator('.doc-bracket');
    expect(await bracket.textContent()).toContain('[ and confidence building]');
    expect(await bracket.getAttribute('title')).toBe('Bracketed by KOR');
    expect(await jpnRow.textContent()).toContain('Merged');
    expect(await korRow.textContent()).toContain('Bracketed');

    // Versions 1 and 2 compared word by word.
    await page.selectOption('#compare-from', '1');
    await page.selectOption('#compare-to', '2');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.locator('.doc-compare del', { hasText: 'free' }).waitFor();
    expect(await page.locator('.doc-compare ins').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/open/)]),
    );
    await page.screenshot({
      path: path.join(shots, 'e2e-documents-facilitator.png'),
      fullPage: true,
    });

    // The draft exports are there for the negotiators, not for the public.
    const pdf = await page.request.get(`/api/editions/seoul-2013/documents/${CODE}/versions/2.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(
      (await fetch(`${plenary.baseUrl}/api/editions/seoul-2013/documents/${CODE}/versions/2.html`))
        .status,
    ).toBe(404);

    // The silence procedure; nobody objects; the deadline passes.
    await page.getByRole('button', { name: 'Start the silence procedure' }).click();
    await page.getByText('The silence procedure has started.').waitFor();
    await jpn.page.goto(`/portal/documents/${CODE}`);
    await jpn.page.getByText(/Silence procedure: the text is adopted unless/).waitFor();
    await jpn.page.getByRole('button', { name: 'Break the silence (object)' }).waitFor();
    const state = await apiFromPage(page, 'GET', `/api/editions/seoul-2013/documents/${CODE}`);
    const deadline = Date.parse(String(state.body.silenceDeadline));
    expect(deadline).toBeGreaterThan(Date.now());
    await runDueJobs(plenary.database.db, new Date(deadline + 60_000));

    await page.reload();
    await page.getByText(/adopted by silence procedure/).waitFor();

    // The public: the adopted text, and nothing of the negotiation.
    const publicView = await fetch(`${plenary.baseUrl}/api/editions/seoul-2013/documents/${CODE}`);
    expect(publicView.status).toBe(200);
    const adopted = (await publicView.json()) as {
      status: string;
      versions: unknown[];
      current: { text: string };
    };
    expect(adopted.status).toBe('adopted');
    expect(adopted.versions).toHaveLength(1);
    expect(adopted.current.text).toContain('an open and secure');
    expect(
      (await fetch(`${plenary.baseUrl}/api/editions/seoul-2013/documents/${CODE}/amendments`))
        .status,
    ).toBeGreaterThanOrEqual(400);
    expect(
      (await fetch(`${plenary.baseUrl}/api/editions/seoul-2013/documents/${CODE}/versions/1.pdf`))
        .status,
    ).toBe(404);
    const akn = await fetch(`${plenary.baseUrl}/editions/seoul-2013/documents/${CODE}.akn.xml`);
    expect(akn.status).toBe(200);
    const xml = await akn.text();
    expect(xml).toContain('<paragraph eId="para_1"><num>1.</num>');
    expect(xml).toContain('Decides to promote an open and secure cyberspace;');
    expect(xml).not.toContain('a free');

    await Promise.all([secretariat.context.close(), jpn.context.close(), kor.context.close()]);
  });
});
