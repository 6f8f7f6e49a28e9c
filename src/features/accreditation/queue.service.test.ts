import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../test/support/world.js';
import { encodeCursor } from '../../platform/cursor.js';
import { PlenaryError } from '../../platform/errors.js';
import { QUEUE_COUNT_CAP, SEARCH_COUNT_CAP } from './accreditation.service.js';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world?.close();
});

const HEADER = 'family_name,given_name,category,email,date_of_birth';
const csv = (lines: string[]) => new TextEncoder().encode(`${[HEADER, ...lines].join('\n')}\n`);

async function importInto(code: 'JPN' | 'KOR' | 'ITU', lines: string[]) {
  const summary = await world.services.accreditation.importParticipants(
    world.actors.secretariat,
    world.slug,
    code,
    { fileName: 'members.csv', bytes: csv(lines), mode: 'all-or-nothing' },
  );
  expect(summary.errors).toEqual([]);
  return summary;
}

const queue = (filters: Parameters<World['services']['accreditation']['queue']>[2]) =>
  world.services.accreditation.queue(world.actors.secretariat, world.slug, filters, 'en');

describe('the queue, paged by keyset', () => {
  it('walks forward and back through every row once, in order', async () => {
    await importInto(
      'ITU',
      Array.from(
        { length: 8 },
        (_, i) => `Pager${i},Row,igo,pager${i}@itu.example,1970-01-0${i + 1}`,
      ),
    );
    const seen: string[] = [];
    let page = await queue({ delegation: 'ITU', pageSize: 3 });
    expect(page.total).toBe(8);
    expect(page.totalCapped).toBe(false);
    expect(page.previous).toBeNull();
    const pages = [page];
    seen.push(...page.items.map((i) => i.familyName.en!));
    while (page.next) {
      page = await queue({ delegation: 'ITU', pageSize: 3, after: page.next });
      pages.push(page);
      seen.push(...page.items.map((i) => i.familyName.en!));
    }
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 2]);
    expect(new Set(seen).size).toBe(8);
    expect(pages.at(-1)!.next).toBeNull();
    // Back from the last page gives the middle page again, then the first.
    const back = await queue({ delegation: 'ITU', pageSize: 3, before: pages[2]!.previous! });
    expect(back.items.map((i) => i.id)).toEqual(pages[1]!.items.map((i) => i.id));
    const first = await queue({ delegation: 'ITU', pageSize: 3, before: back.previous! });
    expect(first.items.map((i) => i.id)).toEqual(pages[0]!.items.map((i) => i.id));
    expect(first.previous).toBeNull();
  });

  it('skips nobody when the rows of a page are decided before moving on', async () => {
    const page1 = await queue({ delegation: 'ITU', pageSize: 3 });
    const ids = page1.items.map((i) => i.id);
    const decided = await world.services.accreditation.decideMany(
      world.actors.secretariat,
      ids,
      'approve',
      undefined,
    );
    expect(decided.every((d) => d.ok)).toBe(true);
    // With an offset, page 2 would now start at the sixth row; the cursor starts at the fourth.
    const page2 = await queue({ delegation: 'ITU', pageSize: 3, after: page1.next! });
    const restart = await queue({ delegation: 'ITU', pageSize: 3 });
    expect(page2.items.map((i) => i.id)).toEqual(restart.items.map((i) => i.id));
    expect(page2.total).toBe(5);
    // The decided rows are still there for anyone who asks for every status.
    const all = await queue({ delegation: 'ITU', status: 'all', pageSize: 50 });
    expect(all.total).toBe(8);
    expect(all.items.filter((i) => i.status === 'approved').map((i) => i.id)).toEqual(ids);
    // Paged across statuses, forward then back, in one order.
    const allIds = all.items.map((i) => i.id);
    const p1 = await queue({ delegation: 'ITU', status: 'all', pageSize: 3 });
    const p2 = await queue({ delegation: 'ITU', status: 'all', pageSize: 3, after: p1.next! });
    expect([...p1.items, ...p2.items].map((i) => i.id)).toEqual(allIds.slice(0, 6));
    const back = await queue({
      delegation: 'ITU',
      status: 'all',
      pageSize: 3,
      before: p2.previous!,
    });
    expect(back.items.map((i) => i.id)).toEqual(allIds.slice(0, 3));
  });

  it('finds a person by a fragment of a name, and by a whole email address', async () => {
    await importInto('KOR', ['Seo,Min-jun,party,Min-Jun.Seo@Mofa.example,1975-05-05']);
    expect((await queue({ q: 'in-ju' })).items.map((i) => i.familyName.en)).toEqual(['Seo']);
    expect(
      (await queue({ q: '  min-jun.seo@MOFA.example ' })).items.map((i) => i.familyName.en),
    ).toEqual(['Seo']);
    // An address is matched whole, not as a fragment; the language keys are not names.
    expect((await queue({ q: 'seo@mofa.example' })).items).toEqual([]);
    expect((await queue({ q: 'en' })).items.map((i) => i.familyName.en)).not.toContain('Seo');
  });

  it('refuses a cursor it did not give out, and both directions at once', async () => {
    const code = async (promise: Promise<unknown>) =>
      promise.then(
        () => 'resolved',
        (e) => (e instanceof PlenaryError ? e.code : String(e)),
      );
    expect(await code(queue({ after: 'bm90LWEtY3Vyc29y' }))).toBe('invalid_cursor');
    const real = encodeCursor({
      createdAt: '2026-03-01 09:00:00+00',
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(await code(queue({ after: real, before: real }))).toBe('validation_failed');
    expect((await queue({ after: real })).items.length).toBeGreaterThan(0);
  });

  it(`counts up to ${QUEUE_COUNT_CAP.toLocaleString('en')} and then says "more than"`, async () => {
    const lines = Array.from(
      { length: QUEUE_COUNT_CAP + 1 },
      (_, i) => `Many${i},Member,party,,${1950 + (i % 50)}-01-01`,
    );
    await importInto('JPN', lines);
    const page = await queue({ delegation: 'JPN', pageSize: 50 });
    expect(page.total).toBe(QUEUE_COUNT_CAP);
    expect(page.totalCapped).toBe(true);
    expect(page.items).toHaveLength(50);
    expect(page.next).not.toBeNull();
    // A name search stops counting sooner.
    const search = await queue({ delegation: 'JPN', q: 'many', pageSize: 50 });
    expect(search.total).toBe(SEARCH_COUNT_CAP);
    expect(search.totalCapped).toBe(true);
  });

  it('gives the same total whether the first page holds every match or not', async () => {
    // ITU: eight rows in all, five still nominated (the tests above).
    const totals = async (filters: Parameters<typeof queue>[0]) => {
      const found: [number, number][] = [];
      for (const pageSize of [3, 4, 5, 6, 7, 8, 9, 50]) {
        const page = await queue({ delegation: 'ITU', ...filters, pageSize });
        expect(page.totalCapped).toBe(false);
        found.push([pageSize, page.total]);
      }
      return found;
    };
    const every = (total: number) => [3, 4, 5, 6, 7, 8, 9, 50].map((pageSize) => [pageSize, total]);
    expect(await totals({ status: 'all' })).toEqual(every(8));
    expect(await totals({})).toEqual(every(5));
    expect(await totals({ status: 'all', q: 'pager' })).toEqual(every(8));
    expect(await totals({ status: 'all', q: 'no such name' })).toEqual(every(0));
  });

  it('filters by category and by photograph, with the other filters and a cursor', async () => {
    // ITU: eight rows in all, all intergovernmental ('igo'), none with a photograph.
    const igo = await queue({ delegation: 'ITU', category: 'igo', status: 'all', pageSize: 3 });
    expect([igo.total, igo.items.length]).toEqual([8, 3]);
    expect(igo.items.every((i) => i.category === 'igo' && i.delegationCode === 'ITU')).toBe(true);
    const next = await queue({
      delegation: 'ITU',
      category: 'igo',
      status: 'all',
      pageSize: 3,
      after: igo.next!,
    });
    expect(next.items.map((i) => i.id)).not.toContain(igo.items[0]!.id);
    expect(next.total).toBe(8);
    expect((await queue({ delegation: 'ITU', category: 'party', status: 'all' })).total).toBe(0);
    expect((await queue({ delegation: 'ITU', hasPhoto: true, status: 'all' })).total).toBe(0);
    expect((await queue({ delegation: 'ITU', hasPhoto: false, status: 'all' })).total).toBe(8);
    expect((await queue({ delegation: 'ITU', hasPhoto: false, category: 'igo' })).total).toBe(5);
    const named = await queue({ category: 'igo', q: 'pager3', status: 'all' });
    expect(named.items.map((i) => i.familyName.en)).toEqual(['Pager3']);
  });

  it("gives a delegation's member list the same total on every page, past the end too", async () => {
    const check = async (filters: { status?: 'nominated'; q?: string }, total: number) => {
      for (const pageSize of [3, 4, 7, 8, 9, 50]) {
        for (const page of [1, 2, 3, 4]) {
          const listed = await world.services.accreditation.listMembers(
            world.actors.secretariat,
            world.slug,
            'ITU',
            { ...filters, page, pageSize },
            'en',
          );
          const shown = Math.max(0, Math.min(pageSize, total - (page - 1) * pageSize));
          expect([pageSize, page, listed.total, listed.items.length]).toEqual([
            pageSize,
            page,
            total,
            shown,
          ]);
        }
      }
    };
    await check({}, 8);
    await check({ status: 'nominated' }, 5);
    await check({ q: 'pager' }, 8);
    await check({ q: 'no such name' }, 0);
  });
});
