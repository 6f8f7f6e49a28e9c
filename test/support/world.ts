/**
 * A small conference to test against, built with factories that read like the domain:
 * one series, one edition, three delegations (JPN, KOR, ITU), a secretariat user and focal points.
 */

import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/connection.js';
import {
  categories,
  delegations,
  editions,
  type Localized,
  organisations,
  participants,
  type Rank,
  type RegistrationCategory,
  series,
  users,
} from '../../src/db/schema.js';
import { actorFor, type SessionUser } from '../../src/features/accounts/accounts.service.js';
import type { Actor } from '../../src/features/accounts/actor.js';
import { hashPassword } from '../../src/features/accounts/passwords.js';
import { fixedClock } from '../../src/platform/clock.js';
import { buildApp } from '../../src/server/app.js';
import type { Services } from '../../src/server/context.js';
import { createServices } from '../../src/server/services.js';
import { freshDatabase } from './database.js';

export const PASSWORD = 'correct horse battery staple';
export const NOW = '2026-03-01T09:00:00Z';

export interface World {
  database: Database;
  services: Services;
  clock: ReturnType<typeof fixedClock>;
  slug: string;
  editionId: string;
  delegation: Record<'JPN' | 'KOR' | 'ITU', string>;
  users: Record<'secretariat' | 'focalJpn' | 'focalKor', SessionUser>;
  actors: Record<'secretariat' | 'focalJpn' | 'focalKor', Actor>;
  close(): Promise<void>;
}

let hashed: string | undefined;

export async function createWorld(): Promise<World> {
  const database = await freshDatabase();
  const db = database.db;
  const clock = fixedClock(NOW);
  hashed ??= await hashPassword(PASSWORD);
  const [s] = await db
    .insert(series)
    .values({ slug: 'testconf', name: { en: 'Test Conference Series', ja: 'テスト会議' } })
    .returning();
  const [edition] = await db
    .insert(editions)
    .values({
      seriesId: s!.id,
      slug: 'test-2026',
      ordinal: 1,
      name: { en: 'Test Conference 2026', ja: 'テスト会議2026' },
      hostIso3: 'KOR',
      city: { en: 'Seoul', ja: 'ソウル' },
      timeZone: 'Asia/Seoul',
      startDate: '2026-04-10',
      endDate: '2026-04-11',
      status: 'open',
    })
    .returning();
  const cats: { code: RegistrationCategory; deadline: string | null }[] = [
    { code: 'party', deadline: '2026-04-01T00:00:00Z' },
    { code: 'igo', deadline: '2026-04-01T00:00:00Z' },
    { code: 'media', deadline: '2026-02-01T00:00:00Z' },
    { code: 'observer', deadline: null },
  ];
  await db.insert(categories).values(
    cats.map((c, i) => ({
      editionId: edition!.id,
      code: c.code,
      name: { en: c.code, ja: c.code },
      colour: ['#1d4ed8', '#047857', '#b45309', '#6b7280'][i]!,
      deadline: c.deadline ? new Date(c.deadline) : null,
    })),
  );
  const orgs = await db
    .insert(organisations)
    .values([
      { kind: 'state', iso3: 'JPN', code: 'JPN' },
      { kind: 'state', iso3: 'KOR', code: 'KOR' },
      {
        kind: 'international_organisation',
        code: 'ITU',
        name: { en: 'International Telecommunication Union', ja: '国際電気通信連合' },
      },
    ])
    .returning();
  const dels = await db
    .insert(delegations)
    .values(orgs.map((o) => ({ editionId: edition!.id, organisationId: o.id, code: o.code })))
    .returning();
  const delegation = Object.fromEntries(dels.map((d) => [d.code, d.id])) as World['delegation'];
  const made = await db
    .insert(users)
    .values([
      {
        email: 'sec@test.example',
        displayName: 'Secretariat Officer',
        passwordHash: hashed,
        role: 'secretariat',
      },
      {
        email: 'jpn@test.example',
        displayName: 'Japan Focal Point',
        passwordHash: hashed,
        role: 'focal_point',
        delegationId: delegation.JPN,
      },
      {
        email: 'kor@test.example',
        displayName: 'Korea Focal Point',
        passwordHash: hashed,
        role: 'focal_point',
        delegationId: delegation.KOR,
      },
    ])
    .returning();
  const asSession = (u: (typeof made)[number]): SessionUser => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    delegationId: u.delegationId,
    participantId: u.participantId,
  });
  const sessionUsers = {
    secretariat: asSession(made[0]!),
    focalJpn: asSession(made[1]!),
    focalKor: asSession(made[2]!),
  };
  const services = createServices(database, clock);
  return {
    database,
    services,
    clock,
    slug: 'test-2026',
    editionId: edition!.id,
    delegation,
    users: sessionUsers,
    actors: {
      secretariat: actorFor(sessionUsers.secretariat),
      focalJpn: actorFor(sessionUsers.focalJpn),
      focalKor: actorFor(sessionUsers.focalKor),
    },
    close: () => database.close(),
  };
}

/** A nomination's fields, overridable: aMember({ rank: 'vice_minister' }). */
export function aMember(
  overrides: Partial<{
    familyName: Localized;
    givenName: Localized;
    title: Localized;
    rank: Rank;
    category: RegistrationCategory;
    dateOfBirth: string;
    passportNumber: string;
    email: string;
  }> = {},
) {
  return {
    familyName: { en: 'Mitsuya', ja: '三ッ矢' },
    givenName: { en: 'Norio', ja: '憲生' },
    title: { en: 'State Minister for Foreign Affairs', ja: '外務副大臣' },
    rank: 'vice_minister' as Rank,
    category: 'party' as RegistrationCategory,
    dateOfBirth: '1951-01-01',
    passportNumber: 'TZ1234567',
    ...overrides,
  };
}

export async function participantRow(world: World, id: string) {
  const [row] = await world.database.db.select().from(participants).where(eq(participants.id, id));
  return row!;
}

/** An app for inject(), and a helper that signs a user in and returns cookie + CSRF headers. */
export async function createTestApp(
  world: World,
): Promise<FastifyInstance & { signIn(email: string): Promise<Record<string, string>> }> {
  const app = await buildApp(world.services, { web: false });
  return Object.assign(app, {
    async signIn(email: string) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email, password: PASSWORD },
      });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'plenary_session')!;
      return {
        cookie: `plenary_session=${cookie.value}`,
        'x-csrf-token': response.json().csrfToken as string,
      };
    },
  });
}
