/**
 * The one search through inject: the public does not find a draft document's text, a focal point
 * of the edition does (and its amendments); statements are found in Japanese and in English;
 * readouts only once published, except by the delegation's own focal points; the kind filter.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createWorld, type World } from '../../../test/support/world.js';
import { amendments, documents, documentVersions, readouts } from '../../db/schema.js';
import type { DocumentContent } from '../documents/content.js';

let world: World;
let app: Awaited<ReturnType<typeof createTestApp>>;
let jpn: Record<string, string>;
let kor: Record<string, string>;
let readoutId: string;

interface Body {
  items: {
    kind: string;
    title: string;
    href: string;
    document: { status: string; amendment: unknown } | null;
    readout: { status: string } | null;
    snippet: { parts: { text: string; mark: boolean }[] };
  }[];
  counts: Record<string, number>;
}

async function search(
  q: string,
  options: { kinds?: string; headers?: Record<string, string>; lang?: string } = {},
) {
  const response = await app.inject({
    method: 'GET',
    url: `/api/editions/${world.slug}/search?q=${encodeURIComponent(q)}${options.kinds ? `&kinds=${options.kinds}` : ''}&lang=${options.lang ?? 'en'}`,
    headers: options.headers ?? {},
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Body;
}

const paragraph = (id: string, text: string, bracketed?: string) => ({
  id,
  kind: 'operative' as const,
  segments: {
    en: [
      { type: 'text' as const, text },
      ...(bracketed
        ? [
            {
              type: 'bracket' as const,
              by: ['JPN'],
              segments: [{ type: 'text' as const, text: bracketed }],
            },
          ]
        : []),
    ],
  },
});

const content = (paragraphs: ReturnType<typeof paragraph>[]): DocumentContent => ({
  language: 'en',
  sections: [{ id: 'main', heading: { en: 'Operative part' }, paragraphs }],
});

beforeAll(async () => {
  world = await createWorld();
  app = await createTestApp(world);
  jpn = await app.signIn('jpn@test.example');
  kor = await app.signIn('kor@test.example');
  const db = world.database.db;
  const [adopted, draft] = await db
    .insert(documents)
    .values([
      {
        editionId: world.editionId,
        code: 'chair-statement',
        kind: 'chair_statement',
        title: { en: "Chair's statement", ja: '議長声明' },
        status: 'published',
        currentVersion: 2,
      },
      {
        editionId: world.editionId,
        code: 'framework',
        kind: 'outcome',
        title: { en: 'Framework for an open cyberspace' },
        status: 'under_negotiation',
        currentVersion: 1,
      },
    ])
    .returning();
  await db.insert(documentVersions).values([
    // The published text, and an earlier version the public does not read.
    {
      documentId: adopted!.id,
      number: 1,
      content: content([paragraph('op-1', 'Participants discussed submarine cables.')]) as never,
    },
    {
      documentId: adopted!.id,
      number: 2,
      content: content([
        paragraph('op-1', 'Participants welcomed interoperable frameworks.'),
      ]) as never,
    },
    {
      documentId: draft!.id,
      number: 1,
      content: content([
        paragraph('op-1', 'Decides to strengthen ', 'quantum-safe encryption'),
      ]) as never,
    },
  ]);
  await db.insert(amendments).values({
    documentId: draft!.id,
    versionNumber: 1,
    paragraphId: 'op-1',
    kind: 'replace',
    change: { text: 'Decides to promote zeroknowledge proofs' },
    proposerDelegationId: world.delegation.KOR,
  });
  const { statements } = world.services;
  await statements.create(world.actors.secretariat, world.slug, {
    delegationCode: 'JPN',
    originalLanguage: 'ja',
    texts: {
      ja: 'サイバー犯罪への対処には国際協力が不可欠です。',
      en: 'International cooperation is indispensable to counter cybercrime.',
    },
  });
  const [readout] = await db
    .insert(readouts)
    .values({
      editionId: world.editionId,
      delegationId: world.delegation.JPN,
      lang: 'ja',
      status: 'draft',
      content: {
        lang: 'ja',
        title: '会議の概要',
        sections: [
          {
            id: 'overview',
            heading: '概要',
            items: [
              {
                kind: 'paragraph',
                text: '海底ケーブルの保護について意見交換した。',
                numbered: false,
              },
            ],
          },
        ],
      },
    })
    .returning();
  readoutId = readout!.id;
});

afterAll(async () => {
  await app?.close();
  await world?.close();
});

describe('GET /api/editions/:slug/search', () => {
  it('does not show the public a draft document, which a focal point of the edition finds', async () => {
    const publicly = await search('quantum-safe', { kinds: 'document' });
    expect(publicly.items).toEqual([]);
    const asJapan = await search('quantum-safe', { kinds: 'document', headers: jpn });
    expect(asJapan.items).toHaveLength(1);
    expect(asJapan.items[0]).toMatchObject({
      kind: 'document',
      title: 'Framework for an open cyberspace',
      href: '/editions/test-2026/documents/framework',
      document: { status: 'under_negotiation' },
    });
    expect(
      asJapan.items[0]!.snippet.parts.filter((p) => p.mark).map((p) => p.text.toLowerCase()),
    ).toEqual(['quantum', 'safe']);
  });

  it("finds amendments' texts for focal points only", async () => {
    expect((await search('zeroknowledge')).items).toEqual([]);
    const asKorea = await search('zeroknowledge', { headers: kor });
    expect(asKorea.items[0]).toMatchObject({
      kind: 'document',
      document: { status: 'amendment', amendment: { paragraphId: 'op-1' } },
    });
  });

  it('shows the public the current text of a published document, not its earlier versions', async () => {
    const found = await search('interoperable');
    expect(found.items.map((i) => [i.kind, i.title])).toEqual([['document', "Chair's statement"]]);
    expect((await search('submarine cables', { kinds: 'document' })).items).toEqual([]);
    const secretariat = await app.signIn('sec@test.example');
    expect((await search('submarine cables', { headers: secretariat })).items[0]).toMatchObject({
      document: { status: 'superseded' },
    });
  });

  it('finds statements in Japanese and in English', async () => {
    for (const q of ['サイバー犯罪', 'cybercrime', 'ｻｲﾊﾞｰ犯罪']) {
      const found = await search(q, { kinds: 'statement', lang: 'ja' });
      expect(
        found.items.map((i) => i.kind),
        q,
      ).toEqual(['statement']);
      expect(found.counts.statement).toBe(1);
    }
  });

  it('finds a readout only once published, except for its own focal points', async () => {
    expect((await search('海底ケーブル', { kinds: 'readout' })).items).toEqual([]);
    expect((await search('海底ケーブル', { kinds: 'readout', headers: kor })).items).toEqual([]);
    const own = await search('海底ケーブル', { kinds: 'readout', headers: jpn });
    expect(own.items.map((i) => [i.kind, i.readout?.status])).toEqual([['readout', 'draft']]);

    await world.database.db
      .update(readouts)
      .set({ status: 'published', version: 2, updatedAt: new Date('2026-03-02T00:00:00Z') })
      .where(eq(readouts.id, readoutId));
    const published = await search('海底ケーブル', { kinds: 'readout' });
    expect(published.items.map((i) => [i.kind, i.title, i.readout?.status])).toEqual([
      ['readout', 'Japan', 'published'],
    ]);
  });

  it('searches only the kinds asked for, and refuses an unknown kind', async () => {
    const both = await search('海底ケーブル');
    expect(both.counts).toMatchObject({ statement: 0, readout: 1 });
    const response = await app.inject({
      method: 'GET',
      url: `/api/editions/${world.slug}/search?q=x&kinds=minutes`,
    });
    expect(response.statusCode).toBe(400);
  });

  it('serves the public search page with the kind filter', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/editions/${world.slug}/search?q=${encodeURIComponent('interoperable')}&kinds=document&lang=en`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/name="kinds" checked="" value="document"/);
    expect(response.body).not.toMatch(/name="kinds" checked="" value="statement"/);
    expect(response.body).toContain('1 result for “interoperable”.');
    expect(response.body).toContain('/editions/test-2026/documents/chair-statement');
  });
});
