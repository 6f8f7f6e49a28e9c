import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RANKS, type Rank } from '../../db/schema.js';
import {
  apply,
  createList,
  current,
  explain,
  type Instant,
  type ListCommand,
  type ListSettings,
  type ListState,
  order,
  queue,
  type Standing,
  timerState,
  upcoming,
} from './precedence.js';
import { SPEAKERS_ERROR_CODES, SpeakersError } from './speakers.errors.js';

// ---------------------------------------------------------------- a small language for lists

const at = (hhmm: string, day = '2024-09-24') => `${day}T${hhmm}:00Z`;

interface Delegate {
  rank?: Rank;
  standing?: Standing;
  name?: string;
}

const inscribe = (delegationId: string, d: Delegate = {}): ListCommand => ({
  type: 'speaker.inscribe',
  delegationId,
  speaker: { name: d.name ?? `Head of ${delegationId}` },
  rank: d.rank ?? 'minister',
  standing: d.standing ?? 'member_state',
});

/** Applies commands in turn, each at its own time. */
function run(state: ListState, ...steps: [ListCommand, Instant][]): ListState {
  return steps.reduce((s, [command, now]) => apply(s, command, now).state, state);
}

const ids = (state: ListState) => order(state).map((i) => i.delegationId);

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof SpeakersError) return error.code;
    throw error;
  }
  return undefined;
}

// ---------------------------------------------------------------- the rules, by example

describe('order of the list of speakers', () => {
  it('puts the chair’s fixed first speakers first — UNGA: Brazil first, the host second', () => {
    let list = run(
      createList(),
      [inscribe('FRA', { rank: 'head_of_state' }), at('08:00')],
      [inscribe('USA', { rank: 'head_of_state' }), at('08:30')],
      [inscribe('JPN', { rank: 'head_of_government' }), at('08:10')],
      [inscribe('BRA', { rank: 'minister' }), at('09:00')],
    );
    expect(ids(list)).toEqual(['FRA', 'USA', 'JPN', 'BRA']);
    list = run(list, [
      { type: 'list.set_first_speakers', delegationIds: ['BRA', 'USA'] },
      at('09:05'),
    ]);
    expect(ids(list)).toEqual(['BRA', 'USA', 'FRA', 'JPN']);
    expect(explain(list, 'BRA', 'en')).toBe('fixed first speaker (position 1)');
    expect(explain(list, 'USA', 'en')).toBe('fixed first speaker (position 2)');
    expect(explain(list, 'USA', 'ja')).toBe('議長が定めた最初の発言者（第2位）');
  });

  it('orders by level of representation, then by time of inscription', () => {
    const list = run(
      createList(),
      [inscribe('DEU', { rank: 'ambassador' }), at('08:00')],
      [inscribe('ITA', { rank: 'minister' }), at('08:10')],
      [inscribe('ESP', { rank: 'minister' }), at('08:05')],
      [inscribe('GHA', { rank: 'head_of_state' }), at('09:00')],
      [inscribe('KEN', { rank: 'foreign_minister' }), at('09:10')],
    );
    expect(ids(list)).toEqual(['GHA', 'KEN', 'ITA', 'ESP', 'DEU']);
    // ITA came first in real order of commands: ESP's earlier `now` is taken at 08:10.
    expect(order(list).map((i) => i.inscribedAt.slice(11, 16))).toEqual([
      '09:00',
      '09:10',
      '08:10',
      '08:10',
      '08:00',
    ]);
  });

  it('puts member states before observers, unless the conference says otherwise', () => {
    const steps: [ListCommand, Instant][] = [
      [inscribe('ITU', { rank: 'head_of_io', standing: 'observer' }), at('08:00')],
      [inscribe('PSE', { rank: 'minister', standing: 'observer' }), at('08:05')],
      [inscribe('FJI', { rank: 'ambassador' }), at('08:10')],
      [inscribe('CHL', { rank: 'minister' }), at('08:15')],
    ];
    expect(ids(run(createList(), ...steps))).toEqual(['CHL', 'FJI', 'ITU', 'PSE']);
    expect(ids(run(createList({ memberStatesFirst: false }), ...steps))).toEqual([
      'ITU',
      'PSE',
      'CHL',
      'FJI',
    ]);
  });

  it('ranks heads of international organisations where the conference puts them', () => {
    const steps: [ListCommand, Instant][] = [
      [inscribe('NOR', { rank: 'deputy_prime_minister' }), at('08:00')],
      [inscribe('UN', { rank: 'head_of_io', standing: 'observer' }), at('08:05')],
      [inscribe('PER', { rank: 'minister' }), at('08:10')],
    ];
    const settings = { memberStatesFirst: false };
    expect(ids(run(createList(settings), ...steps))).toEqual(['UN', 'NOR', 'PER']);
    const afterMinisters: Rank[] = [...RANKS.filter((r) => r !== 'head_of_io')];
    afterMinisters.splice(afterMinisters.indexOf('minister') + 1, 0, 'head_of_io');
    expect(ids(run(createList({ ...settings, rankOrder: afterMinisters }), ...steps))).toEqual([
      'NOR',
      'PER',
      'UN',
    ]);
    // The chair may change the setting while the list is open: the list re-sorts.
    const list = run(createList(settings), ...steps, [
      { type: 'list.configure', settings: { rankOrder: afterMinisters } },
      at('08:20'),
    ]);
    expect(ids(list)).toEqual(['NOR', 'PER', 'UN']);
  });

  it('refuses rank orders that are not a permutation of the ranks, and unknown time zones', () => {
    expect(codeOf(() => createList({ rankOrder: RANKS.slice(1) }))).toBe('invalid_settings');
    expect(codeOf(() => createList({ rankOrder: [...RANKS.slice(1), 'minister'] }))).toBe(
      'invalid_settings',
    );
    expect(codeOf(() => createList({ timeZone: 'Mars/Olympus_Mons' }))).toBe('invalid_settings');
    expect(codeOf(() => createList({ speakingTimeSeconds: 0 }))).toBe('invalid_settings');
  });
});

describe('inscription', () => {
  it('is refused while the list is closed, and allowed again when the chair reopens it', () => {
    let list = run(
      createList(),
      [inscribe('AUS'), at('08:00')],
      [{ type: 'list.close' }, at('08:30')],
    );
    expect(codeOf(() => apply(list, inscribe('NZL'), at('08:31')))).toBe('speakers_list_closed');
    list = run(list, [{ type: 'list.reopen' }, at('08:40')], [inscribe('NZL'), at('08:41')]);
    expect(ids(list)).toEqual(['AUS', 'NZL']);
  });

  it('is one per delegation per list', () => {
    const list = run(createList(), [inscribe('AUS'), at('08:00')]);
    expect(codeOf(() => apply(list, inscribe('AUS', { rank: 'head_of_state' }), at('08:01')))).toBe(
      'already_inscribed',
    );
    const spoken = run(
      list,
      [{ type: 'speaker.next' }, at('09:00')],
      [{ type: 'speaker.next' }, at('09:05')],
    );
    expect(codeOf(() => apply(spoken, inscribe('AUS'), at('09:10')))).toBe('already_inscribed');
  });

  it('refuses unknown ranks and empty delegation ids with a stable code', () => {
    const list = createList();
    expect(codeOf(() => apply(list, inscribe('AUS', { rank: 'king' as Rank }), at('08:00')))).toBe(
      'invalid_command',
    );
    expect(codeOf(() => apply(list, inscribe(' '), at('08:00')))).toBe('invalid_command');
    expect(codeOf(() => apply(list, inscribe('AUS'), 'yesterday'))).toBe('invalid_command');
  });

  it('does not change the state it is given', () => {
    const list = run(createList(), [inscribe('AUS'), at('08:00')]);
    const before = structuredClone(list);
    apply(list, inscribe('NZL', { rank: 'head_of_state' }), at('08:05'));
    apply(list, { type: 'speaker.next' }, at('08:05'));
    expect(list).toEqual(before);
  });
});

describe('withdrawal', () => {
  it('sends a delegation that withdraws and comes back to the end of its rank', () => {
    let list = run(
      createList({ timeZone: 'America/New_York' }),
      [inscribe('ARG'), at('13:00')],
      [inscribe('BOL'), at('13:05')],
      [inscribe('COL'), at('13:10')],
      [inscribe('DOM', { rank: 'ambassador' }), at('13:12')],
      [inscribe('ECU', { rank: 'head_of_state' }), at('13:15')],
    );
    expect(ids(list)).toEqual(['ECU', 'ARG', 'BOL', 'COL', 'DOM']);
    list = run(list, [{ type: 'speaker.withdraw', delegationId: 'ARG' }, at('13:20')]);
    expect(ids(list)).toEqual(['ECU', 'BOL', 'COL', 'DOM']);
    list = run(list, [inscribe('ARG'), at('13:30')]);
    expect(ids(list)).toEqual(['ECU', 'BOL', 'COL', 'ARG', 'DOM']);
    expect(explain(list, 'ARG', 'en')).toBe('member state; rank: Minister; inscribed 09:30');
  });

  it('cannot withdraw what is not waiting', () => {
    const list = run(
      createList(),
      [inscribe('ARG'), at('13:00')],
      [{ type: 'speaker.next' }, at('14:00')],
    );
    expect(
      codeOf(() => apply(list, { type: 'speaker.withdraw', delegationId: 'ARG' }, at('14:01'))),
    ).toBe('not_inscribed');
    expect(
      codeOf(() => apply(list, { type: 'speaker.withdraw', delegationId: 'BOL' }, at('14:01'))),
    ).toBe('not_inscribed');
  });
});

describe('a change of speaker', () => {
  it('re-sorts by the new rank and keeps the time of inscription', () => {
    let list = run(
      createList(),
      [inscribe('SWE', { rank: 'ambassador' }), at('08:00')],
      [inscribe('FIN', { rank: 'minister' }), at('08:10')],
      [inscribe('DNK', { rank: 'minister' }), at('08:20')],
    );
    expect(ids(list)).toEqual(['FIN', 'DNK', 'SWE']);
    list = run(list, [
      {
        type: 'speaker.change',
        delegationId: 'SWE',
        speaker: { name: 'Minister' },
        rank: 'minister',
      },
      at('09:00'),
    ]);
    // Same rank as FIN and DNK, inscribed before them: first among the ministers.
    expect(ids(list)).toEqual(['SWE', 'FIN', 'DNK']);
    expect(explain(list, 'SWE', 'en')).toBe('member state; rank: Minister; inscribed 08:00');
    list = run(list, [
      { type: 'speaker.change', delegationId: 'FIN', speaker: { name: 'Envoy' }, rank: 'delegate' },
      at('09:05'),
    ]);
    expect(ids(list)).toEqual(['SWE', 'DNK', 'FIN']);
  });
});

describe('swaps by joint notice', () => {
  const base = () =>
    run(
      createList(),
      [inscribe('AUT', { rank: 'head_of_state' }), at('08:00')],
      [inscribe('BEL', { rank: 'minister' }), at('08:01')],
      [inscribe('CZE', { rank: 'minister' }), at('08:02')],
      [inscribe('DNK', { rank: 'ambassador' }), at('08:03')],
      [inscribe('EST', { rank: 'ambassador' }), at('08:04')],
    );
  const swap = (a: string, b: string, confirmedBy = [a, b]): ListCommand => ({
    type: 'speaker.swap',
    delegationIds: [a, b],
    confirmedBy,
  });

  it('needs both delegations to agree', () => {
    expect(codeOf(() => apply(base(), swap('BEL', 'EST', ['BEL']), at('09:00')))).toBe(
      'swap_not_confirmed',
    );
    expect(codeOf(() => apply(base(), swap('BEL', 'BEL'), at('09:00')))).toBe('invalid_command');
    expect(codeOf(() => apply(base(), swap('BEL', 'FRA'), at('09:00')))).toBe('not_inscribed');
  });

  it('exchanges the two places and keeps them through later re-sorts', () => {
    let list = run(base(), [swap('BEL', 'EST'), at('09:00')]);
    expect(ids(list)).toEqual(['AUT', 'EST', 'CZE', 'DNK', 'BEL']);
    expect(explain(list, 'EST', 'en')).toBe(
      'swapped by joint notice with BEL; in the place of BEL: member state; rank: Minister; inscribed 08:01',
    );
    // A head of state inscribes, CZE withdraws: everyone moves, the pair keeps each other's place.
    list = run(
      list,
      [inscribe('FRA', { rank: 'head_of_state' }), at('09:10')],
      [{ type: 'speaker.withdraw', delegationId: 'CZE' }, at('09:11')],
      [inscribe('GRC', { rank: 'ambassador' }), at('09:12')],
    );
    expect(ids(list)).toEqual(['AUT', 'FRA', 'EST', 'DNK', 'BEL', 'GRC']);
  });

  it('still holds when one of the two has spoken', () => {
    let list = run(base(), [swap('BEL', 'EST'), at('09:00')]);
    list = run(
      list,
      [{ type: 'speaker.next' }, at('10:00')],
      [{ type: 'speaker.next' }, at('10:05')],
    );
    expect(current(list)?.delegationId).toBe('EST');
    list = run(list, [inscribe('FRA', { rank: 'ambassador' }), at('10:06')]);
    // BEL keeps EST's place: after the ambassadors inscribed before 08:04, before later ones.
    expect(ids(list)).toEqual(['CZE', 'DNK', 'BEL', 'FRA']);
  });

  it('is dissolved when one of the two changes its speaker or withdraws', () => {
    const swapped = run(base(), [swap('BEL', 'EST'), at('09:00')]);
    const changed = run(swapped, [
      {
        type: 'speaker.change',
        delegationId: 'EST',
        speaker: { name: 'PM' },
        rank: 'head_of_government',
      },
      at('09:05'),
    ]);
    expect(ids(changed)).toEqual(['AUT', 'EST', 'BEL', 'CZE', 'DNK']);
    const withdrawn = run(swapped, [
      { type: 'speaker.withdraw', delegationId: 'EST' },
      at('09:05'),
    ]);
    expect(ids(withdrawn)).toEqual(['AUT', 'BEL', 'CZE', 'DNK']);
  });
});

describe('the floor', () => {
  const list = () =>
    run(
      createList({ speakingTimeSeconds: 180 }),
      [inscribe('IND', { rank: 'head_of_government' }), at('08:00')],
      [inscribe('IDN', { rank: 'minister' }), at('08:05')],
      [inscribe('IRN', { rank: 'ambassador' }), at('08:10')],
    );
  const T0 = Date.parse(at('10:00'));
  const s = (seconds: number) => T0 + seconds * 1000;

  it('gives the floor to the next speaker in order', () => {
    let l = list();
    expect(current(l)).toBeNull();
    expect(upcoming(l, 2).map((q) => q.delegationId)).toEqual(['IND', 'IDN']);
    l = run(l, [{ type: 'speaker.next' }, s(0)]);
    expect(current(l)?.delegationId).toBe('IND');
    expect(ids(l)).toEqual(['IDN', 'IRN']);
    l = run(l, [{ type: 'speaker.next' }, s(100)], [{ type: 'speaker.next' }, s(200)]);
    expect(current(l)?.delegationId).toBe('IRN');
    const done = apply(l, { type: 'speaker.next' }, s(300));
    expect(current(done.state)).toBeNull();
    expect(done.events.map((e) => e.type)).toEqual(['turn_finished', 'list_exhausted']);
    expect(codeOf(() => apply(done.state, { type: 'speaker.next' }, s(301)))).toBe(
      'no_next_speaker',
    );
  });

  it('times a speaker from timestamps: start, pause, resume, overrun, reset', () => {
    let l = run(list(), [{ type: 'speaker.next' }, s(0)], [{ type: 'timer.start' }, s(5)]);
    expect(timerState(l, s(65))).toMatchObject({
      elapsedMs: 60_000,
      remainingMs: 120_000,
      running: true,
    });
    l = run(l, [{ type: 'timer.pause' }, s(65)]);
    expect(timerState(l, s(500))).toMatchObject({
      elapsedMs: 60_000,
      remainingMs: 120_000,
      running: false,
    });
    l = run(l, [{ type: 'timer.resume' }, s(500)]);
    expect(timerState(l, s(610))).toEqual({
      limitMs: 180_000,
      elapsedMs: 170_000,
      remainingMs: 10_000,
      running: true,
      overrun: false,
      overrunMs: 0,
    });
    expect(timerState(l, s(632))).toMatchObject({
      remainingMs: 0,
      overrun: true,
      overrunMs: 12_000,
    });
    // Pausing twice or resuming a running timer changes nothing.
    expect(apply(l, { type: 'timer.resume' }, s(640)).events).toEqual([]);
    l = run(l, [{ type: 'timer.reset' }, s(640)]);
    expect(timerState(l, s(700))).toMatchObject({ elapsedMs: 0, running: false, overrun: false });
    expect(codeOf(() => apply(list(), { type: 'timer.start' }, s(0)))).toBe('no_current_speaker');
  });

  it('takes a point of order first: the speaker is interrupted and resumes after it', () => {
    let l = run(list(), [{ type: 'speaker.next', startTimer: true }, s(0)]);
    l = run(l, [{ type: 'speaker.point_of_order', delegationId: 'PAK' }, s(60)]);
    expect(current(l)).toMatchObject({ kind: 'point_of_order', delegationId: 'PAK' });
    expect(upcoming(l, 2)).toMatchObject([
      { delegationId: 'IND', resumes: true },
      { delegationId: 'IDN', resumes: false },
    ]);
    expect(explain(l, 'IND', 'en')).toBe('interrupted by a point of order; resumes after it');
    l = run(l, [{ type: 'speaker.next' }, s(150)]);
    expect(current(l)).toMatchObject({ kind: 'regular', delegationId: 'IND' });
    // 60 s before the point of order, 30 s after it: the 90 s of the point of order don't count.
    expect(timerState(l, s(180))).toMatchObject({ elapsedMs: 90_000, running: true });
  });

  it('takes a point of order raised between speakers before the next regular speaker', () => {
    let l = run(list(), [{ type: 'speaker.next' }, s(0)], [{ type: 'speaker.next' }, s(100)]);
    l = run(l, [{ type: 'speaker.next' }, s(200)]);
    expect(current(l)?.delegationId).toBe('IRN');
    l = run(
      list(),
      [{ type: 'speaker.next' }, s(0)],
      [{ type: 'speaker.point_of_order', delegationId: 'PAK' }, s(10)],
      [{ type: 'speaker.point_of_order', delegationId: 'NPL' }, s(20)],
    );
    expect(upcoming(l, 3).map((q) => [q.kind, q.delegationId])).toEqual([
      ['point_of_order', 'NPL'],
      ['regular', 'IND'],
      ['regular', 'IDN'],
    ]);
    expect(
      codeOf(() => apply(l, { type: 'speaker.point_of_order', delegationId: 'PAK' }, s(21))),
    ).toBe('already_requested');
  });

  it('takes rights of reply at the end of the day, in request order', () => {
    let l = run(
      list(),
      [{ type: 'speaker.next' }, s(0)],
      [{ type: 'speaker.right_of_reply', delegationId: 'PAK' }, s(10)],
      [{ type: 'speaker.right_of_reply', delegationId: 'CHN' }, s(20)],
    );
    expect(upcoming(l, 5).map((q) => q.delegationId)).toEqual(['IDN', 'IRN', 'PAK', 'CHN']);
    expect(explain(l, 'PAK', 'en')).toBe(
      'right of reply requested 10:00: taken at the end of the day',
    );
    l = run(l, [{ type: 'speaker.next' }, s(100)], [{ type: 'speaker.next' }, s(200)]);
    expect(current(l)?.delegationId).toBe('IRN');
    l = run(l, [{ type: 'speaker.next' }, s(300)]);
    expect(current(l)).toMatchObject({ kind: 'right_of_reply', delegationId: 'PAK' });
    l = run(l, [{ type: 'speaker.next' }, s(400)]);
    expect(current(l)).toMatchObject({ kind: 'right_of_reply', delegationId: 'CHN' });
  });

  it('ends the day on the chair’s word: replies next, the rest of the list the next day', () => {
    let l = run(
      list(),
      [{ type: 'speaker.next' }, s(0)],
      [{ type: 'speaker.right_of_reply', delegationId: 'PAK' }, s(10)],
      [{ type: 'list.end_of_day' }, s(50)],
    );
    expect(upcoming(l, 5).map((q) => q.delegationId)).toEqual(['PAK']);
    l = run(l, [{ type: 'speaker.next' }, s(60)]);
    expect(current(l)).toMatchObject({ kind: 'right_of_reply', delegationId: 'PAK' });
    // A reply requested during the replies joins them, the same day.
    l = run(l, [{ type: 'speaker.right_of_reply', delegationId: 'IND' }, s(70)]);
    l = run(l, [{ type: 'speaker.next' }, s(100)]);
    expect(current(l)).toMatchObject({ kind: 'right_of_reply', delegationId: 'IND' });
    const closing = apply(l, { type: 'speaker.next' }, s(130));
    expect(current(closing.state)).toBeNull();
    expect(closing.events.map((e) => e.type)).toEqual(['turn_finished', 'rights_of_reply_done']);
    const nextDay = run(closing.state, [{ type: 'speaker.next' }, s(86_400)]);
    expect(current(nextDay)?.delegationId).toBe('IDN');
  });
});

describe('explanations', () => {
  it('give the time of inscription in the venue’s time zone, in English and Japanese', () => {
    const list = run(
      createList({ timeZone: 'Asia/Tokyo' }),
      [inscribe('JPN', { rank: 'minister' }), '2013-10-17T00:14:00Z'],
      [inscribe('EU', { rank: 'head_of_io', standing: 'observer' }), '2013-10-17T15:05:00Z'],
    );
    expect(explain(list, 'JPN', 'en')).toBe('member state; rank: Minister; inscribed 09:14');
    expect(explain(list, 'JPN', 'ja')).toBe('加盟国; 順位: 大臣; 09:14 登録');
    // Midnight is 00:05, never 24:05.
    expect(explain(list, 'EU', 'ja')).toBe('オブザーバー; 順位: 国際機関の長; 00:05 登録');
    expect(explain(list, 'KOR', 'en')).toBeUndefined();
  });

  it('follow the venue’s clock across a change to daylight saving time', () => {
    const list = run(
      createList({ timeZone: 'America/New_York' }),
      [inscribe('CAN'), '2024-03-09T14:14:00Z'],
      [inscribe('MEX'), '2024-03-11T14:14:00Z'],
    );
    expect(explain(list, 'CAN', 'en')).toBe('member state; rank: Minister; inscribed 09:14');
    expect(explain(list, 'MEX', 'en')).toBe('member state; rank: Minister; inscribed 10:14');
  });
});

// ---------------------------------------------------------------- properties

const DELEGATIONS = ['BRA', 'USA', 'JPN', 'FRA', 'KEN', 'ITU', 'PSE', 'EU'] as const;
const STANDING_OF: Record<string, Standing> = { ITU: 'observer', PSE: 'observer', EU: 'observer' };

const delegation = fc.constantFrom(...DELEGATIONS);
const rank = fc.constantFrom(...RANKS);
const settingsArb: fc.Arbitrary<Partial<ListSettings>> = fc.record(
  {
    memberStatesFirst: fc.boolean(),
    rankOrder: fc.shuffledSubarray([...RANKS], { minLength: RANKS.length }),
    speakingTimeSeconds: fc.option(fc.integer({ min: 1, max: 900 })),
  },
  { requiredKeys: [] },
);

const commandArb: fc.Arbitrary<ListCommand> = fc.oneof(
  {
    arbitrary: fc
      .tuple(delegation, rank)
      .map(([d, r]) => inscribe(d, { rank: r, standing: STANDING_OF[d] ?? 'member_state' })),
    weight: 8,
  },
  {
    arbitrary: delegation.map((d) => ({ type: 'speaker.withdraw', delegationId: d }) as const),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(delegation, rank).map(
      ([d, r]) =>
        ({
          type: 'speaker.change',
          delegationId: d,
          speaker: { name: 'Another' },
          rank: r,
        }) as const,
    ),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(delegation, delegation, fc.boolean()).map(
      ([a, b, both]) =>
        ({
          type: 'speaker.swap',
          delegationIds: [a, b],
          confirmedBy: both ? [a, b] : [a],
        }) as const,
    ),
    weight: 3,
  },
  { arbitrary: fc.constant({ type: 'speaker.next' } as const), weight: 4 },
  {
    arbitrary: delegation.map(
      (d) => ({ type: 'speaker.point_of_order', delegationId: d }) as const,
    ),
    weight: 1,
  },
  {
    arbitrary: delegation.map(
      (d) => ({ type: 'speaker.right_of_reply', delegationId: d }) as const,
    ),
    weight: 1,
  },
  {
    arbitrary: delegation.map(
      (d) => ({ type: 'speaker.withdraw_right_of_reply', delegationId: d }) as const,
    ),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom({ type: 'list.close' } as const, { type: 'list.reopen' } as const),
    weight: 1,
  },
  {
    arbitrary: fc
      .subarray([...DELEGATIONS], { maxLength: 3 })
      .chain((a) => fc.shuffledSubarray(a, { minLength: a.length }))
      .map((d) => ({ type: 'list.set_first_speakers', delegationIds: d }) as const),
    weight: 1,
  },
  {
    arbitrary: settingsArb.map((s) => ({ type: 'list.configure', settings: s }) as const),
    weight: 1,
  },
  { arbitrary: fc.constant({ type: 'list.end_of_day' } as const), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      { type: 'timer.start' } as const,
      { type: 'timer.pause' } as const,
      { type: 'timer.resume' } as const,
      { type: 'timer.reset' } as const,
    ),
    weight: 2,
  },
  // Malformed input, as an API client might send it.
  {
    arbitrary: fc.constantFrom(
      inscribe('', {}),
      inscribe('XYZ', { rank: 'emperor' as Rank }),
      { type: 'speaker.dance' } as unknown as ListCommand,
      { type: 'list.configure', settings: { timeZone: 'Nowhere/Else' } } as ListCommand,
    ),
    weight: 1,
  },
);

/** Mostly forward in time, sometimes backwards (a stale clock), sometimes a day later. */
const stepArb = fc.tuple(commandArb, fc.integer({ min: -30_000, max: 600_000 }));
const scenarioArb = fc.array(stepArb, { maxLength: 60 });
const START = Date.parse('2024-09-24T13:00:00Z');

interface Outcome {
  state: ListState;
  trace: unknown[];
}

/** Runs a scenario, checking the invariants after every step. */
function play(
  steps: [ListCommand, number][],
  check: (before: ListState, command: ListCommand, after: ListState) => void,
): Outcome {
  let state = createList();
  let now = START;
  const trace: unknown[] = [];
  for (const [command, delta] of steps) {
    now += delta;
    const input = state;
    const snapshot = JSON.stringify(input);
    try {
      const result = apply(state, command, now);
      check(state, command, result.state);
      trace.push(result.events);
      state = result.state;
    } catch (error) {
      if (!(error instanceof SpeakersError)) throw error;
      expect(SPEAKERS_ERROR_CODES).toContain(error.code);
      trace.push(error.code);
    }
    // apply never changes the state it is given, whether it succeeds or refuses.
    expect(JSON.stringify(input)).toBe(snapshot);
  }
  return { state, trace };
}

/** The rules, written again independently of the implementation. */
function ruleKey(state: ListState, seq: number): number[] {
  const i = state.inscriptions.find((x) => x.seq === seq)!;
  const fixed = state.firstSpeakers.indexOf(i.delegationId);
  if (fixed >= 0) return [0, fixed];
  return [
    1,
    state.settings.memberStatesFirst && i.standing === 'observer' ? 1 : 0,
    state.settings.rankOrder.indexOf(i.rank),
    Date.parse(i.inscribedAt),
    i.seq,
  ];
}

function before(x: number[], y: number[]): boolean {
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    const d = (x[k] ?? 0) - (y[k] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

function checkInvariants(state: ListState): void {
  const pending = order(state);
  // (2) no delegation twice, on the list or between the list and the floor.
  const waiting = pending.map((i) => i.delegationId);
  const speaking = [state.current, ...state.interrupted]
    .filter((t) => t?.kind === 'regular')
    .map((t) => t!.delegationId);
  expect(new Set([...waiting, ...speaking]).size).toBe(waiting.length + speaking.length);
  expect(pending.length).toBe(state.inscriptions.filter((i) => i.status === 'pending').length);
  // (1) the order follows the rules for every inscription not in a swap.
  const swapped = new Set(state.swaps.flatMap((w) => [w.a, w.b]));
  const plain = pending.filter((i) => !swapped.has(i.seq));
  for (let k = 1; k < plain.length; k++) {
    expect(before(ruleKey(state, plain[k - 1]!.seq), ruleKey(state, plain[k]!.seq))).toBe(true);
  }
  // (3) every waiting delegation's place is explained, in both languages.
  for (const item of queue(state)) {
    expect(explain(state, item.delegationId, 'en')).toMatch(/\S/);
    expect(explain(state, item.delegationId, 'ja')).toMatch(/\S/);
  }
}

describe('properties of any sequence of commands', () => {
  it('keeps the order total and by the rules, without duplicates, explained, failing only with stable codes', () => {
    fc.assert(
      fc.property(scenarioArb, (steps) => {
        play(steps, (previous, command, next) => {
          checkInvariants(next);
          // `upcoming` announces exactly whom `speaker.next` calls.
          if (command.type === 'speaker.next') {
            const announced = queue(previous)[0];
            expect(next.current && { kind: next.current.kind, seq: next.current.seq }).toEqual(
              announced ? { kind: announced.kind, seq: announced.seq } : null,
            );
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('exchanges exactly the two places on a swap, leaving everyone else where they were', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.nat(), (steps, x, y) => {
        const { state } = play(steps, () => {});
        const pending = order(state);
        if (pending.length < 2) return;
        const i = x % pending.length;
        const j = (i + 1 + (y % (pending.length - 1))) % pending.length;
        const a = pending[i]!.delegationId;
        const b = pending[j]!.delegationId;
        const swapped = apply(
          state,
          { type: 'speaker.swap', delegationIds: [a, b], confirmedBy: [b, a] },
          START + 1e9,
        ).state;
        const expected = pending.map((p) => p.delegationId);
        expected[i] = b;
        expected[j] = a;
        expect(ids(swapped)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic, and works the same on a state that went through JSON storage', () => {
    fc.assert(
      fc.property(scenarioArb, (steps) => {
        const first = play(steps, () => {});
        const second = play(steps, () => {});
        expect(second).toEqual(first);
        // Replayed through JSON (as the service stores it): same states, same events.
        let stored = JSON.parse(JSON.stringify(createList())) as ListState;
        let now = START;
        const trace: unknown[] = [];
        for (const [command, delta] of steps) {
          now += delta;
          try {
            const result = apply(stored, command, now);
            trace.push(result.events);
            stored = JSON.parse(JSON.stringify(result.state)) as ListState;
          } catch (error) {
            trace.push((error as SpeakersError).code);
          }
        }
        expect(trace).toEqual(first.trace);
        expect(stored).toEqual(first.state);
      }),
      { numRuns: 150 },
    );
  });
});
