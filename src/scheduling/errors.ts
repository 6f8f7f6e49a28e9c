/**
 * Errors of the scheduling core, with stable codes. The CLI maps them to exit codes and the
 * server to HTTP statuses; nothing here knows about either.
 */
export type SchedulingErrorCode =
  /** The instance JSON breaks FORMAT.md (unknown id, duplicate, reversed window, ...). */
  | 'instance_malformed'
  /** A solution JSON breaks FORMAT.md or does not belong to the instance. */
  | 'solution_malformed'
  /** The pinned meetings cannot all hold at once: no feasible schedule exists. */
  | 'pinned_conflict';

export class SchedulingInputError extends Error {
  readonly code: SchedulingErrorCode;

  constructor(code: SchedulingErrorCode, message: string) {
    super(message);
    this.name = 'SchedulingInputError';
    this.code = code;
  }
}
