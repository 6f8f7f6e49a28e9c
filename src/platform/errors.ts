/**
 * Errors with stable codes and no HTTP inside the domain. The server maps codes to HTTP statuses
 * (server/errors.plugin.ts), the CLI to exit codes and messages (cli/main.ts).
 */
export const ERROR_KINDS = {
  // bad input
  validation_failed: 'invalid',
  invalid_file: 'invalid',
  invalid_cursor: 'invalid',
  import_has_errors: 'invalid',
  instance_malformed: 'invalid',
  unknown_rank: 'invalid',
  // who you are
  not_signed_in: 'unauthenticated',
  invalid_credentials: 'unauthenticated',
  invitation_invalid: 'gone',
  // what you may do
  forbidden: 'forbidden',
  csrf_failed: 'forbidden',
  // what exists
  not_found: 'not_found',
  edition_not_found: 'not_found',
  delegation_not_found: 'not_found',
  participant_not_found: 'not_found',
  file_not_found: 'not_found',
  // state of the world
  nomination_after_deadline: 'conflict',
  already_decided: 'conflict',
  version_conflict: 'conflict',
  duplicate: 'conflict',
  not_approved: 'conflict',
  data_folder_locked: 'conflict',
  room_double_booked: 'conflict',
  principal_double_booked: 'conflict',
  session_not_found: 'not_found',
  room_not_found: 'not_found',
  badge_code_invalid: 'invalid',
  file_too_large: 'too_large',
  rate_limited: 'rate_limited',
  // lists of speakers (features/speakers/speakers.errors.ts: the engine's codes)
  speakers_list_closed: 'conflict',
  already_inscribed: 'conflict',
  not_inscribed: 'conflict',
  swap_not_confirmed: 'conflict',
  already_requested: 'conflict',
  not_requested: 'conflict',
  no_current_speaker: 'conflict',
  no_next_speaker: 'conflict',
  invalid_command: 'invalid',
  invalid_settings: 'invalid',
  // bilateral meetings (features/bilaterals)
  not_a_party: 'forbidden',
  request_not_found: 'not_found',
  meeting_not_found: 'not_found',
  request_not_pending: 'conflict',
  request_closed: 'conflict',
  meeting_confirmed: 'conflict',
  meeting_tentative: 'conflict',
  principal_busy: 'conflict',
  principal_in_session: 'conflict',
  outside_window: 'conflict',
  room_too_small: 'conflict',
  room_unavailable: 'conflict',
  transfer_time: 'conflict',
  no_principal: 'conflict',
  plan_stale: 'conflict',
  plan_invalid: 'conflict',
  not_on_slot: 'invalid',
  // outcome documents (features/documents)
  document_not_found: 'not_found',
  amendment_not_found: 'not_found',
  paragraph_not_found: 'not_found',
  invalid_span: 'invalid',
  amendment_conflict: 'conflict',
  invalid_transition: 'conflict',
  document_not_negotiable: 'conflict',
  silence_running: 'conflict',
  silence_not_running: 'conflict',
} as const;

export type ErrorCode = keyof typeof ERROR_KINDS;
export type ErrorKind = (typeof ERROR_KINDS)[ErrorCode];

export interface ErrorDetail {
  /** 1-based line of an imported file, where the problem is. */
  line?: number;
  field?: string;
  code: string;
  message: string;
}

export class PlenaryError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: ErrorDetail[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'PlenaryError';
    this.code = code;
    this.details = options.details;
    this.extra = options.extra;
  }

  get kind(): ErrorKind {
    return ERROR_KINDS[this.code];
  }
}

export const notFound = (what: string) => new PlenaryError('not_found', `${what} was not found.`);
export const forbidden = (message = 'You may not do this.') =>
  new PlenaryError('forbidden', message);
