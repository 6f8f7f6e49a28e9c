import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, createWorld, participantRow, type World } from '../../../test/support/world.js';
import { auditEvents } from '../../db/schema.js';
import { PlenaryError } from '../../platform/errors.js';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world?.close();
});

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof PlenaryError ? error.code : `unexpected: ${(error as Error).message}`;
  }
};

describe('nominations', () => {
  it('a focal point nominates a member of its own delegation, with an audit event in the same write', async () => {
    const { accreditation } = world.services;
    const member = await accreditation.nominate(
      world.actors.focalJpn,
      world.slug,
      'JPN',
      aMember(),
      'ja',
    );
    expect(member.status).toBe('nominated');
    expect(member.displayName).toBe('三ッ矢 憲生');
    expect(member.passportNumber).toBe('TZ1234567');
    const events = await world.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, member.id));
    expect(events.map((e) => e.action)).toEqual(['participant.nominate']);
    expect(events[0]!.actorLabel).toBe('Japan Focal Point');
    expect((events[0]!.after as Record<string, unknown>).passportNumber).toBe('•••');
  });

  it('refuses a focal point acting for another delegation', async () => {
    const result = await codeOf(
      world.services.accreditation.nominate(
        world.actors.focalKor,
        world.slug,
        'JPN',
        aMember(),
        'en',
      ),
    );
    expect(result).toBe('forbidden');
  });

  it('refuses nominations after the category deadline until the secretariat reopens', async () => {
    const { accreditation, conferences } = world.services;
    const late = aMember({ category: 'media', familyName: { en: 'Reporter' } });
    expect(
      await codeOf(accreditation.nominate(world.actors.focalJpn, world.slug, 'JPN', late, 'en')),
    ).toBe('nomination_after_deadline');
    await accreditation.reopenDelegation(
      world.actors.secretariat,
      world.slug,
      'JPN',
      '2026-03-02T00:00:00Z',
      'en',
    );
    expect(
      await codeOf(accreditation.nominate(world.actors.focalJpn, world.slug, 'JPN', late, 'en')),
    ).toBe('resolved');
    // Korea was not reopened; reopening the whole category lets it through.
    expect(
      await codeOf(accreditation.nominate(world.actors.focalKor, world.slug, 'KOR', late, 'en')),
    ).toBe('nomination_after_deadline');
    await conferences.updateCategory(
      world.actors.secretariat,
      world.slug,
      'media',
      { reopenedUntil: '2026-03-05T00:00:00Z' },
      'en',
    );
    expect(
      await codeOf(accreditation.nominate(world.actors.focalKor, world.slug, 'KOR', late, 'en')),
    ).toBe('resolved');
    world.clock.set('2026-03-06T00:00:00Z');
    expect(
      await codeOf(accreditation.nominate(world.actors.focalKor, world.slug, 'KOR', late, 'en')),
    ).toBe('nomination_after_deadline');
    world.clock.set('2026-03-01T09:00:00Z');
  });

  it("hides personal fields from another delegation and the public, and hides others' members entirely", async () => {
    const { accreditation } = world.services;
    const member = await accreditation.nominate(
      world.actors.focalJpn,
      world.slug,
      'JPN',
      aMember({ familyName: { en: 'Secretive' } }),
      'en',
    );
    expect(await codeOf(accreditation.participant(world.actors.focalKor, member.id, 'en'))).toBe(
      'participant_not_found',
    );
    const seen = await accreditation.participant(world.actors.secretariat, member.id, 'en');
    expect(seen.dateOfBirth).toBe('1951-01-01');
    expect(
      await codeOf(accreditation.listMembers(world.actors.focalKor, world.slug, 'JPN', {}, 'en')),
    ).toBe('forbidden');
    expect(await codeOf(accreditation.queue(world.actors.focalJpn, world.slug, {}, 'en'))).toBe(
      'forbidden',
    );
    expect(
      await codeOf(accreditation.listMembers({ kind: 'public' }, world.slug, 'JPN', {}, 'en')),
    ).toBe('forbidden');
  });
});

describe("the secretariat's decisions", () => {
  it('approves, and an edit after approval returns the nomination to review', async () => {
    const { accreditation } = world.services;
    const member = await accreditation.nominate(
      world.actors.focalJpn,
      world.slug,
      'JPN',
      aMember({ familyName: { en: 'Editme' } }),
      'en',
    );
    const approved = await accreditation.decide(
      world.actors.secretariat,
      member.id,
      'approve',
      undefined,
      'en',
    );
    expect(approved.status).toBe('approved');
    const edited = await accreditation.update(
      world.actors.focalJpn,
      member.id,
      { title: { en: 'Deputy Director' }, version: approved.version },
      'en',
    );
    expect(edited.status).toBe('nominated');
    expect(edited.title).toEqual({ en: 'Deputy Director' });
    expect((await participantRow(world, member.id)).badgeSerial).toBe(2);
    expect(
      await codeOf(
        accreditation.update(
          world.actors.focalJpn,
          member.id,
          { title: { en: 'Stale' }, version: approved.version },
          'en',
        ),
      ),
    ).toBe('version_conflict');
  });

  it('rejects only with a reason, and decides in bulk with a result per nomination', async () => {
    const { accreditation } = world.services;
    const a = await accreditation.nominate(
      world.actors.focalKor,
      world.slug,
      'KOR',
      aMember({ familyName: { en: 'Alpha' } }),
      'en',
    );
    const b = await accreditation.nominate(
      world.actors.focalKor,
      world.slug,
      'KOR',
      aMember({ familyName: { en: 'Beta' } }),
      'en',
    );
    expect(
      await codeOf(accreditation.decide(world.actors.secretariat, a.id, 'reject', '  ', 'en')),
    ).toBe('validation_failed');
    await accreditation.decide(world.actors.secretariat, a.id, 'approve', undefined, 'en');
    const results = await accreditation.decideMany(
      world.actors.secretariat,
      [a.id, b.id, '00000000-0000-0000-0000-000000000000'],
      'approve',
      undefined,
    );
    expect(results).toEqual([
      expect.objectContaining({ id: a.id, ok: false, code: 'already_decided' }),
      { id: b.id, ok: true },
      expect.objectContaining({ ok: false, code: 'participant_not_found' }),
    ]);
    const rejected = await accreditation.decideMany(
      world.actors.secretariat,
      [b.id],
      'reject',
      'Credentials letter missing',
    );
    expect(rejected[0]!.ok).toBe(true);
    expect((await participantRow(world, b.id)).decisionReason).toBe('Credentials letter missing');
  });

  it('filters the queue by delegation, category and name in any script', async () => {
    const { accreditation } = world.services;
    const nominees = [
      [world.actors.focalJpn, 'JPN', { en: 'Tanaka', ja: '田中' }],
      [world.actors.focalKor, 'KOR', { en: 'Park', ko: '박' }],
    ] as const;
    for (const [focal, code, familyName] of nominees) {
      await accreditation.nominate(focal, world.slug, code, aMember({ familyName }), 'en');
    }
    const byName = await accreditation.queue(
      world.actors.secretariat,
      world.slug,
      { q: '田中' },
      'en',
    );
    expect(byName.items.map((i) => i.familyName.en)).toEqual(['Tanaka']);
    const kor = await accreditation.queue(
      world.actors.secretariat,
      world.slug,
      { delegation: 'KOR', status: 'nominated' },
      'en',
    );
    expect(kor.items.length).toBeGreaterThan(0);
    expect(kor.items.every((i) => i.delegationCode === 'KOR')).toBe(true);
    expect(kor.total).toBe(kor.items.length);
    // The code as typed in a URL, in lower case, is the same delegation.
    const lower = await accreditation.queue(
      world.actors.secretariat,
      world.slug,
      { delegation: 'kor', status: 'nominated' },
      'en',
    );
    expect(lower.items.map((i) => i.id)).toEqual(kor.items.map((i) => i.id));
    // A delegation that is not there matches nobody; an edition that is not there is an error.
    const nobody = await accreditation.queue(
      world.actors.secretariat,
      world.slug,
      { delegation: 'XYZ', status: 'all' },
      'en',
    );
    expect(nobody).toMatchObject({ items: [], total: 0, next: null, previous: null });
    expect(
      await codeOf(accreditation.queue(world.actors.secretariat, 'no-such-edition', {}, 'en')),
    ).toBe('edition_not_found');
    expect(
      await codeOf(
        accreditation.queue(
          world.actors.secretariat,
          'no-such-edition',
          { delegation: 'KOR' },
          'en',
        ),
      ),
    ).toBe('edition_not_found');
  });
});

describe('badges and check-in', () => {
  it('issues a badge to approved participants only, and checks in once', async () => {
    const { accreditation, badges } = world.services;
    const member = await accreditation.nominate(
      world.actors.focalJpn,
      world.slug,
      'JPN',
      aMember({ familyName: { en: 'Badge' } }),
      'en',
    );
    expect(await codeOf(badges.badge(world.actors.secretariat, member.id, 'en'))).toBe(
      'not_approved',
    );
    await accreditation.decide(world.actors.secretariat, member.id, 'approve', undefined, 'en');
    const pdf = await badges.badge(world.actors.secretariat, member.id, 'en');
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const code = await badges.badgeCode(world.actors.secretariat, member.id);
    const first = await badges.checkIn(world.actors.secretariat, world.slug, code, 'en');
    expect(first.result).toBe('checked_in');
    world.clock.advance(60_000);
    const second = await badges.checkIn(world.actors.secretariat, world.slug, code, 'en');
    expect(second.result).toBe('already_checked_in');
    expect(second.checkedInAt).toBe(first.checkedInAt);
  });

  it('refuses forged, tampered and replaced badge codes', async () => {
    const { accreditation, badges } = world.services;
    const member = await accreditation.nominate(
      world.actors.focalJpn,
      world.slug,
      'JPN',
      aMember({ familyName: { en: 'Forged' } }),
      'en',
    );
    const approved = await accreditation.decide(
      world.actors.secretariat,
      member.id,
      'approve',
      undefined,
      'en',
    );
    const code = await badges.badgeCode(world.actors.secretariat, member.id);
    const tampered = `${code.slice(0, -2)}${code.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await codeOf(badges.checkIn(world.actors.secretariat, world.slug, tampered, 'en'))).toBe(
      'badge_code_invalid',
    );
    expect(
      await codeOf(badges.checkIn(world.actors.secretariat, world.slug, 'PL1.hello', 'en')),
    ).toBe('badge_code_invalid');
    // An edit re-issues the badge: the old code no longer admits anyone.
    const edited = await accreditation.update(
      world.actors.focalJpn,
      member.id,
      { title: { en: 'Counsellor' }, version: approved.version },
      'en',
    );
    await accreditation.decide(world.actors.secretariat, edited.id, 'approve', undefined, 'en');
    expect(await codeOf(badges.checkIn(world.actors.secretariat, world.slug, code, 'en'))).toBe(
      'badge_code_invalid',
    );
    expect(await codeOf(badges.checkIn(world.actors.focalJpn, world.slug, code, 'en'))).toBe(
      'forbidden',
    );
  });

  it("prints a sheet of a delegation's approved badges", async () => {
    const sheet = await world.services.badges.delegationSheet(
      world.actors.secretariat,
      world.slug,
      'JPN',
      'ja',
    );
    expect(sheet.bytes.byteLength).toBeGreaterThan(1000);
  });
});

describe('importing a participant list', () => {
  // Long enough to reach the database in several batches before its last lines are checked.
  const lines = Array.from(
    { length: 260 },
    (_, i) => `Longlist${String(i).padStart(3, '0')},Member,igo,long${i}@itu.example,1970-01-01`,
  );
  const file = (rows: string[], mode: 'all-or-nothing' | 'valid-rows' | 'validate') => ({
    fileName: 'long-list.csv',
    bytes: new TextEncoder().encode(
      `family_name,given_name,category,email,date_of_birth\n${rows.join('\n')}\n`,
    ),
    mode,
  });
  const members = async (page = 1) =>
    world.services.accreditation.listMembers(
      world.actors.secretariat,
      world.slug,
      'ITU',
      { q: 'longlist', pageSize: 200, page },
      'en',
    );
  const imports = async () =>
    (await world.database.db.select().from(auditEvents)).filter(
      (e) => e.action === 'participant.import',
    ).length;

  it('refuses a whole file for an error in its last lines, leaving nothing, then imports its valid rows in order', async () => {
    const { accreditation } = world.services;
    const broken = [...lines];
    broken[249] = 'Longlist249,Member,igo,not an address,1970-01-01';
    const auditBefore = await imports();
    const refused = accreditation.importParticipants(
      world.actors.secretariat,
      world.slug,
      'ITU',
      file(broken, 'all-or-nothing'),
    );
    await expect(refused).rejects.toMatchObject({
      code: 'import_has_errors',
      details: [{ line: 251, field: 'email', code: 'invalid_email' }],
    });
    expect((await members()).total).toBe(0);
    expect(await imports()).toBe(auditBefore);

    const checked = await accreditation.importParticipants(
      world.actors.secretariat,
      world.slug,
      'ITU',
      file(broken, 'validate'),
    );
    expect(checked).toMatchObject({ total: 260, valid: 259, imported: 0 });
    expect((await members()).total).toBe(0);

    const progress: number[] = [];
    const lenient = await accreditation.importParticipants(
      world.actors.secretariat,
      world.slug,
      'ITU',
      file(broken, 'valid-rows'),
      (done) => progress.push(done),
    );
    expect(lenient).toMatchObject({ total: 260, valid: 259, imported: 259 });
    expect(lenient.errors.map((e) => e.line)).toEqual([251]);
    expect(progress.at(-1)).toBe(259);
    const listed = await members();
    expect(listed.total).toBe(259);
    const second = await members(2);
    expect([...listed.items, ...second.items].map((m) => m.familyName.en)).toEqual(
      broken.filter((_, i) => i !== 249).map((line) => line.split(',')[0]),
    );
    expect(await imports()).toBe(auditBefore + 1);
  });
});

describe('the audit log', () => {
  it("is the secretariat's, and filters by action and delegation", async () => {
    const { accreditation } = world.services;
    expect(await codeOf(accreditation.audit(world.actors.focalJpn, {}))).toBe('forbidden');
    const approvals = await accreditation.audit(world.actors.secretariat, {
      action: 'participant.approve',
      delegation: 'KOR',
    });
    expect(approvals.total).toBeGreaterThan(0);
    expect(approvals.items.every((e) => e.action === 'participant.approve')).toBe(true);
  });
});
