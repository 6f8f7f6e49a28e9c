/**
 * Sign-in, sessions and invitations. A session is a random token in an HttpOnly cookie; the
 * database keeps its hash and the CSRF token that unsafe requests must echo.
 */
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { authSessions, delegations, editions, invitations, users } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { forbidden, PlenaryError } from '../../platform/errors.js';
import { hashToken, randomToken } from '../../platform/tokens.js';
import { recordAudit } from '../audit/audit.js';
import { type Actor, isSecretariat, systemActor } from './actor.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';

export const SESSION_HOURS = 12;
export const INVITATION_DAYS = 14;

type UserRow = typeof users.$inferSelect;

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: UserRow['role'];
  delegationId: string | null;
  participantId: string | null;
}

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

export function actorFor(user: SessionUser): Actor {
  const base = { kind: 'user' as const, id: user.id, label: user.displayName };
  if (user.role === 'focal_point' && user.delegationId) {
    return { ...base, role: 'focal_point', delegationId: user.delegationId };
  }
  if (user.role === 'participant' && user.participantId) {
    return { ...base, role: 'participant', participantId: user.participantId };
  }
  if (user.role === 'secretariat') return { ...base, role: 'secretariat' };
  return { kind: 'public' };
}

/** What a session needs of its user (every API request reads it: not the password hash). */
const SESSION_USER = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  delegationId: users.delegationId,
  participantId: users.participantId,
  disabled: users.disabled,
};

function toSessionUser(row: SessionUser): SessionUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    delegationId: row.delegationId,
    participantId: row.participantId,
  };
}

export function createAccountsService({ db, clock }: { db: Db; clock: Clock }) {
  // Every API request resolves its session: the query is built once (and is a named prepared
  // statement on a PostgreSQL server) instead of on each request.
  const sessionLookup = db
    .select({ user: SESSION_USER, csrfToken: authSessions.csrfToken })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(
        eq(authSessions.tokenHash, sql.placeholder('tokenHash')),
        gt(authSessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare('session_lookup');

  async function startSession(user: UserRow, action: 'user.sign_in' | 'invitation.accept') {
    const token = randomToken();
    const csrfToken = randomToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
    await db.transaction(async (tx) => {
      await tx.delete(authSessions).where(lt(authSessions.expiresAt, now));
      await tx
        .insert(authSessions)
        .values({ tokenHash: hashToken(token), userId: user.id, csrfToken, expiresAt });
      if (action === 'user.sign_in') {
        await recordAudit(tx, now, {
          actor: { kind: 'system', label: user.displayName },
          action,
          entityType: 'user',
          entityId: user.id,
          delegationId: user.delegationId,
        });
      }
    });
    return { token, csrfToken, expiresAt, user: toSessionUser(user) };
  }

  return {
    async signIn(email: string, password: string): Promise<SignedIn> {
      const [user] = await db
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = lower(${email.trim()})`);
      // Verify against a hash even when the user is unknown, so timing does not reveal accounts.
      const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
      if (!user || !ok || user.disabled) {
        throw new PlenaryError('invalid_credentials', 'The email or password is not right.');
      }
      return startSession(user, 'user.sign_in');
    },

    async session(token: string | undefined) {
      if (!token) return null;
      const [row] = await sessionLookup.execute({
        tokenHash: hashToken(token),
        now: clock.now().toISOString(),
      });
      if (!row || row.user.disabled) return null;
      return { user: toSessionUser(row.user), csrfToken: row.csrfToken };
    },

    async signOut(token: string | undefined, actor: Actor): Promise<void> {
      if (!token) return;
      await db.transaction(async (tx) => {
        const deleted = await tx
          .delete(authSessions)
          .where(eq(authSessions.tokenHash, hashToken(token)))
          .returning({ userId: authSessions.userId });
        if (deleted[0]) {
          await recordAudit(tx, clock.now(), {
            actor,
            action: 'user.sign_out',
            entityType: 'user',
            entityId: deleted[0].userId,
          });
        }
      });
    },

    /** The secretariat invites a focal point of a delegation: a single-use link. */
    async invite(
      actor: Actor,
      input: { editionSlug: string; delegationCode: string; email: string; displayName: string },
    ) {
      if (!isSecretariat(actor)) throw forbidden('Only the secretariat invites focal points.');
      const [delegation] = await db
        .select({ id: delegations.id, editionId: delegations.editionId })
        .from(delegations)
        .innerJoin(editions, eq(editions.id, delegations.editionId))
        .where(
          and(eq(editions.slug, input.editionSlug), eq(delegations.code, input.delegationCode)),
        );
      if (!delegation) {
        throw new PlenaryError(
          'delegation_not_found',
          `No delegation ${input.delegationCode} at ${input.editionSlug}.`,
        );
      }
      const email = input.email.trim();
      const [existing] = await db
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = lower(${email})`);
      if (existing) throw new PlenaryError('duplicate', `An account for ${email} exists already.`);
      const token = randomToken();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
      const invitation = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(invitations)
          .values({
            tokenHash: hashToken(token),
            email,
            displayName: input.displayName.trim(),
            role: 'focal_point',
            delegationId: delegation.id,
            expiresAt,
            createdBy: actor.kind === 'user' ? actor.id : null,
          })
          .returning();
        const created = row!;
        await recordAudit(tx, now, {
          actor,
          action: 'invitation.create',
          entityType: 'invitation',
          entityId: created.id,
          editionId: delegation.editionId,
          delegationId: delegation.id,
          after: { email, displayName: created.displayName, role: created.role, expiresAt },
        });
        return created;
      });
      return { id: invitation.id, token, expiresAt };
    },

    async describeInvitation(token: string) {
      const [row] = await db
        .select({
          invitation: invitations,
          delegationCode: delegations.code,
          delegationId: delegations.id,
          editionSlug: editions.slug,
        })
        .from(invitations)
        .leftJoin(delegations, eq(delegations.id, invitations.delegationId))
        .leftJoin(editions, eq(editions.id, delegations.editionId))
        .where(eq(invitations.tokenHash, hashToken(token)));
      if (!row || row.invitation.usedAt || row.invitation.expiresAt <= clock.now()) {
        throw new PlenaryError(
          'invitation_invalid',
          'This invitation link is not valid: it was used already, has expired or never existed.',
        );
      }
      return row;
    },

    async acceptInvitation(token: string, input: { password: string; displayName?: string }) {
      if (input.password.length < MIN_PASSWORD_LENGTH) {
        throw new PlenaryError(
          'validation_failed',
          `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
          { details: [{ field: 'password', code: 'too_short', message: 'Too short.' }] },
        );
      }
      const passwordHash = await hashPassword(input.password);
      const now = clock.now();
      const user = await db.transaction(async (tx) => {
        // Single use: the conditional update lets exactly one acceptance through.
        const [invitation] = await tx
          .update(invitations)
          .set({ usedAt: now })
          .where(
            and(
              eq(invitations.tokenHash, hashToken(token)),
              isNull(invitations.usedAt),
              gt(invitations.expiresAt, now),
            ),
          )
          .returning();
        if (!invitation) {
          throw new PlenaryError(
            'invitation_invalid',
            'This invitation link is not valid: it was used already, has expired or never existed.',
          );
        }
        const [existing] = await tx
          .select({ id: users.id })
          .from(users)
          .where(sql`lower(${users.email}) = lower(${invitation.email})`);
        if (existing) {
          throw new PlenaryError('duplicate', `An account for ${invitation.email} exists already.`);
        }
        const [created] = await tx
          .insert(users)
          .values({
            email: invitation.email,
            displayName: input.displayName?.trim() || invitation.displayName,
            passwordHash,
            role: invitation.role,
            delegationId: invitation.delegationId,
          })
          .returning();
        await recordAudit(tx, now, {
          actor: systemActor(created!.displayName),
          action: 'invitation.accept',
          entityType: 'invitation',
          entityId: invitation.id,
          delegationId: invitation.delegationId,
          after: { userId: created!.id, email: created!.email, role: created!.role },
        });
        return created!;
      });
      return startSession(user, 'invitation.accept');
    },

    /** Creates or updates an account directly (demo, CLI). */
    async ensureUser(input: {
      email: string;
      displayName: string;
      password: string;
      role: UserRow['role'];
      delegationId?: string | null;
    }) {
      const passwordHash = await hashPassword(input.password);
      await db
        .insert(users)
        .values({ ...input, passwordHash, delegationId: input.delegationId ?? null })
        .onConflictDoNothing();
    },
  };
}

// A valid argon2id hash of a random password, verified against when the user does not exist.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,p=1,t=2$oOQmNkYOiyljiCCgTME/8w$SQbvXZ4ckiqs64aUFq/8hPrqVGjzvP8RuIddSLkOuWs';

export type AccountsService = ReturnType<typeof createAccountsService>;
