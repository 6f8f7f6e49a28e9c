import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signBadgeCode, verifyBadgeCode } from './badge-token.js';

const key = randomBytes(32);
const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('badge codes', () => {
  it('round-trips the participant and serial', () => {
    expect(verifyBadgeCode(key, signBadgeCode(key, id, 3))).toEqual({
      participantId: id,
      serial: 3,
    });
  });

  it('refuses a code signed with another key, or with any character changed', () => {
    const code = signBadgeCode(key, id, 1);
    expect(verifyBadgeCode(randomBytes(32), code)).toBeNull();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: code.length - 1 }),
        fc.constantFrom(...'0123456789abcdefABCDEF-_.'),
        (index, ch) => {
          const changed = code.slice(0, index) + ch + code.slice(index + 1);
          return changed === code || verifyBadgeCode(key, changed) === null;
        },
      ),
    );
  });
});
