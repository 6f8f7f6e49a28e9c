/**
 * Bilateral-meeting fixtures on top of the test world (test/support/world.ts): heads of
 * delegation, booths in two zones, a plenary where Japan's principal speaks in person, and as
 * many further delegations (with heads and focal points) as a test needs.
 */
import { eq } from 'drizzle-orm';
import type { World } from '../../../test/support/world.js';
import {
  delegations,
  organisations,
  participants,
  type Rank,
  rooms,
  sessionRoles,
  sessions,
  users,
} from '../../db/schema.js';
import { actorFor } from '../accounts/accounts.service.js';
import type { Actor } from '../accounts/actor.js';

/** Venue time in Seoul (UTC+9, no DST) on the test edition's days, 10–11 April 2026. */
export const seoul = (day: 10 | 11, time: string) => `2026-04-${day}T${time}:00+09:00`;
export const utc = (day: 10 | 11, time: string) => new Date(seoul(day, time)).toISOString();

export interface BilateralWorld {
  heads: Record<string, string>;
  focal: Record<string, Actor>;
  plenaryId: string;
}

async function addHead(
  world: World,
  delegationId: string,
  code: string,
  rank: Rank,
): Promise<string> {
  const db = world.database.db;
  const [p] = await db
    .insert(participants)
    .values({
      editionId: world.editionId,
      delegationId,
      familyName: { en: `Head-${code}` },
      givenName: { en: 'Pat' },
      title: { en: 'Head of delegation' },
      rank,
      category: 'party',
      status: 'approved',
    })
    .returning();
  await db
    .update(delegations)
    .set({ headParticipantId: p!.id })
    .where(eq(delegations.id, delegationId));
  return p!.id;
}

async function addFocal(world: World, delegationId: string, code: string): Promise<Actor> {
  const [u] = await world.database.db
    .insert(users)
    .values({
      email: `focal.${code.toLowerCase()}@test.example`,
      displayName: `Focal ${code}`,
      role: 'focal_point',
      delegationId,
    })
    .returning();
  return actorFor({
    id: u!.id,
    email: u!.email,
    displayName: u!.displayName,
    role: u!.role,
    delegationId,
    participantId: null,
  });
}

/**
 * JPN (vice-minister), KOR (foreign minister), ITU (a delegate: far below a foreign minister);
 * booths b-1, b-2 (zone A, 6 seats), b-3 (zone B, 6 seats), b-small (zone A, 2 seats); Japan's
 * principal speaks in person in `plenary` on 10 April 14:00–15:30; extra delegations D01…
 */
export async function bilateralWorld(world: World, extra = 0): Promise<BilateralWorld> {
  const db = world.database.db;
  const heads: Record<string, string> = {
    JPN: await addHead(world, world.delegation.JPN, 'JPN', 'vice_minister'),
    KOR: await addHead(world, world.delegation.KOR, 'KOR', 'foreign_minister'),
    ITU: await addHead(world, world.delegation.ITU, 'ITU', 'delegate'),
  };
  const focal: Record<string, Actor> = {
    JPN: world.actors.focalJpn,
    KOR: world.actors.focalKor,
    ITU: await addFocal(world, world.delegation.ITU, 'ITU'),
  };
  for (let i = 1; i <= extra; i++) {
    const code = `D${String(i).padStart(2, '0')}`;
    const [org] = await db
      .insert(organisations)
      .values({ kind: 'civil_society', code, name: { en: `Delegation ${code}` } })
      .returning();
    const [d] = await db
      .insert(delegations)
      .values({ editionId: world.editionId, organisationId: org!.id, code })
      .returning();
    heads[code] = await addHead(world, d!.id, code, 'minister');
    focal[code] = await addFocal(world, d!.id, code);
  }
  const roomRows = await db
    .insert(rooms)
    .values([
      {
        editionId: world.editionId,
        code: 'hall',
        name: { en: 'Hall' },
        kind: 'hall',
        capacity: 500,
        zone: 'A',
      },
      {
        editionId: world.editionId,
        code: 'b-1',
        name: { en: 'Booth 1' },
        kind: 'bilateral_booth',
        capacity: 6,
        zone: 'A',
      },
      {
        editionId: world.editionId,
        code: 'b-2',
        name: { en: 'Booth 2' },
        kind: 'bilateral_booth',
        capacity: 6,
        zone: 'A',
      },
      {
        editionId: world.editionId,
        code: 'b-3',
        name: { en: 'Booth 3' },
        kind: 'bilateral_booth',
        capacity: 6,
        zone: 'B',
      },
      {
        editionId: world.editionId,
        code: 'b-small',
        name: { en: 'Small booth' },
        kind: 'bilateral_booth',
        capacity: 2,
        zone: 'A',
      },
    ])
    .returning();
  const [plenary] = await db
    .insert(sessions)
    .values({
      editionId: world.editionId,
      code: 'plenary',
      kind: 'plenary',
      title: { en: 'Plenary' },
      roomId: roomRows[0]!.id,
      startsAt: new Date(seoul(10, '14:00')),
      endsAt: new Date(seoul(10, '15:30')),
    })
    .returning();
  await db.insert(sessionRoles).values([
    { sessionId: plenary!.id, participantId: heads.JPN!, role: 'speaker', attendance: 'present' },
    // A video message does not keep Korea's principal busy.
    {
      sessionId: plenary!.id,
      participantId: heads.KOR!,
      role: 'speaker',
      attendance: 'video_message',
    },
  ]);
  return { heads, focal, plenaryId: plenary!.id };
}
