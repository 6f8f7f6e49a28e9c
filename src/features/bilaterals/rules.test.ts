import { describe, expect, it } from 'vitest';
import { evaluateSolution } from '../../scheduling/index.js';
import { nextRequestState, requestFlags, slotGrid, toInstance } from './rules.js';

const grid = slotGrid(
  { startDate: '2013-10-17', endDate: '2013-10-18', timeZone: 'Asia/Seoul' },
  { slotMinutes: 30, dayStart: '08:30', dayEnd: '19:00' },
);
const at = (day: number, time: string) => Date.parse(`2013-10-${day}T${time}:00+09:00`);

describe('rank parity', () => {
  it('flags principals more than one protocol level apart, never blocks', () => {
    expect(requestFlags(['vice_minister', 'foreign_minister'])).toEqual([]);
    expect(requestFlags(['foreign_minister', 'minister'])).toEqual([]);
    expect(requestFlags(['head_of_io', 'head_of_government'])).toEqual([]);
    expect(requestFlags(['delegate', 'foreign_minister'])).toEqual(['rank_mismatch']);
    expect(requestFlags(['head_of_state', 'foreign_minister', 'minister'])).toEqual([
      'rank_mismatch',
    ]);
    expect(requestFlags(['minister', null])).toEqual(['no_principal']);
  });
});

describe('request state machine', () => {
  const pending = {
    status: 'pending' as const,
    window: null,
    parties: [
      { delegationId: 'A', response: 'pending' as const, proposed: null },
      { delegationId: 'B', response: 'pending' as const, proposed: null },
    ],
  };
  it('is accepted when every counterpart accepted, declined when one declined', () => {
    const one = nextRequestState(pending, {
      type: 'respond',
      delegationId: 'A',
      response: 'accepted',
    });
    expect(one.status).toBe('pending');
    expect(
      nextRequestState(one, { type: 'respond', delegationId: 'B', response: 'accepted' }).status,
    ).toBe('accepted');
    expect(
      nextRequestState(one, { type: 'respond', delegationId: 'B', response: 'declined' }).status,
    ).toBe('declined');
  });
  it('needs a window for a counter-proposal; closed requests stay closed', () => {
    expect(() =>
      nextRequestState(pending, { type: 'respond', delegationId: 'A', response: 'proposed' }),
    ).toThrow(/window/);
    const cancelled = nextRequestState(pending, { type: 'cancel' });
    expect(() => nextRequestState(cancelled, { type: 'cancel' })).toThrowError(
      expect.objectContaining({ code: 'request_closed' }),
    );
    expect(() =>
      nextRequestState(pending, { type: 'respond', delegationId: 'Z', response: 'accepted' }),
    ).toThrowError(expect.objectContaining({ code: 'not_a_party' }));
  });
});

describe('records → instance', () => {
  it('makes slots of the venue day, keeps principals out of their present sessions, pins confirmed meetings', () => {
    expect(grid.slots).toHaveLength(42);
    expect(grid.slots[0]).toMatchObject({ id: 'd1-0830', start: at(17, '08:30') });
    const { instance, previous, excluded } = toInstance({
      name: 'seoul-2013',
      grid,
      transferMinutes: 15,
      seatsPerDelegation: 2,
      rooms: [{ code: 'booth-1', capacity: 10, zone: 'COEX-3F', unavailable: [] }],
      principals: [
        {
          delegationCode: 'JPN',
          participantId: 'p1',
          busy: [{ start: at(17, '14:00'), end: at(17, '15:30') }],
        },
        { delegationCode: 'AUS', participantId: 'p2', busy: [] },
        { delegationCode: 'RWA', participantId: null, busy: [] },
      ],
      requests: [
        {
          id: 'r1',
          status: 'accepted',
          parties: ['JPN', 'AUS'],
          priority: 3,
          lengthMinutes: 20,
          window: { start: at(17, '09:00'), end: at(17, '12:10') },
        },
        {
          id: 'r2',
          status: 'accepted',
          parties: ['JPN', 'RWA'],
          priority: 1,
          lengthMinutes: 30,
          window: null,
        },
      ],
      meetings: [
        {
          id: 'm1',
          requestId: 'r1',
          roomCode: 'booth-1',
          start: at(17, '10:00'),
          end: at(17, '10:20'),
          status: 'confirmed',
        },
      ],
    });
    expect(instance.transferSlots).toBe(1);
    expect(instance.delegations.find((d) => d.id === 'JPN')!.unavailable).toEqual([
      'd1-1400',
      'd1-1430',
      'd1-1500',
    ]);
    expect(excluded).toEqual([{ requestId: 'r2', reason: 'no_principal' }]);
    // 20 minutes take one 30-minute slot; the window narrows to whole slots; two parties, four seats.
    expect(instance.requests).toEqual([
      {
        id: 'r1',
        parties: ['JPN', 'AUS'],
        priority: 3,
        length: 1,
        size: 4,
        window: ['d1-0900', 'd1-1130'],
        pinned: { room: 'booth-1', start: 'd1-1000' },
      },
    ]);
    expect(previous.meetings).toEqual([]);
    const pinned = {
      format: 'plenary.bilaterals-solution/1' as const,
      meetings: [{ request: 'r1', room: 'booth-1', start: 'd1-1000' }],
    };
    expect(evaluateSolution(instance, pinned).feasible).toBe(true);
  });
});
