/**
 * The lists-of-speakers service on a real database: who may do what, the order the hall sees,
 * one audit event per engine event, and a change notification after each committed change.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../test/support/world.js';
import { auditEvents, speakerLists } from '../../db/schema.js';
import { PlenaryError } from '../../platform/errors.js';
import { aSession, aSpeaker } from './speakers.test-support.js';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world?.close();
});

const codeOf = (error: unknown) => (error instanceof PlenaryError ? error.code : String(error));

async function refused(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return codeOf(error);
  }
  return 'accepted';
}

describe('who may act on a list', () => {
  it('lets a focal point inscribe its own delegation only, and only with one of its members', async () => {
    const { speakers } = world.services;
    const { focalJpn, focalKor } = world.actors;
    const session = await aSession(world);
    const kishida = await aSpeaker(world, 'JPN', 'foreign_minister', 'Kishida');
    const yun = await aSpeaker(world, 'KOR', 'foreign_minister', 'Yun');

    expect(
      await refused(
        speakers.command(focalJpn, world.slug, session, {
          type: 'speaker.inscribe',
          delegation: 'KOR',
          participantId: yun,
        }),
      ),
    ).toBe('forbidden');
    expect(
      await refused(
        speakers.command(focalJpn, world.slug, session, {
          type: 'speaker.inscribe',
          delegation: 'JPN',
          participantId: yun,
        }),
      ),
    ).toBe('validation_failed');
    expect(
      await refused(speakers.command(focalKor, world.slug, session, { type: 'list.close' })),
    ).toBe('forbidden');
    expect(
      await refused(speakers.command(focalKor, world.slug, session, { type: 'speaker.next' })),
    ).toBe('forbidden');
    // Nothing was written by the refused commands.
    expect((await speakers.view(focalJpn, world.slug, session)).queue).toEqual([]);

    const view = await speakers.command(focalJpn, world.slug, session, {
      type: 'speaker.inscribe',
      delegation: 'JPN',
      participantId: kishida,
    });
    expect(view.queue.map((q) => [q.delegation.code, q.speaker?.name, q.rank])).toEqual([
      ['JPN', 'Test Kishida', 'foreign_minister'],
    ]);
    // Korea's focal point cannot withdraw Japan's inscription.
    expect(
      await refused(
        speakers.command(focalKor, world.slug, session, {
          type: 'speaker.withdraw',
          delegation: 'JPN',
        }),
      ),
    ).toBe('forbidden');
  });

  it('hides a draft session from the public and the delegations', async () => {
    const session = await aSession(world, { status: 'draft' });
    expect(
      await refused(world.services.speakers.view({ kind: 'public' }, world.slug, session)),
    ).toBe('session_not_found');
    expect(
      (await world.services.speakers.view(world.actors.secretariat, world.slug, session)).session
        .status,
    ).toBe('draft');
  });
});

describe('the order the hall sees', () => {
  it('follows rank, then time of inscription, with observers after member states', async () => {
    const { speakers } = world.services;
    const { focalJpn, focalKor, secretariat } = world.actors;
    const session = await aSession(world);
    const jpnDelegate = await aSpeaker(world, 'JPN', 'delegate', 'Sato', 'Director');
    const korMinister = await aSpeaker(world, 'KOR', 'minister', 'Kim', 'Minister of Science');
    const ituHead = await aSpeaker(world, 'ITU', 'head_of_io', 'Touré', 'Secretary-General');

    world.clock.set('2026-04-10T00:10:00Z');
    await speakers.command(focalJpn, world.slug, session, {
      type: 'speaker.inscribe',
      delegation: 'JPN',
      participantId: jpnDelegate,
    });
    world.clock.set('2026-04-10T00:20:00Z');
    await speakers.command(secretariat, world.slug, session, {
      type: 'speaker.inscribe',
      delegation: 'ITU',
      participantId: ituHead,
    });
    world.clock.set('2026-04-10T00:30:00Z');
    const view = await speakers.command(focalKor, world.slug, session, {
      type: 'speaker.inscribe',
      delegation: 'KOR',
      participantId: korMinister,
    });

    // Korea's minister came last but outranks Japan's delegate; the ITU (an observer) follows the states.
    expect(view.queue.map((q) => q.delegation.code)).toEqual(['KOR', 'JPN', 'ITU']);
    expect(view.next.map((q) => q.delegation.code)).toEqual(['KOR', 'JPN', 'ITU']);
    // Reasons in the venue's time zone (Seoul, UTC+9).
    expect(view.queue[0]!.explanation).toBe('member state; rank: Minister; inscribed 09:30');
    expect(view.queue[2]!.explanation).toMatch(/^observer; /);
    expect(view.queue.map((q) => q.delegation.name)).toEqual([
      'South Korea',
      'Japan',
      'International Telecommunication Union',
    ]);

    const ja = await speakers.view({ kind: 'public' }, world.slug, session, 'ja');
    expect(ja.queue[1]!.delegation.name).toBe('日本');
    expect(ja.queue[1]!.explanation).toContain('09:10 登録');

    // Japan's speaker changes to a minister inscribed earlier than Korea's: Japan moves up.
    const jpnMinister = await aSpeaker(world, 'JPN', 'minister', 'Kishida');
    const changed = await speakers.command(focalJpn, world.slug, session, {
      type: 'speaker.change',
      delegation: 'JPN',
      participantId: jpnMinister,
    });
    expect(changed.queue.map((q) => q.delegation.code)).toEqual(['JPN', 'KOR', 'ITU']);
    expect(changed.queue[0]!.speaker?.name).toBe('Test Kishida');
  });

  it('runs the floor: next, the timer with the conference default limit, a point of order', async () => {
    const { speakers } = world.services;
    const { focalJpn, focalKor, secretariat } = world.actors;
    const session = await aSession(world);
    world.clock.set('2026-04-10T00:00:00Z');
    await speakers.command(focalJpn, world.slug, session, {
      type: 'speaker.inscribe',
      delegation: 'JPN',
      participantId: await aSpeaker(world, 'JPN', 'minister', 'One'),
    });
    await speakers.command(focalKor, world.slug, session, {
      type: 'speaker.inscribe',
      delegation: 'KOR',
      participantId: await aSpeaker(world, 'KOR', 'delegate', 'Two'),
    });

    world.clock.set('2026-04-10T01:00:00Z');
    let view = await speakers.command(secretariat, world.slug, session, {
      type: 'speaker.next',
      startTimer: true,
    });
    expect(view.current?.delegation.code).toBe('JPN');
    expect(view.current?.attendance).toBe('present');
    world.clock.set('2026-04-10T01:06:00Z');
    view = await speakers.view(secretariat, world.slug, session);
    expect(view.timer).toMatchObject({
      limitMs: 300_000,
      elapsedMs: 360_000,
      remainingMs: 0,
      running: true,
      overrun: true,
      overrunMs: 60_000,
    });

    view = await speakers.command(focalKor, world.slug, session, {
      type: 'speaker.point_of_order',
      delegation: 'KOR',
    });
    expect(view.current).toMatchObject({ kind: 'point_of_order', delegation: { code: 'KOR' } });
    expect(view.next[0]).toMatchObject({ delegation: { code: 'JPN' }, resumes: true });
    expect(view.next[1]).toMatchObject({
      delegation: { code: 'KOR' },
      kind: 'regular',
      explanation: 'member state; rank: Delegate; inscribed 09:00',
    });
    view = await speakers.command(secretariat, world.slug, session, { type: 'speaker.next' });
    expect(view.current).toMatchObject({ kind: 'regular', delegation: { code: 'JPN' } });
    expect(view.timer.running).toBe(true);
  });
});

describe('closing, swapping and the audit log', () => {
  it('refuses an inscription on a closed list with speakers_list_closed', async () => {
    const { speakers } = world.services;
    const session = await aSession(world);
    await speakers.command(world.actors.secretariat, world.slug, session, { type: 'list.close' });
    const jpn = await aSpeaker(world, 'JPN', 'delegate', 'Late');
    expect(
      await refused(
        speakers.command(world.actors.focalJpn, world.slug, session, {
          type: 'speaker.inscribe',
          delegation: 'JPN',
          participantId: jpn,
        }),
      ),
    ).toBe('speakers_list_closed');
    const view = await speakers.command(world.actors.secretariat, world.slug, session, {
      type: 'list.reopen',
    });
    expect(view.open).toBe(true);
  });

  it('swaps two delegations only when both focal points have given notice', async () => {
    const { speakers } = world.services;
    const { focalJpn, focalKor } = world.actors;
    const session = await aSession(world);
    await speakers.command(focalJpn, world.slug, session, {
      type: 'speaker.inscribe',
      delegation: 'JPN',
      participantId: await aSpeaker(world, 'JPN', 'minister', 'First'),
    });
    await speakers.command(focalKor, world.slug, session, {
      type: 'speaker.inscribe',
      delegation: 'KOR',
      participantId: await aSpeaker(world, 'KOR', 'delegate', 'Second'),
    });
    let view = await speakers.command(focalJpn, world.slug, session, {
      type: 'speaker.swap',
      delegations: ['JPN', 'KOR'],
    });
    expect(view.queue.map((q) => q.delegation.code)).toEqual(['JPN', 'KOR']);
    expect(view.swapNotices).toEqual([
      {
        delegations: [
          { code: 'JPN', name: 'Japan' },
          { code: 'KOR', name: 'South Korea' },
        ],
        confirmedBy: [{ code: 'JPN', name: 'Japan' }],
      },
    ]);
    view = await speakers.command(focalKor, world.slug, session, {
      type: 'speaker.swap',
      delegations: ['KOR', 'JPN'],
    });
    expect(view.queue.map((q) => q.delegation.code)).toEqual(['KOR', 'JPN']);
    expect(view.queue[0]!.explanation).toMatch(
      /^swapped by joint notice with Japan; in the place of Japan/,
    );
    expect(view.swapNotices).toEqual([]);
  });

  it('writes one audit event per engine event, named by the command, in the same transaction as the state', async () => {
    const { speakers } = world.services;
    const { focalJpn, secretariat } = world.actors;
    const session = await aSession(world);
    const before = await speakers.view(secretariat, world.slug, session);
    expect(before.version).toBe(0);
    await speakers.command(focalJpn, world.slug, session, {
      type: 'speaker.inscribe',
      delegation: 'JPN',
      participantId: await aSpeaker(world, 'JPN', 'minister', 'Audited'),
    });
    await speakers.command(secretariat, world.slug, session, { type: 'list.close' });
    await speakers.command(secretariat, world.slug, session, { type: 'list.close' }); // no change: nothing recorded
    await speakers.command(secretariat, world.slug, session, {
      type: 'speaker.next',
      startTimer: true,
    });
    await speakers.command(secretariat, world.slug, session, { type: 'timer.pause' });
    await speakers.command(secretariat, world.slug, session, { type: 'speaker.next' }); // turn_finished + list_exhausted

    const view = await speakers.view(secretariat, world.slug, session);
    expect(view.version).toBe(6); // created at 1, five changes
    const sessionId = (await speakers.channel(secretariat, world.slug, session)).replace(
      'speakers:',
      '',
    );
    const [list] = await world.database.db
      .select()
      .from(speakerLists)
      .where(eq(speakerLists.sessionId, sessionId));
    expect(list!.version).toBe(view.version);
    const rows = await world.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'speaker_list'), eq(auditEvents.entityId, list!.id)))
      .orderBy(auditEvents.id);
    expect(
      rows.map((r) => [r.action, (r.after as { event: { type: string } }).event.type]),
    ).toEqual([
      ['speaker.inscribe', 'inscribed'],
      ['list.close', 'list_closed'],
      ['speaker.next', 'turn_started'],
      ['timer.pause', 'timer_paused'],
      ['speaker.next', 'turn_finished'],
      ['speaker.next', 'list_exhausted'],
    ]);
    expect(rows[0]).toMatchObject({
      actorLabel: 'Japan Focal Point',
      delegationId: world.delegation.JPN,
      editionId: world.editionId,
    });
  });

  it('tells the live hub after each committed change, with the new version', async () => {
    const { speakers, live } = world.services;
    const session = await aSession(world);
    const channel = await speakers.channel({ kind: 'public' }, world.slug, session);
    const heard: number[] = [];
    const stop = live.subscribe(channel, (payload) => heard.push(payload.version));
    await speakers.command(world.actors.secretariat, world.slug, session, { type: 'list.close' });
    await refused(
      speakers.command(world.actors.secretariat, world.slug, session, { type: 'speaker.next' }),
    ); // no_next_speaker: nothing to tell
    await speakers.command(world.actors.secretariat, world.slug, session, { type: 'list.reopen' });
    stop();
    expect(heard).toEqual([2, 3]);
  });
});
