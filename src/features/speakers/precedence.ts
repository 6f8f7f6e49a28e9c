/**
 * The list of speakers of one session as plain data, changed only by `apply(state, command, now)`
 * — a pure reducer: no IO, no clock (every time is passed in), no mutation of its input. The
 * service stores the state (or replays the stored commands), writes the events to the audit log,
 * and shows `order`, `current`, `upcoming`, `timerState` and `explain` to the hall.
 *
 * The rules (DOMAIN.md, "Programme and lists of speakers"):
 *
 * ORDER of the pending inscriptions, by each inscription's NATURAL KEY, compared field by field:
 *   1. the chair's fixed first speakers, in the chair's order (UNGA: Brazil first, the host
 *      second) — a fixed position belongs to the delegation, so it holds even after the
 *      delegation withdraws and comes back or changes its speaker;
 *   2. when `memberStatesFirst` (default true): member states before observers;
 *   3. level of representation: the index of the speaker's rank in `settings.rankOrder`
 *      (default RANKS; a conference may put `head_of_io` elsewhere);
 *   4. time of inscription;
 *   5. the inscription's sequence number (unique per list, increasing) — the stable tie-breaker.
 * Time never runs backwards inside a list: a command whose `now` is earlier than the latest
 * `now` seen is taken at that latest time, so inscription times and sequence numbers agree and a
 * re-inscription always lands at the end of its rank.
 *
 * SWAPS (joint notice of two delegations): a swap EXCHANGES THE TWO INSCRIPTIONS' SORT KEYS.
 * Keys are recomputed from the live data at every read and the recorded swaps are then applied in
 * the order they were made, each exchanging whatever keys its two inscriptions hold at that
 * point. So a swapped pair keeps each other's places through later re-sorts (new inscriptions,
 * other withdrawals, a changed rank order): A speaks where B would have spoken and vice versa.
 * When one of the two has already spoken, the other keeps the key it took over (it agreed to speak
 * in that place). A swap is DISSOLVED — both return to their own keys — when either inscription
 * is withdrawn or changes its speaker, because the notice was given for those speakers.
 *
 * TURNS: `speaker.next` ends the current turn and gives the floor to, in this order,
 *   1. a waiting point of order (a point of order raised while somebody speaks interrupts them
 *      at once: their timer pauses, they wait on the `interrupted` stack);
 *   2. the interrupted speaker, whose timer resumes if it was running when interrupted;
 *   3. during the day: the first regular speaker of `order(state)`;
 *   4. rights of reply, in request order, at the end of the day — after `list.end_of_day`, or
 *      when the regular list is exhausted. Once the day's replies are taken the list returns to
 *      the regular phase (the next day continues the list).
 * `queue(state)` lists exactly that order, so `upcoming(state, 1)` is whom `speaker.next` calls.
 */
import { type OrganisationKind, RANKS, type Rank } from '../../db/schema.js';
import { type Lang, rankLabel } from '../../platform/i18n/i18n.js';
import { SpeakersError } from './speakers.errors.js';

// ---------------------------------------------------------------- data

/** Member states come before observers (observer states, IOs, NGOs…) when the conference says so. */
export const STANDINGS = ['member_state', 'observer'] as const;
export type Standing = (typeof STANDINGS)[number];

export interface Speaker {
  /** The person, as announced: "H.E. Mr Fumio Kishida". */
  name: string;
  /** Title as words (外務大臣, "Minister for Foreign Affairs"); ranks are data, not titles. */
  title?: string;
}

export interface ListSettings {
  memberStatesFirst: boolean;
  /** A permutation of RANKS, highest first. */
  rankOrder: readonly Rank[];
  /** Speaking time limit of a regular speaker; null = no limit. */
  speakingTimeSeconds: number | null;
  /** Time limit of a right of reply; null = no limit. Points of order have no limit. */
  rightOfReplySeconds: number | null;
  /** The venue's IANA time zone, for explanations ("inscribed 09:14"). */
  timeZone: string;
}

export const DEFAULT_SETTINGS: ListSettings = {
  memberStatesFirst: true,
  rankOrder: RANKS,
  speakingTimeSeconds: null,
  rightOfReplySeconds: null,
  timeZone: 'UTC',
};

export type InscriptionStatus = 'pending' | 'speaking' | 'spoken' | 'withdrawn';

export interface Inscription {
  /** Unique per list and increasing: the stable tie-breaker and the inscription's identity. */
  seq: number;
  delegationId: string;
  speaker: Speaker;
  rank: Rank;
  standing: Standing;
  /** ISO instant. Kept when the speaker changes; new when a withdrawn delegation comes back. */
  inscribedAt: string;
  status: InscriptionStatus;
}

/** A point of order or a right of reply, waiting for the floor. */
export interface FloorRequest {
  seq: number;
  delegationId: string;
  speaker: Speaker | null;
  requestedAt: string;
}

/** Time spoken so far = elapsedMs + (now - runningSinceMs while running). */
export interface Timer {
  elapsedMs: number;
  runningSinceMs: number | null;
}

export type TurnKind = 'regular' | 'point_of_order' | 'right_of_reply';

export interface Turn {
  kind: TurnKind;
  /** The inscription's seq (regular) or the request's seq. */
  seq: number;
  delegationId: string;
  speaker: Speaker | null;
  startedAt: string;
  timer: Timer;
}

export interface InterruptedTurn extends Turn {
  /** Whether the timer was running when the point of order interrupted: it runs again on resuming. */
  timerWasRunning: boolean;
}

/** Inscriptions `a` and `b` (seqs) exchanged their sort keys by joint notice. */
export interface Swap {
  a: number;
  b: number;
  at: string;
}

export interface ListState {
  settings: ListSettings;
  open: boolean;
  /** The chair's fixed first speakers, in order. */
  firstSpeakers: string[];
  /** Every inscription ever made on the list, withdrawn and spoken ones included. */
  inscriptions: Inscription[];
  /** Active swaps, in the order they were made. */
  swaps: Swap[];
  current: Turn | null;
  /** Speakers interrupted by points of order; the last one resumes first. */
  interrupted: InterruptedTurn[];
  pointsOfOrder: FloorRequest[];
  rightsOfReply: FloorRequest[];
  phase: 'regular' | 'rights_of_reply';
  nextSeq: number;
  /** The latest `now` seen (epoch ms): time inside a list never runs backwards. */
  clockMs: number;
}

// ---------------------------------------------------------------- commands and events

/** Command types are the actions of the shared vocabulary (audit log, API, CLI, UI labels). */
export type ListCommand =
  | {
      type: 'speaker.inscribe';
      delegationId: string;
      speaker: Speaker;
      rank: Rank;
      standing: Standing;
    }
  | { type: 'speaker.withdraw'; delegationId: string }
  | { type: 'speaker.change'; delegationId: string; speaker: Speaker; rank: Rank }
  | {
      type: 'speaker.swap';
      delegationIds: readonly [string, string];
      confirmedBy: readonly string[];
    }
  | { type: 'speaker.next'; startTimer?: boolean }
  | { type: 'speaker.point_of_order'; delegationId: string; speaker?: Speaker | null }
  | { type: 'speaker.right_of_reply'; delegationId: string; speaker?: Speaker | null }
  | { type: 'speaker.withdraw_right_of_reply'; delegationId: string }
  | { type: 'list.close' }
  | { type: 'list.reopen' }
  | { type: 'list.set_first_speakers'; delegationIds: readonly string[] }
  | { type: 'list.configure'; settings: Partial<ListSettings> }
  | { type: 'list.end_of_day' }
  | { type: 'timer.start' }
  | { type: 'timer.pause' }
  | { type: 'timer.resume' }
  | { type: 'timer.reset' };

export type ListCommandType = ListCommand['type'];

export const COMMAND_TYPES = [
  'speaker.inscribe',
  'speaker.withdraw',
  'speaker.change',
  'speaker.swap',
  'speaker.next',
  'speaker.point_of_order',
  'speaker.right_of_reply',
  'speaker.withdraw_right_of_reply',
  'list.close',
  'list.reopen',
  'list.set_first_speakers',
  'list.configure',
  'list.end_of_day',
  'timer.start',
  'timer.pause',
  'timer.resume',
  'timer.reset',
] as const satisfies readonly ListCommandType[];

type SwapParty = { seq: number; delegationId: string };

/** What happened, with before/after where something changed: the audit log's payloads. */
export type ListEvent =
  | { type: 'inscribed'; inscription: Inscription }
  | { type: 'withdrawn'; seq: number; delegationId: string }
  | {
      type: 'speaker_changed';
      seq: number;
      delegationId: string;
      before: { speaker: Speaker; rank: Rank };
      after: { speaker: Speaker; rank: Rank };
    }
  | { type: 'swapped'; a: SwapParty; b: SwapParty }
  | { type: 'swap_dissolved'; a: SwapParty; b: SwapParty; reason: 'withdrawn' | 'speaker_changed' }
  | { type: 'list_closed' }
  | { type: 'list_reopened' }
  | { type: 'first_speakers_set'; before: string[]; after: string[] }
  | { type: 'settings_changed'; before: ListSettings; after: ListSettings }
  | { type: 'turn_finished'; kind: TurnKind; seq: number; delegationId: string; spokenMs: number }
  | { type: 'turn_started'; kind: TurnKind; seq: number; delegationId: string; resumed: boolean }
  | { type: 'interrupted'; kind: TurnKind; seq: number; delegationId: string }
  | { type: 'point_of_order_raised'; request: FloorRequest; taken: boolean }
  | { type: 'right_of_reply_requested'; request: FloorRequest }
  | { type: 'right_of_reply_withdrawn'; seq: number; delegationId: string }
  | { type: 'day_ended'; rightsOfReply: number }
  | { type: 'rights_of_reply_done' }
  | { type: 'list_exhausted' }
  | { type: 'timer_started' | 'timer_paused' | 'timer_resumed' | 'timer_reset'; elapsedMs: number };

export interface Applied {
  state: ListState;
  events: ListEvent[];
}

/** An instant: ISO string, epoch milliseconds or Date. */
export type Instant = string | number | Date;

// ---------------------------------------------------------------- creating a list

export function createList(settings: Partial<ListSettings> = {}): ListState {
  return {
    settings: validSettings({ ...DEFAULT_SETTINGS, ...settings }),
    open: true,
    firstSpeakers: [],
    inscriptions: [],
    swaps: [],
    current: null,
    interrupted: [],
    pointsOfOrder: [],
    rightsOfReply: [],
    phase: 'regular',
    nextSeq: 1,
    clockMs: 0,
  };
}

/** Folds stored commands into a state, for event-sourced storage. */
export function replay(
  initial: ListState,
  entries: readonly { command: ListCommand; now: Instant }[],
): ListState {
  return entries.reduce((state, { command, now }) => apply(state, command, now).state, initial);
}

// ---------------------------------------------------------------- apply

export function apply(state: ListState, command: ListCommand, now: Instant): Applied {
  const ms = toMs(now);
  // Work on a copy: the caller's state is never touched.
  const s: ListState = structuredClone(state);
  s.clockMs = Math.max(s.clockMs, ms);
  const t = s.clockMs;
  const events: ListEvent[] = [];
  if (typeof command !== 'object' || command === null) {
    throw new SpeakersError('invalid_command', 'A command is an object with a type.');
  }

  switch (command.type) {
    case 'speaker.inscribe': {
      const delegationId = validId(command.delegationId);
      const speaker = validSpeaker(command.speaker);
      const rank = validRank(command.rank);
      const standing = validStanding(command.standing);
      if (!s.open)
        throw new SpeakersError('speakers_list_closed', 'The list of speakers is closed.');
      if (s.inscriptions.some((i) => i.delegationId === delegationId && i.status !== 'withdrawn')) {
        throw new SpeakersError(
          'already_inscribed',
          'This delegation is already inscribed on this list (one inscription per delegation).',
        );
      }
      const inscription: Inscription = {
        seq: s.nextSeq++,
        delegationId,
        speaker,
        rank,
        standing,
        inscribedAt: iso(t),
        status: 'pending',
      };
      s.inscriptions.push(inscription);
      events.push({ type: 'inscribed', inscription: structuredClone(inscription) });
      break;
    }

    case 'speaker.withdraw': {
      const inscription = pendingOf(s, validId(command.delegationId));
      inscription.status = 'withdrawn';
      dissolveSwaps(s, inscription.seq, 'withdrawn', events);
      events.push({
        type: 'withdrawn',
        seq: inscription.seq,
        delegationId: inscription.delegationId,
      });
      break;
    }

    case 'speaker.change': {
      const speaker = validSpeaker(command.speaker);
      const rank = validRank(command.rank);
      const inscription = pendingOf(s, validId(command.delegationId));
      const before = { speaker: inscription.speaker, rank: inscription.rank };
      // The inscription keeps its time and sequence number; its rank re-sorts it.
      inscription.speaker = speaker;
      inscription.rank = rank;
      dissolveSwaps(s, inscription.seq, 'speaker_changed', events);
      events.push({
        type: 'speaker_changed',
        seq: inscription.seq,
        delegationId: inscription.delegationId,
        before,
        after: { speaker, rank },
      });
      break;
    }

    case 'speaker.swap': {
      const ids = command.delegationIds;
      if (!Array.isArray(ids) || ids.length !== 2) {
        throw new SpeakersError('invalid_command', 'A swap names exactly two delegations.');
      }
      const [first, second] = [validId(ids[0]), validId(ids[1])];
      if (first === second) {
        throw new SpeakersError('invalid_command', 'A delegation cannot swap with itself.');
      }
      const confirmedBy = Array.isArray(command.confirmedBy) ? command.confirmedBy : [];
      if (!confirmedBy.includes(first) || !confirmedBy.includes(second)) {
        throw new SpeakersError(
          'swap_not_confirmed',
          'Both delegations must give notice of a swap.',
        );
      }
      const a = pendingOf(s, first);
      const b = pendingOf(s, second);
      s.swaps.push({ a: a.seq, b: b.seq, at: iso(t) });
      events.push({
        type: 'swapped',
        a: { seq: a.seq, delegationId: a.delegationId },
        b: { seq: b.seq, delegationId: b.delegationId },
      });
      break;
    }

    case 'speaker.next': {
      const finished = s.current;
      if (finished) {
        s.current = null;
        if (finished.kind === 'regular') inscriptionBySeq(s, finished.seq).status = 'spoken';
        events.push({
          type: 'turn_finished',
          kind: finished.kind,
          seq: finished.seq,
          delegationId: finished.delegationId,
          spokenMs: spokenMs(finished.timer, t),
        });
      }
      const [item] = queue(s);
      if (item) {
        startTurn(s, item, t, command.startTimer === true, events);
      } else if (s.phase === 'rights_of_reply') {
        s.phase = 'regular';
        events.push({ type: 'rights_of_reply_done' });
      } else if (finished) {
        events.push({ type: 'list_exhausted' });
      } else {
        throw new SpeakersError('no_next_speaker', 'Nobody is waiting for the floor.');
      }
      break;
    }

    case 'speaker.point_of_order': {
      const delegationId = validId(command.delegationId);
      const speaker = command.speaker == null ? null : validSpeaker(command.speaker);
      const waiting =
        s.pointsOfOrder.some((r) => r.delegationId === delegationId) ||
        (s.current?.kind === 'point_of_order' && s.current.delegationId === delegationId);
      if (waiting) {
        throw new SpeakersError(
          'already_requested',
          'This delegation has a point of order waiting.',
        );
      }
      const request: FloorRequest = {
        seq: s.nextSeq++,
        delegationId,
        speaker,
        requestedAt: iso(t),
      };
      if (s.current?.kind === 'point_of_order') {
        // A point of order on a point of order waits for the one being heard.
        s.pointsOfOrder.push(request);
        events.push({ type: 'point_of_order_raised', request, taken: false });
        break;
      }
      if (s.current) {
        const interrupted = s.current;
        s.interrupted.push({
          ...interrupted,
          timer: pausedTimer(interrupted.timer, t),
          timerWasRunning: interrupted.timer.runningSinceMs !== null,
        });
        s.current = null;
        events.push({
          type: 'interrupted',
          kind: interrupted.kind,
          seq: interrupted.seq,
          delegationId: interrupted.delegationId,
        });
      }
      events.push({ type: 'point_of_order_raised', request, taken: true });
      s.current = newTurn('point_of_order', request.seq, delegationId, speaker, t);
      events.push({
        type: 'turn_started',
        kind: 'point_of_order',
        seq: request.seq,
        delegationId,
        resumed: false,
      });
      break;
    }

    case 'speaker.right_of_reply': {
      const delegationId = validId(command.delegationId);
      const speaker = command.speaker == null ? null : validSpeaker(command.speaker);
      if (s.rightsOfReply.some((r) => r.delegationId === delegationId)) {
        throw new SpeakersError(
          'already_requested',
          'This delegation has a right of reply waiting.',
        );
      }
      const request: FloorRequest = {
        seq: s.nextSeq++,
        delegationId,
        speaker,
        requestedAt: iso(t),
      };
      s.rightsOfReply.push(request);
      events.push({ type: 'right_of_reply_requested', request });
      break;
    }

    case 'speaker.withdraw_right_of_reply': {
      const delegationId = validId(command.delegationId);
      const index = s.rightsOfReply.findIndex((r) => r.delegationId === delegationId);
      const request = s.rightsOfReply[index];
      if (!request) {
        throw new SpeakersError('not_requested', 'This delegation has no right of reply waiting.');
      }
      s.rightsOfReply.splice(index, 1);
      events.push({ type: 'right_of_reply_withdrawn', seq: request.seq, delegationId });
      break;
    }

    case 'list.close':
      if (s.open) {
        s.open = false;
        events.push({ type: 'list_closed' });
      }
      break;

    case 'list.reopen':
      if (!s.open) {
        s.open = true;
        events.push({ type: 'list_reopened' });
      }
      break;

    case 'list.set_first_speakers': {
      if (!Array.isArray(command.delegationIds)) {
        throw new SpeakersError('invalid_command', 'First speakers are a list of delegations.');
      }
      const after = command.delegationIds.map(validId);
      if (new Set(after).size !== after.length) {
        throw new SpeakersError('invalid_command', 'A delegation can be fixed in one place only.');
      }
      events.push({ type: 'first_speakers_set', before: s.firstSpeakers, after: [...after] });
      s.firstSpeakers = after;
      break;
    }

    case 'list.configure': {
      const before = s.settings;
      s.settings = validSettings({ ...s.settings, ...(command.settings ?? {}) });
      events.push({ type: 'settings_changed', before, after: structuredClone(s.settings) });
      break;
    }

    case 'list.end_of_day':
      // The chair ends the day's regular speakers: rights of reply come next (if any).
      if (s.rightsOfReply.length > 0) s.phase = 'rights_of_reply';
      events.push({ type: 'day_ended', rightsOfReply: s.rightsOfReply.length });
      break;

    case 'timer.start':
    case 'timer.pause':
    case 'timer.resume':
    case 'timer.reset': {
      const turn = s.current;
      if (!turn) throw new SpeakersError('no_current_speaker', 'Nobody has the floor.');
      const running = turn.timer.runningSinceMs !== null;
      // Pausing a paused timer or resuming a running one changes nothing and records nothing
      // (a double click in the hall is not an error).
      if (command.type === 'timer.pause' && !running) break;
      if (command.type === 'timer.resume' && running) break;
      if (command.type === 'timer.start') turn.timer = { elapsedMs: 0, runningSinceMs: t };
      else if (command.type === 'timer.pause') turn.timer = pausedTimer(turn.timer, t);
      else if (command.type === 'timer.reset') turn.timer = { elapsedMs: 0, runningSinceMs: null };
      else turn.timer = { elapsedMs: turn.timer.elapsedMs, runningSinceMs: t };
      events.push({ type: TIMER_EVENTS[command.type], elapsedMs: spokenMs(turn.timer, t) });
      break;
    }

    default:
      throw new SpeakersError(
        'invalid_command',
        `Unknown command: ${String((command as { type?: unknown }).type)}.`,
      );
  }
  return { state: s, events };
}

const TIMER_EVENTS = {
  'timer.start': 'timer_started',
  'timer.pause': 'timer_paused',
  'timer.resume': 'timer_resumed',
  'timer.reset': 'timer_reset',
} as const;

// ---------------------------------------------------------------- reading the list

/** The pending inscriptions, in speaking order (swaps applied). */
export function order(state: ListState): Inscription[] {
  return ranked(state).map((entry) => entry.inscription);
}

export function current(state: ListState): Turn | null {
  return state.current;
}

/** One turn still to come, in the order `speaker.next` will give the floor. */
export interface QueueItem {
  kind: TurnKind;
  seq: number;
  delegationId: string;
  speaker: Speaker | null;
  /** For regular speakers. */
  rank: Rank | null;
  /** An interrupted speaker getting the floor back. */
  resumes: boolean;
}

export function queue(state: ListState): QueueItem[] {
  const request = (kind: TurnKind) => (r: FloorRequest) => ({
    kind,
    seq: r.seq,
    delegationId: r.delegationId,
    speaker: r.speaker,
    rank: null,
    resumes: false,
  });
  const resumed = [...state.interrupted].reverse().map((turn) => ({
    kind: turn.kind,
    seq: turn.seq,
    delegationId: turn.delegationId,
    speaker: turn.speaker,
    rank: turn.kind === 'regular' ? inscriptionBySeq(state, turn.seq).rank : null,
    resumes: true,
  }));
  const regular =
    state.phase === 'regular'
      ? order(state).map((i) => ({
          kind: 'regular' as const,
          seq: i.seq,
          delegationId: i.delegationId,
          speaker: i.speaker,
          rank: i.rank,
          resumes: false,
        }))
      : [];
  return [
    ...state.pointsOfOrder.map(request('point_of_order')),
    ...resumed,
    ...regular,
    ...state.rightsOfReply.map(request('right_of_reply')),
  ];
}

/** The next `n` turns, for the hall screen. */
export function upcoming(state: ListState, n: number): QueueItem[] {
  return queue(state).slice(0, Math.max(0, n));
}

export interface TimerReading {
  /** The limit of the current turn; null = no limit (or nobody speaking). */
  limitMs: number | null;
  elapsedMs: number;
  /** Time left, never negative; null when there is no limit. */
  remainingMs: number | null;
  running: boolean;
  overrun: boolean;
  /** How far past the limit, 0 when within it. */
  overrunMs: number;
}

/** The current speaker's timer at `now`, computed from timestamps. */
export function timerState(state: ListState, now: Instant): TimerReading {
  const turn = state.current;
  if (!turn) {
    return {
      limitMs: null,
      elapsedMs: 0,
      remainingMs: null,
      running: false,
      overrun: false,
      overrunMs: 0,
    };
  }
  const t = Math.max(toMs(now), state.clockMs);
  const elapsedMs = spokenMs(turn.timer, t);
  const limitMs = limitOf(state.settings, turn.kind);
  const overrunMs = limitMs === null ? 0 : Math.max(0, elapsedMs - limitMs);
  return {
    limitMs,
    elapsedMs,
    remainingMs: limitMs === null ? null : Math.max(0, limitMs - elapsedMs),
    running: turn.timer.runningSinceMs !== null,
    overrun: overrunMs > 0,
    overrunMs,
  };
}

// ---------------------------------------------------------------- explanations

export interface ExplainOptions {
  /** The delegation's name as shown (defaults to its id). */
  nameOf?: (delegationId: string) => string;
}

/**
 * Why a delegation stands where it does, in English or Japanese, e.g. "fixed first speaker
 * (position 1)", "member state; rank: Minister; inscribed 09:14" — times in the venue's zone.
 * Explains the delegation's first turn in `queue(state)`, or its current turn; undefined when
 * the delegation is neither speaking nor waiting.
 */
export function explain(
  state: ListState,
  delegationId: string,
  lang: Lang,
  options: ExplainOptions = {},
): string | undefined {
  const nameOf = options.nameOf ?? ((id: string) => id);
  const words = WORDS[lang];
  const turn = state.current;
  const item = queue(state).find((q) => q.delegationId === delegationId);
  if (!item) {
    if (turn?.delegationId !== delegationId) return undefined;
    return `${words.speaking}: ${words.kind[turn.kind]}`;
  }
  if (item.resumes) return words.resumes;
  if (item.kind === 'point_of_order') return words.pointOfOrder;
  if (item.kind === 'right_of_reply') {
    const request = state.rightsOfReply.find((r) => r.seq === item.seq)!;
    return words.rightOfReply(clock(state, request.requestedAt, lang));
  }
  const entry = ranked(state).find((e) => e.inscription.seq === item.seq)!;
  const owner = inscriptionBySeq(state, entry.keyOwner);
  const place = naturalReason(state, owner, lang);
  if (entry.keyOwner === entry.inscription.seq) return place;
  const partners = state.swaps
    .filter((w) => w.a === item.seq || w.b === item.seq)
    .map((w) => nameOf(inscriptionBySeq(state, w.a === item.seq ? w.b : w.a).delegationId));
  return words.swapped(partners.join(', '), nameOf(owner.delegationId), place);
}

const WORDS = {
  en: {
    speaking: 'has the floor',
    kind: {
      regular: 'regular speaker',
      point_of_order: 'point of order',
      right_of_reply: 'right of reply',
    },
    resumes: 'interrupted by a point of order; resumes after it',
    pointOfOrder: 'point of order: taken before the next speaker',
    rightOfReply: (time: string) => `right of reply requested ${time}: taken at the end of the day`,
    fixed: (position: number) => `fixed first speaker (position ${position})`,
    member: 'member state',
    observer: 'observer',
    rank: (rank: string) => `rank: ${rank}`,
    inscribed: (time: string) => `inscribed ${time}`,
    swapped: (partners: string, owner: string, place: string) =>
      `swapped by joint notice with ${partners}; in the place of ${owner}: ${place}`,
  },
  ja: {
    speaking: '発言中',
    kind: { regular: '通常の発言', point_of_order: '議事進行上の問題', right_of_reply: '答弁権' },
    resumes: '議事進行上の問題により中断; その後再開',
    pointOfOrder: '議事進行上の問題: 次の発言者より先に扱う',
    rightOfReply: (time: string) => `答弁権（${time} 要請）: その日の最後に扱う`,
    fixed: (position: number) => `議長が定めた最初の発言者（第${position}位）`,
    member: '加盟国',
    observer: 'オブザーバー',
    rank: (rank: string) => `順位: ${rank}`,
    inscribed: (time: string) => `${time} 登録`,
    swapped: (partners: string, owner: string, place: string) =>
      `${partners}との合意により順番を交換; ${owner}の位置: ${place}`,
  },
} as const;

/** Why an inscription's own key sorts where it does. */
function naturalReason(state: ListState, inscription: Inscription, lang: Lang): string {
  const words = WORDS[lang];
  const fixed = state.firstSpeakers.indexOf(inscription.delegationId);
  if (fixed >= 0) return words.fixed(fixed + 1);
  const parts = [
    words.rank(rankLabel(lang, inscription.rank)),
    words.inscribed(clock(state, inscription.inscribedAt, lang)),
  ];
  if (state.settings.memberStatesFirst) {
    parts.unshift(inscription.standing === 'member_state' ? words.member : words.observer);
  }
  return parts.join('; ');
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** 09:14 in the venue's time zone (h23: midnight is 00:00, never 24:00). */
function clock(state: ListState, isoInstant: string, lang: Lang): string {
  const key = `${lang} ${state.settings.timeZone}`;
  let format = clockFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone: state.settings.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clockFormats.set(key, format);
  }
  return format.format(new Date(isoInstant));
}

// ---------------------------------------------------------------- the order itself

type SortKey = readonly [number, number, number, number, number];

/** The natural key of an inscription (see the rules at the top of this file). */
export function naturalKey(state: ListState, inscription: Inscription): SortKey {
  const fixed = state.firstSpeakers.indexOf(inscription.delegationId);
  if (fixed >= 0) return [fixed, 0, 0, 0, inscription.seq];
  const group = state.settings.memberStatesFirst && inscription.standing === 'observer' ? 1 : 0;
  return [
    state.firstSpeakers.length,
    group,
    state.settings.rankOrder.indexOf(inscription.rank),
    Date.parse(inscription.inscribedAt),
    inscription.seq,
  ];
}

function compareKeys(x: SortKey, y: SortKey): number {
  for (let i = 0; i < x.length; i++) {
    const d = x[i]! - y[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

interface RankedEntry {
  inscription: Inscription;
  /** The inscription whose natural key this one holds (itself unless swapped). */
  keyOwner: number;
}

function ranked(state: ListState): RankedEntry[] {
  // Each inscription holds its own key; each swap, in order, exchanges the keys its two hold.
  const holds = new Map<number, number>();
  const holding = (seq: number) => holds.get(seq) ?? seq;
  for (const swap of state.swaps) {
    const a = holding(swap.a);
    holds.set(swap.a, holding(swap.b));
    holds.set(swap.b, a);
  }
  const entries = state.inscriptions
    .filter((i) => i.status === 'pending')
    .map((inscription) => {
      const keyOwner = holding(inscription.seq);
      return { inscription, keyOwner, key: naturalKey(state, inscriptionBySeq(state, keyOwner)) };
    });
  entries.sort((x, y) => compareKeys(x.key, y.key));
  return entries.map(({ inscription, keyOwner }) => ({ inscription, keyOwner }));
}

// ---------------------------------------------------------------- helpers

function startTurn(
  s: ListState,
  item: QueueItem,
  t: number,
  startTimer: boolean,
  events: ListEvent[],
): void {
  if (item.resumes) {
    const { timerWasRunning, ...turn } = s.interrupted.pop()!;
    // The timer runs again only if it was running when the point of order interrupted it.
    turn.timer = { elapsedMs: turn.timer.elapsedMs, runningSinceMs: timerWasRunning ? t : null };
    s.current = turn;
  } else if (item.kind === 'point_of_order') {
    s.pointsOfOrder.shift();
    s.current = newTurn('point_of_order', item.seq, item.delegationId, item.speaker, t);
  } else if (item.kind === 'right_of_reply') {
    s.rightsOfReply.shift();
    s.phase = 'rights_of_reply';
    s.current = newTurn('right_of_reply', item.seq, item.delegationId, item.speaker, t);
  } else {
    inscriptionBySeq(s, item.seq).status = 'speaking';
    s.current = newTurn('regular', item.seq, item.delegationId, item.speaker, t);
  }
  if (startTimer && !item.resumes) s.current.timer.runningSinceMs = t;
  events.push({
    type: 'turn_started',
    kind: item.kind,
    seq: item.seq,
    delegationId: item.delegationId,
    resumed: item.resumes,
  });
}

function newTurn(
  kind: TurnKind,
  seq: number,
  delegationId: string,
  speaker: Speaker | null,
  t: number,
): Turn {
  return {
    kind,
    seq,
    delegationId,
    speaker,
    startedAt: iso(t),
    timer: { elapsedMs: 0, runningSinceMs: null },
  };
}

function pausedTimer(timer: Timer, t: number): Timer {
  return { elapsedMs: spokenMs(timer, t), runningSinceMs: null };
}

function spokenMs(timer: Timer, t: number): number {
  return (
    timer.elapsedMs + (timer.runningSinceMs === null ? 0 : Math.max(0, t - timer.runningSinceMs))
  );
}

function limitOf(settings: ListSettings, kind: TurnKind): number | null {
  const seconds =
    kind === 'regular'
      ? settings.speakingTimeSeconds
      : kind === 'right_of_reply'
        ? settings.rightOfReplySeconds
        : null;
  return seconds === null ? null : seconds * 1000;
}

function dissolveSwaps(
  s: ListState,
  seq: number,
  reason: 'withdrawn' | 'speaker_changed',
  events: ListEvent[],
): void {
  const party = (n: number) => ({ seq: n, delegationId: inscriptionBySeq(s, n).delegationId });
  for (const swap of s.swaps.filter((w) => w.a === seq || w.b === seq)) {
    events.push({ type: 'swap_dissolved', a: party(swap.a), b: party(swap.b), reason });
  }
  s.swaps = s.swaps.filter((w) => w.a !== seq && w.b !== seq);
}

function pendingOf(s: ListState, delegationId: string): Inscription {
  const inscription = s.inscriptions.find(
    (i) => i.delegationId === delegationId && i.status === 'pending',
  );
  if (!inscription) {
    throw new SpeakersError(
      'not_inscribed',
      'This delegation has no inscription waiting on this list.',
    );
  }
  return inscription;
}

function inscriptionBySeq(s: ListState, seq: number): Inscription {
  const inscription = s.inscriptions.find((i) => i.seq === seq);
  if (!inscription) throw new Error(`Inconsistent list state: no inscription ${seq}.`);
  return inscription;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function toMs(now: Instant): number {
  const ms =
    now instanceof Date
      ? now.getTime()
      : typeof now === 'number'
        ? now
        : typeof now === 'string'
          ? Date.parse(now)
          : Number.NaN;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) {
    throw new SpeakersError('invalid_command', 'The time of a command must be a valid instant.');
  }
  return ms;
}

function validId(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SpeakersError('invalid_command', 'A delegation id is a non-empty string.');
  }
  return value;
}

function validRank(value: unknown): Rank {
  if (!(RANKS as readonly unknown[]).includes(value)) {
    throw new SpeakersError('invalid_command', `Unknown rank: ${String(value)}.`);
  }
  return value as Rank;
}

function validStanding(value: unknown): Standing {
  if (!(STANDINGS as readonly unknown[]).includes(value)) {
    throw new SpeakersError('invalid_command', 'Standing is member_state or observer.');
  }
  return value as Standing;
}

function validSpeaker(value: unknown): Speaker {
  const speaker = value as Partial<Speaker> | null;
  if (typeof speaker !== 'object' || speaker === null || typeof speaker.name !== 'string') {
    throw new SpeakersError('invalid_command', 'A speaker has a name.');
  }
  if (speaker.title !== undefined && typeof speaker.title !== 'string') {
    throw new SpeakersError('invalid_command', "A speaker's title is text.");
  }
  return speaker.title === undefined
    ? { name: speaker.name }
    : { name: speaker.name, title: speaker.title };
}

function validSettings(settings: ListSettings): ListSettings {
  const bad = (why: string) => new SpeakersError('invalid_settings', why);
  if (typeof settings.memberStatesFirst !== 'boolean')
    throw bad('memberStatesFirst is true or false.');
  const rankOrder = settings.rankOrder;
  if (
    !Array.isArray(rankOrder) ||
    rankOrder.length !== RANKS.length ||
    new Set(rankOrder).size !== RANKS.length ||
    !RANKS.every((rank) => rankOrder.includes(rank))
  ) {
    throw bad('The rank order names every rank exactly once.');
  }
  for (const [name, value] of [
    ['speakingTimeSeconds', settings.speakingTimeSeconds],
    ['rightOfReplySeconds', settings.rightOfReplySeconds],
  ] as const) {
    if (value !== null && !(Number.isInteger(value) && value > 0)) {
      throw bad(`${name} is a positive whole number of seconds, or null.`);
    }
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: settings.timeZone });
  } catch {
    throw bad(`Unknown time zone: ${String(settings.timeZone)}.`);
  }
  return {
    memberStatesFirst: settings.memberStatesFirst,
    rankOrder: [...rankOrder],
    speakingTimeSeconds: settings.speakingTimeSeconds,
    rightOfReplySeconds: settings.rightOfReplySeconds,
    timeZone: settings.timeZone,
  };
}

/**
 * The standing of an organisation on a list: states are member states; observer states,
 * international organisations, NGOs and every other kind speak as observers.
 */
export function standingOf(kind: OrganisationKind): Standing {
  return kind === 'state' ? 'member_state' : 'observer';
}
