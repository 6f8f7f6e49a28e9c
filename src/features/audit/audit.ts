/**
 * Every change writes an audit event in the change's own transaction: who, what, when,
 * before and after. Services call `recordAudit(tx, …)` next to the write it describes.
 */

import type { Tx } from '../../db/connection.js';
import { auditEvents } from '../../db/schema.js';
import type { Action } from '../../platform/actions.js';
import { type Actor, actorId, actorLabel } from '../accounts/actor.js';

export interface AuditEntry {
  actor: Actor;
  action: Action;
  entityType: string;
  entityId: string;
  editionId?: string | null;
  delegationId?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(tx: Tx, at: Date, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values(toRow(at, entry));
}

export async function recordAuditMany(tx: Tx, at: Date, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await tx.insert(auditEvents).values(entries.slice(i, i + 500).map((e) => toRow(at, e)));
  }
}

function toRow(at: Date, entry: AuditEntry) {
  return {
    at,
    actorId: actorId(entry.actor),
    actorLabel: actorLabel(entry.actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    editionId: entry.editionId ?? null,
    delegationId: entry.delegationId ?? null,
    before: entry.before === undefined ? null : redact(entry.before),
    after: entry.after === undefined ? null : redact(entry.after),
  };
}

/** Secrets never enter the log; personal identifiers are masked there (the record keeps them). */
const MASKED = new Set(['passwordHash', 'passportNumber', 'dateOfBirth', 'tokenHash', 'bytes']);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (MASKED.has(key)) out[key] = inner == null ? null : '•••';
      else out[key] = redact(inner);
    }
    return out;
  }
  return value;
}
