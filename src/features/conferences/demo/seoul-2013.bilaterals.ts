/**
 * Bilateral meetings of the Seoul 2013 demo.
 *
 * From the seed: Japan's State Minister Mitsuya met Rwanda's, Australia's, Indonesia's and Sri
 * Lanka's foreign ministers on the sidelines. The times here are illustrative (the seed gives
 * none): about 30 minutes each on 17–18 October, clear of Mitsuya's plenary-2 speech (17 Oct
 * 14:00–15:30) and of his counterparts' own speaking slots. They are confirmed by both sides and
 * published in the final schedule.
 *
 * Around them, ~60 fictional requests among other state delegations (deterministic: a fixed
 * seed), three in four accepted and the rest pending. They are left unscheduled on purpose: the
 * secretariat's board starts with work to do (plan → review the diff → apply → publish), and
 * loading stays fast and independent of the solver's time limit.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/connection.js';
import {
  type BilateralKind,
  bilateralMeetingPrincipals,
  bilateralMeetings,
  bilateralRequestParties,
  bilateralRequests,
  delegations,
  organisations,
  rooms,
} from '../../../db/schema.js';
import { seoulInstant } from './seoul-2013.programme.js';

export interface DemoBilateral {
  requester: string;
  counterparts: string[];
  kind: BilateralKind;
  lengthMinutes: number;
  priority: number;
  /** Local Seoul times: day of October and HH:MM. */
  window: { day: 17 | 18; start: string; end: string } | null;
  status: 'accepted' | 'pending';
  notes: string | null;
  /** Only Japan's four: where and when it was held. */
  meeting?: { room: string; day: 17 | 18; start: string };
}

/** Japan's four bilaterals from the seed (times illustrative, see above). */
export const JAPAN_BILATERALS: DemoBilateral[] = [
  { counterpart: 'AUS', room: 'booth-1', day: 17 as const, start: '16:00' },
  { counterpart: 'IDN', room: 'booth-2', day: 17 as const, start: '17:00' },
  { counterpart: 'RWA', room: 'booth-1', day: 18 as const, start: '11:30' },
  { counterpart: 'LKA', room: 'booth-1', day: 18 as const, start: '13:30' },
].map((m) => ({
  requester: 'JPN',
  counterparts: [m.counterpart],
  kind: 'meeting' as const,
  lengthMinutes: 30,
  priority: 10,
  window: null,
  status: 'accepted' as const,
  notes: null,
  meeting: { room: m.room, day: m.day, start: m.start },
}));

const KINDS: BilateralKind[] = ['meeting', 'meeting', 'stand_up', 'courtesy_call'];
const LENGTHS = [15, 30, 30, 45, 60];
const WINDOWS: DemoBilateral['window'][] = [
  null,
  { day: 17, start: '08:30', end: '19:00' },
  { day: 18, start: '08:30', end: '19:00' },
  { day: 17, start: '15:30', end: '19:00' },
  { day: 18, start: '12:30', end: '17:00' },
];

/**
 * ~60 fictional requests among the given state delegations (Japan excluded: its bilaterals are
 * the seed's four). The same codes give the same requests.
 */
export function fictionalBilaterals(stateCodes: string[], count = 60): DemoBilateral[] {
  const codes = [...stateCodes].filter((c) => c !== 'JPN').sort();
  let seed = 20131018;
  const next = (n: number) => {
    // A small linear congruential generator: deterministic across platforms.
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const seen = new Set<string>();
  const out: DemoBilateral[] = [];
  for (let guard = 0; out.length < count && guard < count * 50 && codes.length >= 2; guard++) {
    const a = codes[next(codes.length)]!;
    const b = codes[next(codes.length)]!;
    const key = [a, b].sort().join('-');
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    const i = out.length;
    out.push({
      requester: a,
      counterparts: [b],
      kind: KINDS[next(KINDS.length)]!,
      lengthMinutes: LENGTHS[next(LENGTHS.length)]!,
      priority: 1 + next(3),
      window: WINDOWS[next(WINDOWS.length)]!,
      status: i % 4 === 3 ? 'pending' : 'accepted',
      notes: 'Fictional demo request.',
    });
  }
  return out;
}

/** Writes the demo's bilaterals into the edition loaded just before (rooms, delegations and heads exist). */
export async function insertDemoBilaterals(tx: Tx, editionId: string, now: Date): Promise<number> {
  const rows = await tx
    .select({
      id: delegations.id,
      code: delegations.code,
      head: delegations.headParticipantId,
      kind: organisations.kind,
    })
    .from(delegations)
    .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
    .where(eq(delegations.editionId, editionId));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const roomIds = new Map(
    (
      await tx
        .select({ id: rooms.id, code: rooms.code })
        .from(rooms)
        .where(and(eq(rooms.editionId, editionId), eq(rooms.kind, 'bilateral_booth')))
    ).map((r) => [r.code, r.id]),
  );
  const states = rows.filter((r) => r.kind === 'state' && r.head).map((r) => r.code);
  const all = [...JAPAN_BILATERALS, ...fictionalBilaterals(states)];
  const need = (code: string) => {
    const d = byCode.get(code);
    if (!d) throw new Error(`Demo bilaterals refer to an unknown delegation "${code}".`);
    return d;
  };
  const requests = all.map((b) => ({
    id: randomUUID(),
    editionId,
    requesterDelegationId: need(b.requester).id,
    kind: b.kind,
    lengthMinutes: b.lengthMinutes,
    priority: b.priority,
    windowStart: b.window ? seoulInstant(b.window.day, b.window.start) : null,
    windowEnd: b.window ? seoulInstant(b.window.day, b.window.end) : null,
    notes: b.notes,
    status: b.status,
    createdAt: now,
    updatedAt: now,
  }));
  await tx.insert(bilateralRequests).values(requests);
  await tx.insert(bilateralRequestParties).values(
    all.flatMap((b, i) =>
      b.counterparts.map((code) => ({
        requestId: requests[i]!.id,
        delegationId: need(code).id,
        response: b.status === 'accepted' ? ('accepted' as const) : ('pending' as const),
        respondedAt: b.status === 'accepted' ? now : null,
      })),
    ),
  );
  for (const [i, b] of all.entries()) {
    if (!b.meeting) continue;
    const startsAt = seoulInstant(b.meeting.day, b.meeting.start);
    const endsAt = new Date(startsAt.getTime() + b.lengthMinutes * 60_000);
    const roomId = roomIds.get(b.meeting.room);
    if (!roomId) throw new Error(`Demo bilaterals refer to an unknown booth "${b.meeting.room}".`);
    const meetingId = randomUUID();
    await tx.insert(bilateralMeetings).values({
      id: meetingId,
      editionId,
      requestId: requests[i]!.id,
      roomId,
      startsAt,
      endsAt,
      status: 'confirmed',
      published: 'final',
      createdAt: now,
    });
    const parties = [b.requester, ...b.counterparts].map((code) => need(code));
    await tx.insert(bilateralMeetingPrincipals).values(
      parties.map((d) => {
        if (!d.head) throw new Error(`Demo delegation ${d.code} has no head.`);
        return {
          meetingId,
          participantId: d.head,
          delegationId: d.id,
          during: `[${startsAt.toISOString()},${endsAt.toISOString()})`,
        };
      }),
    );
  }
  return all.length;
}
