import { describe, expect, it } from 'vitest';
import { SchedulingInputError } from './errors.js';
import { independentCheck, publicInstance } from './fixtures.test-support.js';
import { anInstance } from './test-support.js';
import type { BilateralInstance } from './types.js';
import { validateInstance, validateSolution } from './validate.js';

const base = (): BilateralInstance =>
  anInstance()
    .days(2, 3)
    .room('A', 6)
    .delegations('JPN', 'KOR', 'USA')
    .meeting('JPN-KOR', 3, { window: ['d1-s0', 'd1-s2'] })
    .build();

const emptySolution = { format: 'plenary.bilaterals-solution/1' as const, meetings: [] };

/** Each mutation breaks one malformed-input rule; the message must name the field. */
const malformations: [string, (i: BilateralInstance) => void, RegExp][] = [
  ['wrong format', (i) => ((i as { format: string }).format = 'v0'), /format must be/],
  ['duplicate slot id', (i) => i.slots.push({ id: 'd1-s0', day: 2 }), /duplicate slot id "d1-s0"/],
  [
    'slots out of day order',
    (i) => i.slots.push({ id: 'late', day: 1 }),
    /slots must be in time order/,
  ],
  ['duplicate room id', (i) => i.rooms.push({ id: 'A', capacity: 2 }), /duplicate room id "A"/],
  ['negative capacity', (i) => (i.rooms[0]!.capacity = -1), /capacity must be a non-negative/],
  ['unknown room slot', (i) => (i.rooms[0]!.unavailable = ['d9-s9']), /"d9-s9" is not a slot id/],
  [
    'duplicate delegation',
    (i) => i.delegations.push({ id: 'USA' }),
    /duplicate delegation id "USA"/,
  ],
  [
    'duplicate request',
    (i) => i.requests.push({ ...i.requests[0]! }),
    /duplicate request id "JPN-KOR"/,
  ],
  [
    'unknown party',
    (i) => (i.requests[0]!.parties = ['JPN', 'FRA']),
    /"FRA" is not a delegation id/,
  ],
  ['single party', (i) => (i.requests[0]!.parties = ['JPN']), /two or more delegation ids/],
  ['party twice', (i) => (i.requests[0]!.parties = ['JPN', 'JPN']), /lists a delegation twice/],
  ['zero priority', (i) => (i.requests[0]!.priority = 0), /priority must be a positive integer/],
  ['zero length', (i) => (i.requests[0]!.length = 0), /length must be a positive integer/],
  ['reversed window', (i) => (i.requests[0]!.window = ['d1-s2', 'd1-s0']), /after its end "d1-s0"/],
  ['unknown window slot', (i) => (i.requests[0]!.window = ['d1-s0', 'x']), /"x" is not a slot id/],
  [
    'pinned to unknown room',
    (i) => (i.requests[0]!.pinned = { room: 'Z', start: 'd1-s0' }),
    /pinned.room "Z" is not a room id/,
  ],
  [
    'pinned to unknown slot',
    (i) => (i.requests[0]!.pinned = { room: 'A', start: 'nope' }),
    /pinned.start "nope" is not a slot id/,
  ],
];

describe('validateInstance', () => {
  it('accepts a well-formed instance and the public ones', () => {
    expect(validateInstance(base()).requests).toHaveLength(1);
    expect(validateInstance(publicInstance('seoul-1')).requests).toHaveLength(72);
  });

  it.each(malformations)(
    'rejects %s with a stable code, as check.mjs does',
    (_, mutate, message) => {
      const instance = base();
      mutate(instance);
      let caught: unknown;
      try {
        validateInstance(instance);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SchedulingInputError);
      expect((caught as SchedulingInputError).code).toBe('instance_malformed');
      expect((caught as Error).message).toMatch(message);
      expect(() => independentCheck(instance, emptySolution)).toThrow(/./);
    },
  );

  it('rejects what is not an object', () => {
    expect(() => validateInstance(null)).toThrow(/must be a JSON object/);
    expect(() => validateInstance({ format: 'plenary.bilaterals/1' })).toThrow(
      /slots must be an array/,
    );
  });
});

describe('validateSolution', () => {
  it('rejects a request listed twice and a solution for another instance', () => {
    const meeting = { request: 'JPN-KOR', room: 'A', start: 'd1-s0' };
    const twice = { ...emptySolution, meetings: [meeting, meeting] };
    expect(() => validateSolution(twice, base())).toThrow(/appears twice/);
    const other = { ...emptySolution, instance: 'other' };
    expect(() => validateSolution(other, base())).toThrow(/is for instance "other"/);
    const unknown = { ...emptySolution, meetings: [{ ...meeting, room: 'B' }] };
    expect(() => validateSolution(unknown, base())).toThrow(/room "B" is not a room id/);
    expect(validateSolution(unknown, base(), true).meetings).toHaveLength(1);
  });
});
