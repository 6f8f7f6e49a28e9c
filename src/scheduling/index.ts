/** The bilateral-meeting scheduler: a pure module on the exchange format of FORMAT.md. */
export { type SchedulingErrorCode, SchedulingInputError } from './errors.js';
export { type Evaluation, evaluateSolution, type Violation } from './evaluate.js';
export { type GeneratorOptions, generateInstance } from './generate.js';
export {
  type ChangeReason,
  type MeetingChange,
  type ReplanOptions,
  type ReplanResult,
  replan,
} from './replan.js';
export { type SolveOptions, type SolveResult, type SolveStats, solve } from './solve.js';
export type {
  BilateralDelegation,
  BilateralInstance,
  BilateralRequest,
  BilateralRoom,
  BilateralSlot,
  BilateralSolution,
  PinnedMeeting,
  ScheduledMeeting,
} from './types.js';
export { validateInstance, validateSolution } from './validate.js';
