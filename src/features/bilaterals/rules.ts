/**
 * Bilateral meetings, the pure part: rank parity, the request state machine, the bookable
 * slots of an edition, the mapping from platform records to the scheduler's exchange format
 * (/work/shared/bilaterals/FORMAT.md) and back, and the rules a hand-placed meeting must keep.
 * No database, clock or environment in here: times are epoch milliseconds passed in.
 */
import type { PartyResponse, Rank, RequestStatus } from '../../db/schema.js';
import { PlenaryError } from '../../platform/errors.js';
import type {
  BilateralInstance,
  BilateralRequest,
  BilateralSolution,
  PinnedMeeting,
} from '../../scheduling/index.js';
import { datesBetween, instantOfWallClock } from '../programme/exports/zoned-time.js';

const MINUTE = 60_000;

// ───────────────────────── Rank parity ─────────────────────────

/**
 * Protocol levels (DOMAIN.md, highest first). RANKS splits "Minister" into the foreign minister
 * and other ministers for precedence; for parity they are one level. Heads of international
 * organisations sit with heads of government (the common setting: the UN Secretary-General
 * right after Heads of Government).
 */
export const RANK_LEVEL: Record<Rank, number> = {
  head_of_state: 0,
  vice_president: 1,
  head_of_government: 2,
  head_of_io: 2,
  deputy_prime_minister: 3,
  foreign_minister: 4,
  minister: 4,
  vice_minister: 5,
  ambassador: 6,
  delegate: 7,
  observer: 8,
};

export type RequestFlag = 'rank_mismatch' | 'no_principal';

/**
 * Parity is expected, not enforced: a request whose principals are more than one protocol level
 * apart is flagged `rank_mismatch` (a State Minister meeting a Foreign Minister is usual; a
 * delegate meeting a Head of State is not). A party without a head of delegation is flagged
 * `no_principal`: it cannot be scheduled until it has one.
 */
export function requestFlags(principalRanks: (Rank | null)[]): RequestFlag[] {
  const flags: RequestFlag[] = [];
  const levels = principalRanks.flatMap((rank) => (rank ? [RANK_LEVEL[rank]] : []));
  if (levels.length >= 2 && Math.max(...levels) - Math.min(...levels) > 1) {
    flags.push('rank_mismatch');
  }
  if (principalRanks.some((rank) => rank === null)) flags.push('no_principal');
  return flags;
}

// ───────────────────────── The request state machine ─────────────────────────

export interface Interval {
  start: number;
  end: number;
}

export interface RequestState {
  status: RequestStatus;
  window: Interval | null;
  /** The counterparts (the requester is not among them). */
  parties: { delegationId: string; response: PartyResponse; proposed: Interval | null }[];
}

export type RequestEvent =
  | {
      type: 'respond';
      delegationId: string;
      response: 'accepted' | 'declined' | 'proposed';
      window?: Interval;
    }
  | { type: 'adopt_proposal'; delegationId: string }
  | { type: 'cancel' };

/**
 * pending → accepted (every counterpart accepted) | declined (any counterpart declined) |
 * cancelled (either side). A counter-proposal (`proposed` with a window) keeps the request
 * pending until the requester adopts it: the window becomes the proposed one, that counterpart
 * has accepted, and the other counterparts' acceptances reset to pending (they accepted another
 * window). An accepted request can still be cancelled by either side; declined and cancelled
 * are final.
 */
export function nextRequestState(state: RequestState, event: RequestEvent): RequestState {
  if (state.status === 'declined' || state.status === 'cancelled') {
    throw new PlenaryError('request_closed', `This request was ${state.status}.`);
  }
  if (event.type === 'cancel') return { ...state, status: 'cancelled' };
  if (state.status !== 'pending') {
    throw new PlenaryError(
      'request_not_pending',
      'This request was accepted already; it can only be cancelled.',
    );
  }
  const party = state.parties.find((p) => p.delegationId === event.delegationId);
  if (!party)
    throw new PlenaryError('not_a_party', 'That delegation is not a counterpart of this request.');
  let parties = state.parties;
  let window = state.window;
  if (event.type === 'respond') {
    if (event.response === 'proposed') {
      if (!event.window || event.window.end <= event.window.start) {
        throw new PlenaryError(
          'validation_failed',
          'A counter-proposal needs a window that ends after it starts.',
          {
            details: [
              { field: 'window', code: 'required', message: 'Give the window you propose.' },
            ],
          },
        );
      }
    }
    const proposed = event.response === 'proposed' ? event.window! : null;
    parties = parties.map((p) => (p === party ? { ...p, response: event.response, proposed } : p));
  } else {
    if (party.response !== 'proposed' || !party.proposed) {
      throw new PlenaryError(
        'request_not_pending',
        'That counterpart has not proposed another window.',
      );
    }
    window = party.proposed;
    parties = parties.map((p) =>
      p === party
        ? { ...p, response: 'accepted', proposed: null }
        : p.response === 'accepted'
          ? { ...p, response: 'pending' }
          : p,
    );
  }
  const status: RequestStatus = parties.some((p) => p.response === 'declined')
    ? 'declined'
    : parties.every((p) => p.response === 'accepted')
      ? 'accepted'
      : 'pending';
  return { status, window, parties };
}

// ───────────────────────── Bookable slots ─────────────────────────

export interface Slot {
  /** `d1-0830`: day number within the edition, venue wall-clock time. */
  id: string;
  day: number;
  index: number;
  start: number;
  end: number;
}

export interface SlotGrid {
  slotMinutes: number;
  timeZone: string;
  days: string[];
  slots: Slot[];
}

/**
 * The bookable slots of an edition: `slotMinutes` each from `dayStart` to `dayEnd` (venue
 * wall-clock, e.g. 08:30–19:00) on every day from the first to the last of the conference.
 */
export function slotGrid(
  edition: { startDate: string; endDate: string; timeZone: string },
  settings: { slotMinutes: number; dayStart: string; dayEnd: string },
): SlotGrid {
  const days = datesBetween(edition.startDate, edition.endDate);
  const slots: Slot[] = [];
  const minutesOf = (time: string) => {
    const [h = 0, m = 0] = time.split(':').map(Number);
    return h * 60 + m;
  };
  const first = minutesOf(settings.dayStart);
  const last = minutesOf(settings.dayEnd);
  days.forEach((date, d) => {
    const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
    for (let m = first; m + settings.slotMinutes <= last; m += settings.slotMinutes) {
      const hour = Math.floor(m / 60);
      const minute = m % 60;
      const start = instantOfWallClock(
        { year, month, day, hour, minute, second: 0 },
        edition.timeZone,
      );
      slots.push({
        id: `d${d + 1}-${String(hour).padStart(2, '0')}${String(minute).padStart(2, '0')}`,
        day: d + 1,
        index: slots.length,
        start,
        end: start + settings.slotMinutes * MINUTE,
      });
    }
  });
  return { slotMinutes: settings.slotMinutes, timeZone: edition.timeZone, days, slots };
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** Slots that overlap any of the intervals. */
function slotsOverlapping(grid: SlotGrid, intervals: Interval[]): string[] {
  return grid.slots.filter((s) => intervals.some((i) => overlaps(s, i))).map((s) => s.id);
}

/** The slots a meeting of `lengthMinutes` starting at `start` occupies, when it starts on a slot and fits its day. */
export function placementSlots(
  grid: SlotGrid,
  start: number,
  lengthMinutes: number,
): Slot[] | null {
  const first = grid.slots.find((s) => s.start === start);
  if (!first) return null;
  const length = Math.ceil(lengthMinutes / grid.slotMinutes);
  const occupied = grid.slots.slice(first.index, first.index + length);
  if (occupied.length !== length || occupied.some((s) => s.day !== first.day)) return null;
  return occupied;
}

// ───────────────────────── Records → instance ─────────────────────────

export interface PlanningRecords {
  name: string;
  grid: SlotGrid;
  transferMinutes: number;
  seatsPerDelegation: number;
  /** The bilateral booths. */
  rooms: { code: string; capacity: number; zone: string | null; unavailable: Interval[] }[];
  /** One per delegation: its principal (the head of delegation) and their other commitments. */
  principals: { delegationCode: string; participantId: string | null; busy: Interval[] }[];
  /** Accepted requests, and pending ones that hold a slot. */
  requests: {
    id: string;
    status: RequestStatus;
    parties: string[];
    priority: number;
    lengthMinutes: number;
    window: Interval | null;
  }[];
  meetings: {
    id: string;
    requestId: string;
    roomCode: string;
    start: number;
    end: number;
    status: 'tentative' | 'provisional' | 'confirmed';
  }[];
}

export interface PlanningInstance {
  instance: BilateralInstance;
  /** The provisional meetings as the scheduler sees them: the previous plan of a re-plan. */
  previous: BilateralSolution;
  /** Requests left out of the instance, and why. */
  excluded: { requestId: string; reason: 'no_principal' | 'window_too_short' }[];
}

/**
 * Maps the records to the exchange format. Slots: the grid. Rooms: the booths with capacity,
 * zone and unavailable slots. Delegations: the principals, unavailable where they chair or
 * speak in person (video messages and live links do not keep them busy). Requests: accepted
 * ones, `length` = ⌈minutes / slot⌉, `size` = seats × parties, the window narrowed to whole
 * slots. Confirmed meetings and tentative holds are `pinned`; one that does not sit on the grid
 * (or no longer fits where it is) is kept out of the instance and blocks its room and principals
 * instead, so the scheduler plans around it without ever moving it.
 */
export function toInstance(records: PlanningRecords): PlanningInstance {
  const { grid } = records;
  const transferSlots = Math.ceil(records.transferMinutes / grid.slotMinutes);
  const roomBlocks = new Map(records.rooms.map((r) => [r.code, [...r.unavailable]]));
  const principalOf = new Map(records.principals.map((p) => [p.delegationCode, p]));
  const busy = new Map(records.principals.map((p) => [p.delegationCode, [...p.busy]]));
  const meetingOf = new Map(records.meetings.map((m) => [m.requestId, m]));
  const requests: BilateralRequest[] = [];
  const excluded: PlanningInstance['excluded'] = [];
  const previous: BilateralSolution = {
    format: 'plenary.bilaterals-solution/1',
    instance: records.name,
    meetings: [],
  };

  for (const request of records.requests) {
    const meeting = meetingOf.get(request.id);
    const fixed = meeting && meeting.status !== 'provisional';
    if (request.parties.some((code) => !principalOf.get(code)?.participantId)) {
      excluded.push({ requestId: request.id, reason: 'no_principal' });
      continue;
    }
    if (!fixed && request.status !== 'accepted') continue;
    let window: [string, string] | undefined;
    if (request.window) {
      const inside = grid.slots.filter(
        (s) => s.start >= request.window!.start && s.end <= request.window!.end,
      );
      if (inside.length === 0) {
        if (!fixed) {
          excluded.push({ requestId: request.id, reason: 'window_too_short' });
          continue;
        }
      } else {
        window = [inside[0]!.id, inside[inside.length - 1]!.id];
      }
    }
    const entry: BilateralRequest = {
      id: request.id,
      parties: request.parties,
      priority: request.priority,
      length: Math.ceil(request.lengthMinutes / grid.slotMinutes),
      size: records.seatsPerDelegation * request.parties.length,
      ...(window ? { window } : {}),
    };
    if (meeting) {
      const occupied = placementSlots(grid, meeting.start, request.lengthMinutes);
      const interval = { start: meeting.start, end: meeting.end };
      const fits =
        occupied !== null &&
        roomBlocks.has(meeting.roomCode) &&
        !(roomBlocks.get(meeting.roomCode) ?? []).some((b) =>
          occupied.some((s) => overlaps(s, b)),
        ) &&
        request.parties.every(
          (code) => !(busy.get(code) ?? []).some((b) => occupied.some((s) => overlaps(s, b))),
        );
      if (fixed && !(fits && (!window || inWindow(grid, window, occupied!)))) {
        // Kept where it is, outside the scheduler's grid: it blocks its room and principals.
        roomBlocks.get(meeting.roomCode)?.push(interval);
        for (const code of request.parties) busy.get(code)?.push(interval);
        continue;
      }
      const place: PinnedMeeting | null = occupied
        ? { room: meeting.roomCode, start: occupied[0]!.id }
        : null;
      if (fixed) entry.pinned = place!;
      else if (place) previous.meetings.push({ request: request.id, ...place });
    }
    requests.push(entry);
  }

  const used = new Set(requests.flatMap((r) => r.parties));
  const instance: BilateralInstance = {
    format: 'plenary.bilaterals/1',
    name: records.name,
    transferSlots,
    slots: grid.slots.map((s) => ({
      id: s.id,
      day: s.day,
      start: new Date(s.start).toISOString(),
    })),
    rooms: records.rooms.map((r) => ({
      id: r.code,
      capacity: r.capacity,
      ...(r.zone ? { zone: r.zone } : {}),
      unavailable: slotsOverlapping(grid, roomBlocks.get(r.code) ?? []),
    })),
    delegations: records.principals
      .filter((p) => used.has(p.delegationCode))
      .map((p) => ({
        id: p.delegationCode,
        unavailable: slotsOverlapping(grid, busy.get(p.delegationCode) ?? []),
      })),
    requests,
  };
  return { instance, previous, excluded };
}

function inWindow(grid: SlotGrid, window: [string, string], occupied: Slot[]): boolean {
  const first = grid.slots.findIndex((s) => s.id === window[0]);
  const last = grid.slots.findIndex((s) => s.id === window[1]);
  return occupied.every((s) => s.index >= first && s.index <= last);
}

/** The scheduler's meetings as times: start of the first slot, and the request's own length. */
export function fromSolution(
  solution: BilateralSolution,
  grid: SlotGrid,
  lengthMinutes: Map<string, number>,
): { requestId: string; roomCode: string; start: number; end: number }[] {
  const slotById = new Map(grid.slots.map((s) => [s.id, s]));
  return solution.meetings.map((m) => {
    const slot = slotById.get(m.start);
    const minutes = lengthMinutes.get(m.request);
    if (!slot || minutes === undefined)
      throw new Error(`solution names an unknown slot or request: ${m.request} at ${m.start}`);
    return {
      requestId: m.request,
      roomCode: m.room,
      start: slot.start,
      end: slot.start + minutes * MINUTE,
    };
  });
}

// ───────────────────────── A meeting placed by hand ─────────────────────────

export type PlacementRefusal =
  | 'not_on_slot'
  | 'outside_window'
  | 'room_too_small'
  | 'room_unavailable'
  | 'room_double_booked'
  | 'principal_in_session'
  | 'principal_busy'
  | 'transfer_time';

export interface PlacementContext {
  grid: SlotGrid;
  transferMinutes: number;
  room: { code: string; capacity: number; zone: string | null; unavailable: Interval[] };
  /** Zones of every booth, for the transfer rule. */
  zoneOf: Map<string, string | null>;
  request: { lengthMinutes: number; size: number; window: Interval | null };
  /** Per party principal: sessions they attend in person, by code. */
  sessions: { delegationCode: string; code: string; start: number; end: number }[];
  /** Every other meeting (the one being placed left out). */
  others: { roomCode: string; start: number; end: number; delegationCodes: string[] }[];
  parties: string[];
}

/**
 * Every rule a meeting placed at `start` in `ctx.room` breaks, in the order a person would fix
 * them (the first is the error's code). Moving between zones needs ⌈transfer / slot⌉ free slots
 * between the two meetings on the same day, as the scheduler counts it (FORMAT.md rule 6).
 */
export function placementRefusals(
  ctx: PlacementContext,
  start: number,
): { reason: PlacementRefusal; detail: string }[] {
  const refusals: { reason: PlacementRefusal; detail: string }[] = [];
  const end = start + ctx.request.lengthMinutes * MINUTE;
  const here = { start, end };
  const occupied = placementSlots(ctx.grid, start, ctx.request.lengthMinutes);
  if (!occupied)
    refusals.push({
      reason: 'not_on_slot',
      detail: 'Meetings start on a slot of the bookable day and end within it.',
    });
  const w = ctx.request.window;
  if (w && (start < w.start || end > w.end))
    refusals.push({ reason: 'outside_window', detail: 'Outside the window the parties agreed.' });
  if (ctx.room.capacity < ctx.request.size) {
    refusals.push({
      reason: 'room_too_small',
      detail: `${ctx.room.code} seats ${ctx.room.capacity}; the meeting needs ${ctx.request.size}.`,
    });
  }
  if (ctx.room.unavailable.some((u) => overlaps(u, here)))
    refusals.push({ reason: 'room_unavailable', detail: `${ctx.room.code} cannot be used then.` });
  if (ctx.others.some((o) => o.roomCode === ctx.room.code && overlaps(o, here))) {
    refusals.push({
      reason: 'room_double_booked',
      detail: `${ctx.room.code} is booked for another meeting then.`,
    });
  }
  const inSession = ctx.sessions.filter(
    (s) => ctx.parties.includes(s.delegationCode) && overlaps(s, here),
  );
  if (inSession.length > 0) {
    refusals.push({
      reason: 'principal_in_session',
      detail: inSession.map((s) => `${s.delegationCode} in ${s.code}`).join(', '),
    });
  }
  const mine = ctx.others.filter((o) => o.delegationCodes.some((c) => ctx.parties.includes(c)));
  const busy = mine.filter((o) => overlaps(o, here));
  if (busy.length > 0) {
    const codes = [
      ...new Set(busy.flatMap((o) => o.delegationCodes.filter((c) => ctx.parties.includes(c)))),
    ];
    refusals.push({
      reason: 'principal_busy',
      detail: `${codes.join(', ')} in another meeting then.`,
    });
  }
  const transferSlots = Math.ceil(ctx.transferMinutes / ctx.grid.slotMinutes);
  if (occupied && transferSlots > 0) {
    const zone = ctx.room.zone;
    const slotIndex = (t: number) => ctx.grid.slots.findIndex((s) => s.start <= t && t < s.end);
    const first = occupied[0]!.index;
    const last = occupied[occupied.length - 1]!.index;
    const tooClose = mine.some((o) => {
      const otherZone = ctx.zoneOf.get(o.roomCode) ?? null;
      if (
        overlaps(o, here) ||
        o.roomCode === ctx.room.code ||
        (zone !== null && otherZone === zone)
      )
        return false;
      const a = slotIndex(o.start);
      const b = slotIndex(o.end - 1);
      if (a < 0 || b < 0 || ctx.grid.slots[a]!.day !== occupied[0]!.day) return false;
      const gap = b < first ? first - b - 1 : a - last - 1;
      return gap < transferSlots;
    });
    if (tooClose) {
      refusals.push({
        reason: 'transfer_time',
        detail: `Moving between zones takes ${ctx.transferMinutes} minutes.`,
      });
    }
  }
  return refusals;
}
