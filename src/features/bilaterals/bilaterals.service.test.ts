import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../test/support/world.js';
import { auditEvents, emailOutbox, sessions } from '../../db/schema.js';
import type { BilateralsService } from './bilaterals.service.js';
import { type BilateralWorld, bilateralWorld, utc } from './bilaterals.test-support.js';

const day10 = { start: utc(10, '08:30'), end: utc(10, '19:00') };

describe('bilateral meetings (service)', () => {
  let world: World;
  let b: BilateralWorld;
  let service: BilateralsService;

  beforeAll(async () => {
    world = await createWorld();
    b = await bilateralWorld(world, 6);
    service = world.services.bilaterals;
  });

  afterAll(async () => {
    await world?.close();
  });

  const request = (
    from: string,
    to: string[],
    extra: Partial<Parameters<BilateralsService['request']>[2]> = {},
  ) =>
    service.request(b.focal[from]!, world.slug, { counterparts: to, lengthMinutes: 30, ...extra });

  it('request → accept → plan → apply → publish: each side sees the meeting', async () => {
    const sent = await request('JPN', ['KOR'], { window: day10, notes: 'Cyber dialogue' });
    expect(sent).toMatchObject({
      status: 'pending',
      requester: { code: 'JPN', response: 'requester' },
      counterparts: [{ code: 'KOR', response: 'pending' }],
    });

    // Korea hears of it, in the app and in the secretariat's outbox.
    const inbox = await service.notifications(world.actors.focalKor, world.slug);
    expect(inbox.items[0]).toMatchObject({
      kind: 'bilateral.request',
      entityId: sent.id,
      readAt: null,
    });
    const mail = await world.database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.to, 'kor@test.example'));
    expect(mail).toHaveLength(1);
    expect((await service.notifications(world.actors.focalJpn, world.slug)).items).toHaveLength(0);

    const accepted = await service.respond(world.actors.focalKor, world.slug, sent.id, {
      response: 'accepted',
    });
    expect(accepted.status).toBe('accepted');
    expect((await service.notifications(world.actors.focalJpn, world.slug)).items[0]).toMatchObject(
      { kind: 'bilateral.respond' },
    );

    const proposal = await service.plan(world.actors.secretariat, world.slug, {
      timeLimitSeconds: 2,
      seed: 7,
    });
    expect(proposal.mode).toBe('solve');
    expect(proposal.meetings).toHaveLength(1);
    const planned = proposal.meetings[0]!;
    expect(planned.requestId).toBe(sent.id);
    // Not during Japan's plenary (14:00–15:30), within the window, 30 minutes long.
    const start = Date.parse(planned.startsAt);
    expect(
      start >= Date.parse(utc(10, '15:30')) || start + 30 * 60_000 <= Date.parse(utc(10, '14:00')),
    ).toBe(true);
    expect(Date.parse(planned.endsAt) - start).toBe(30 * 60_000);
    expect(proposal.diff.added).toEqual([
      expect.objectContaining({ requestId: sent.id, reason: 'newly_scheduled' }),
    ]);
    // A proposal is not saved.
    expect((await service.board(world.actors.secretariat, world.slug)).meetings).toHaveLength(0);

    const applied = await service.applyPlan(world.actors.secretariat, world.slug, proposal);
    expect(applied).toMatchObject({ added: 1, moved: 0, dropped: 0 });
    // Unpublished: the focal points do not see it yet; the secretariat does.
    expect(
      (await service.schedule(world.actors.focalJpn, world.slug, undefined)).meetings,
    ).toHaveLength(0);
    expect(
      (await service.schedule(world.actors.secretariat, world.slug, 'JPN')).meetings,
    ).toHaveLength(1);

    expect(await service.publish(world.actors.secretariat, world.slug, 'provisional')).toEqual({
      stage: 'provisional',
      published: 1,
    });
    for (const actor of [world.actors.focalJpn, world.actors.focalKor]) {
      const own = await service.schedule(actor, world.slug, undefined);
      expect(own.meetings).toEqual([
        expect.objectContaining({
          requestId: sent.id,
          published: 'provisional',
          startsAt: planned.startsAt,
        }),
      ]);
    }
    // A focal point cannot read another delegation's schedule.
    await expect(service.schedule(world.actors.focalKor, world.slug, 'JPN')).rejects.toMatchObject({
      code: 'not_a_party',
    });

    // Both sides confirm: one consent is not enough.
    const meetingId = applied.meetings[0]!.id;
    const once = await service.confirm(world.actors.focalJpn, world.slug, meetingId);
    expect(once.status).toBe('provisional');
    expect(once.parties.map((p) => [p.code, p.confirmed])).toEqual([
      ['JPN', true],
      ['KOR', false],
    ]);
    const twice = await service.confirm(world.actors.focalKor, world.slug, meetingId);
    expect(twice.status).toBe('confirmed');

    expect(await service.publish(world.actors.secretariat, world.slug, 'final')).toEqual({
      stage: 'final',
      published: 1,
    });
    expect(
      (await service.schedule(world.actors.focalKor, world.slug, undefined)).meetings[0],
    ).toMatchObject({ published: 'final', status: 'confirmed' });

    const actions = (
      await world.database.db.select({ action: auditEvents.action }).from(auditEvents)
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'bilateral.request',
        'bilateral.respond',
        'bilateral.plan',
        'bilateral.publish',
        'bilateral.confirm',
      ]),
    );
  });

  it('a focal point answers only for its own delegation, and only as a counterpart', async () => {
    const sent = await request('JPN', ['ITU']);
    await expect(
      service.respond(world.actors.focalKor, world.slug, sent.id, { response: 'accepted' }),
    ).rejects.toMatchObject({ code: 'not_a_party' });
    await expect(
      service.respond(world.actors.focalJpn, world.slug, sent.id, { response: 'accepted' }),
    ).rejects.toMatchObject({ code: 'not_a_party' });
    await expect(
      service.respond(world.actors.secretariat, world.slug, sent.id, { response: 'declined' }),
    ).rejects.toMatchObject({ code: 'not_a_party' });
    await expect(service.get(world.actors.focalKor, world.slug, sent.id)).rejects.toMatchObject({
      code: 'not_a_party',
    });
    // Korea's list holds neither side of it.
    expect((await service.list(world.actors.focalKor, world.slug)).map((r) => r.id)).not.toContain(
      sent.id,
    );
    expect((await service.list(b.focal.ITU!, world.slug)).map((r) => r.id)).toContain(sent.id);
    const declined = await service.respond(b.focal.ITU!, world.slug, sent.id, {
      response: 'declined',
    });
    expect(declined.status).toBe('declined');
    await expect(
      service.respond(b.focal.ITU!, world.slug, sent.id, { response: 'accepted' }),
    ).rejects.toMatchObject({ code: 'request_closed' });
  });

  it('flags a rank mismatch without blocking the request', async () => {
    const mismatch = await request('KOR', ['ITU']);
    expect(mismatch.flags).toEqual(['rank_mismatch']);
    expect(mismatch.status).toBe('pending');
    // A vice-minister meeting a foreign minister is one level apart: no flag.
    expect((await request('JPN', ['KOR'])).flags).toEqual([]);
  });

  it('a counter-proposal becomes the window once the requester adopts it', async () => {
    const sent = await request('D01', ['D02', 'D03'], { window: day10 });
    const proposed = { start: utc(11, '09:00'), end: utc(11, '12:00') };
    await service.respond(b.focal.D02!, world.slug, sent.id, { response: 'accepted' });
    const counter = await service.respond(b.focal.D03!, world.slug, sent.id, {
      response: 'proposed',
      window: proposed,
    });
    expect(counter.status).toBe('pending');
    expect(counter.counterparts.find((p) => p.code === 'D03')!.proposedWindow).toEqual(proposed);
    await expect(
      service.acceptProposal(b.focal.D02!, world.slug, sent.id, 'D03'),
    ).rejects.toMatchObject({ code: 'not_a_party' });
    const adopted = await service.acceptProposal(b.focal.D01!, world.slug, sent.id, 'D03');
    expect(adopted.window).toEqual(proposed);
    // D02 accepted another window: asked again.
    expect(adopted.counterparts.map((p) => [p.code, p.response])).toEqual([
      ['D02', 'pending'],
      ['D03', 'accepted'],
    ]);
    const done = await service.respond(b.focal.D02!, world.slug, sent.id, { response: 'accepted' });
    expect(done.status).toBe('accepted');
    await service.cancel(b.focal.D03!, world.slug, sent.id);
  });

  it('re-plans after a cancellation moving nothing else, and never a confirmed meeting', async () => {
    const pairs: [string, string][] = [
      ['D01', 'D02'],
      ['D03', 'D04'],
      ['D05', 'D06'],
      ['D01', 'D03'],
      ['D02', 'D04'],
    ];
    const ids: string[] = [];
    for (const [from, to] of pairs) {
      const r = await request(from, [to], {
        window: { start: utc(11, '09:00'), end: utc(11, '11:00') },
      });
      await service.respond(b.focal[to]!, world.slug, r.id, { response: 'accepted' });
      ids.push(r.id);
    }
    const first = await service.plan(world.actors.secretariat, world.slug, {
      timeLimitSeconds: 2,
      seed: 3,
    });
    // The earlier test's meeting is confirmed, not provisional: nothing to re-plan from yet.
    expect(first.mode).toBe('solve');
    await service.applyPlan(world.actors.secretariat, world.slug, first);
    const before = await service.board(world.actors.secretariat, world.slug);
    const confirmed = before.meetings.find((m) => m.status === 'confirmed')!;
    const where = new Map(
      before.meetings.map((m) => [m.requestId, `${m.room.code}@${m.startsAt}`]),
    );
    expect(ids.every((id) => where.has(id))).toBe(true);

    await service.cancel(b.focal.D01!, world.slug, ids[0]!);
    const again = await service.plan(world.actors.secretariat, world.slug, {
      timeLimitSeconds: 2,
      seed: 3,
    });
    expect(again.mode).toBe('replan');
    expect(again.diff.moved).toEqual([]);
    expect(again.diff.dropped).toEqual([]);
    expect(again.meetings.map((m) => m.requestId)).not.toContain(confirmed.requestId);
    const applied = await service.applyPlan(world.actors.secretariat, world.slug, again);
    expect(applied.moved).toBe(0);
    const after = new Map(
      applied.meetings.map((m) => [m.requestId, `${m.room.code}@${m.startsAt}`]),
    );
    for (const id of ids.slice(1)) expect(after.get(id)).toBe(where.get(id));
    expect(after.get(confirmed.requestId)).toBe(where.get(confirmed.requestId));
    expect(after.has(ids[0]!)).toBe(false);

    // A stale proposal is refused.
    await expect(
      service.applyPlan(world.actors.secretariat, world.slug, again),
    ).resolves.toBeDefined();
    await request('D05', ['D01']);
    await expect(
      service.applyPlan(world.actors.secretariat, world.slug, again),
    ).rejects.toMatchObject({ code: 'plan_stale' });
  });

  it('refuses a move that breaks a rule, with every reason', async () => {
    const board = await service.board(world.actors.secretariat, world.slug);
    const jpnKor = board.meetings.find((m) => m.status === 'confirmed')!;
    await expect(
      service.moveMeeting(world.actors.secretariat, world.slug, jpnKor.id, {
        room: 'b-2',
        startsAt: utc(10, '09:00'),
        version: jpnKor.version,
      }),
    ).rejects.toMatchObject({ code: 'meeting_confirmed' });

    const r = await request('JPN', ['D06'], { window: day10 });
    await service.respond(b.focal.D06!, world.slug, r.id, { response: 'accepted' });
    const proposal = await service.plan(world.actors.secretariat, world.slug, {
      timeLimitSeconds: 1,
    });
    const { meetings } = await service.applyPlan(world.actors.secretariat, world.slug, proposal);
    const m = meetings.find((x) => x.requestId === r.id)!;
    const move = (room: string, startsAt: string) =>
      service.moveMeeting(world.actors.secretariat, world.slug, m.id, {
        room,
        startsAt,
        version: m.version,
      });

    await expect(move('b-1', utc(10, '14:30'))).rejects.toMatchObject({
      code: 'principal_in_session',
      extra: { reasons: ['principal_in_session'] },
    });
    await expect(move('b-small', utc(10, '09:00'))).rejects.toMatchObject({
      code: 'room_too_small',
    });
    await expect(move('b-1', utc(11, '09:00'))).rejects.toMatchObject({ code: 'outside_window' });
    await expect(move('b-1', utc(10, '09:10'))).rejects.toMatchObject({ code: 'not_on_slot' });
    // Japan's confirmed meeting with Korea: the room, and Japan's principal, are taken then.
    const taken = service.moveMeeting(world.actors.secretariat, world.slug, m.id, {
      room: jpnKor.room.code,
      startsAt: jpnKor.startsAt,
      version: m.version,
    });
    await expect(taken).rejects.toMatchObject({
      code: 'room_double_booked',
      extra: { reasons: expect.arrayContaining(['room_double_booked', 'principal_busy']) },
    });
    // Right after it, in the other zone: no time to move between floors.
    const nextSlot = new Date(Date.parse(jpnKor.endsAt)).toISOString();
    const otherZone = jpnKor.room.zone === 'B' ? 'b-1' : 'b-3';
    await expect(move(otherZone, nextSlot)).rejects.toMatchObject({ code: 'transfer_time' });

    const moved = await move('b-2', utc(10, '18:30'));
    expect(moved).toMatchObject({
      room: { code: 'b-2' },
      startsAt: utc(10, '18:30'),
      version: m.version + 1,
    });
    await expect(move('b-2', utc(10, '18:00'))).rejects.toMatchObject({ code: 'version_conflict' });
  });

  it('flags meetings that a programme change puts over a principal’s session', async () => {
    const board = await service.board(world.actors.secretariat, world.slug);
    const jpn = board.meetings.find((m) => m.startsAt === utc(10, '18:30'))!;
    await world.database.db
      .update(sessions)
      .set({ endsAt: new Date(utc(10, '19:00')) })
      .where(eq(sessions.id, b.plenaryId));
    expect(await service.flagConflicts(world.slug)).toEqual({ flagged: 1, cleared: 0 });
    const flagged = (await service.board(world.actors.secretariat, world.slug)).meetings.find(
      (m) => m.id === jpn.id,
    )!;
    expect(flagged.flaggedReason).toBe('principal_in_session: JPN in plenary');
    await world.database.db
      .update(sessions)
      .set({ endsAt: new Date(utc(10, '15:30')) })
      .where(eq(sessions.id, b.plenaryId));
    expect(await service.flagConflicts(world.slug)).toEqual({ flagged: 0, cleared: 1 });
  });

  it('holds a slot for a pending request; notifications are read, emails marked sent', async () => {
    const r = await request('D04', ['D05']);
    const held = await service.hold(b.focal.D04!, world.slug, r.id, {
      room: 'b-3',
      startsAt: utc(11, '17:00'),
    });
    expect(held.status).toBe('tentative');
    await expect(
      service.hold(b.focal.D05!, world.slug, r.id, { room: 'b-3', startsAt: utc(11, '17:30') }),
    ).rejects.toMatchObject({ code: 'not_a_party' });
    const accepted = await service.respond(b.focal.D05!, world.slug, r.id, {
      response: 'accepted',
    });
    expect(accepted.meeting).toMatchObject({ status: 'provisional', room: { code: 'b-3' } });

    const inbox = await service.notifications(b.focal.D05!, world.slug, { unread: true });
    expect(inbox.unread).toBeGreaterThan(0);
    await expect(
      service.markRead(b.focal.D04!, world.slug, inbox.items[0]!.id),
    ).rejects.toMatchObject({ code: 'not_a_party' });
    const read = await service.markRead(b.focal.D05!, world.slug, inbox.items[0]!.id);
    expect(read.readAt).not.toBeNull();

    await expect(service.outbox(world.actors.focalJpn, world.slug)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const outbox = await service.outbox(world.actors.secretariat, world.slug, { pending: true });
    expect(outbox.items.length).toBeGreaterThan(0);
    const sent = await service.markSent(world.actors.secretariat, world.slug, outbox.items[0]!.id);
    expect(sent.sentAt).toBe(world.clock.now().toISOString());
    expect(
      (await service.outbox(world.actors.secretariat, world.slug, { pending: true })).items,
    ).toHaveLength(outbox.items.length - 1);
  });
});
