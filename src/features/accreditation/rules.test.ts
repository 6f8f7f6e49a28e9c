import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RANKS } from '../../db/schema.js';
import {
  decisionRefusal,
  highestRanked,
  nominationOpen,
  photoRequired,
  statusAfterEdit,
} from './rules.js';

const at = (iso: string) => new Date(iso);

describe('accreditation rules', () => {
  it('requires photos except of heads of state and government and vice-presidents', () => {
    expect(photoRequired('head_of_state')).toBe(false);
    expect(photoRequired('head_of_government')).toBe(false);
    expect(photoRequired('vice_president')).toBe(false);
    expect(photoRequired('vice_minister')).toBe(true);
    expect(photoRequired('head_of_io')).toBe(true);
  });

  it('closes nominations after the deadline unless reopened, for the category or the delegation', () => {
    const deadline = at('2013-10-04T00:00:00Z');
    const late = at('2013-10-10T00:00:00Z');
    expect(
      nominationOpen(
        { deadline, categoryReopenedUntil: null, delegationReopenedUntil: null },
        at('2013-10-03T23:59:59Z'),
      ),
    ).toBe(true);
    expect(
      nominationOpen(
        { deadline, categoryReopenedUntil: null, delegationReopenedUntil: null },
        late,
      ),
    ).toBe(false);
    expect(
      nominationOpen(
        {
          deadline,
          categoryReopenedUntil: at('2013-10-11T00:00:00Z'),
          delegationReopenedUntil: null,
        },
        late,
      ),
    ).toBe(true);
    expect(
      nominationOpen(
        {
          deadline,
          categoryReopenedUntil: null,
          delegationReopenedUntil: at('2013-10-09T00:00:00Z'),
        },
        late,
      ),
    ).toBe(false);
    expect(
      nominationOpen(
        { deadline: null, categoryReopenedUntil: null, delegationReopenedUntil: null },
        late,
      ),
    ).toBe(true);
  });

  it('returns decided nominations to review when edited', () => {
    expect(statusAfterEdit('approved')).toBe('nominated');
    expect(statusAfterEdit('rejected')).toBe('nominated');
    expect(statusAfterEdit('nominated')).toBe('nominated');
    expect(decisionRefusal('approved', 'approve')).toBe('already_decided');
    expect(decisionRefusal('rejected', 'approve')).toBeNull();
    expect(decisionRefusal('withdrawn', 'reject')).toBe('withdrawn');
  });

  it('picks the highest-ranked member as head, whatever the order of members', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RANKS), { minLength: 1, maxLength: 30 }), (ranks) => {
        const people = ranks.map((rank, i) => ({ rank, i }));
        const head = highestRanked(people)!;
        return people.every((p) => RANKS.indexOf(p.rank) >= RANKS.indexOf(head.rank));
      }),
    );
  });
});
