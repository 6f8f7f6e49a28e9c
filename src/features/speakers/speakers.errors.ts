/**
 * The stable codes the list-of-speakers engine throws, and what kind of failure each is, in the
 * vocabulary of platform/errors.ts (`ERROR_KINDS`) so the server and the CLI can map them the
 * same way as every other code.
 */
export const SPEAKERS_ERROR_KINDS = {
  /** An inscription (or re-inscription) while the chair has closed the list. */
  speakers_list_closed: 'conflict',
  /** The delegation already has a pending, current or completed inscription on this list. */
  already_inscribed: 'conflict',
  /** No pending inscription of that delegation (never inscribed, withdrawn, speaking or spoken). */
  not_inscribed: 'conflict',
  /** A swap without the confirmation of both delegations (a swap is by joint notice). */
  swap_not_confirmed: 'conflict',
  /** The delegation already has a point of order, or a right of reply, waiting. */
  already_requested: 'conflict',
  /** No waiting right of reply of that delegation to withdraw. */
  not_requested: 'conflict',
  /** A timer command while nobody has the floor. */
  no_current_speaker: 'conflict',
  /** `speaker.next` with nobody speaking and nobody waiting. */
  no_next_speaker: 'conflict',
  /** Malformed input: unknown command or rank, empty delegation id, unreadable time… */
  invalid_command: 'invalid',
  /** Settings that cannot be used: a rank order that is not a permutation of RANKS, an unknown time zone… */
  invalid_settings: 'invalid',
} as const;

export type SpeakersErrorCode = keyof typeof SPEAKERS_ERROR_KINDS;
export const SPEAKERS_ERROR_CODES = Object.keys(SPEAKERS_ERROR_KINDS) as SpeakersErrorCode[];

export class SpeakersError extends Error {
  readonly code: SpeakersErrorCode;

  constructor(code: SpeakersErrorCode, message: string) {
    super(message);
    this.name = 'SpeakersError';
    this.code = code;
  }

  get kind(): (typeof SPEAKERS_ERROR_KINDS)[SpeakersErrorCode] {
    return SPEAKERS_ERROR_KINDS[this.code];
  }
}
