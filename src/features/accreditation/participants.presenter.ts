/**
 * Presenters are the only way participant data leaves the server; they hide fields by role.
 */
import type { Localized, participants } from '../../db/schema.js';
import { pick } from '../../platform/localized.js';
import type { Actor } from '../accounts/actor.js';
import { accreditationPolicy } from './accreditation.policy.js';
import { photoRequired } from './rules.js';

/** A participant's record, less the generated search text (lists do not fetch it). */
type ParticipantRow = Omit<typeof participants.$inferSelect, 'nameSearch'>;

/** "Norio MITSUYA" in English; 三ッ矢 憲生 (family name first) in Japanese when the record has it. */
export function displayName(
  p: { familyName: Localized; givenName: Localized },
  lang: string,
): string {
  if (lang === 'ja' && p.familyName.ja) {
    return [p.familyName.ja, p.givenName.ja].filter(Boolean).join(' ');
  }
  const family = p.familyName.en ?? pick(p.familyName, lang);
  const given = p.givenName.en ?? pick(p.givenName, lang);
  return [given, family].filter(Boolean).join(' ');
}

export function presentParticipant(
  row: ParticipantRow,
  context: { actor: Actor; lang: string; delegationCode: string },
) {
  const personal = accreditationPolicy.seePersonalData(context.actor, row.delegationId);
  return {
    id: row.id,
    delegationCode: context.delegationCode,
    familyName: row.familyName,
    givenName: row.givenName,
    displayName: displayName(row, context.lang),
    title: row.title,
    rank: row.rank,
    category: row.category,
    email: row.email,
    gender: row.gender,
    nationality: row.nationality,
    ...(personal ? { dateOfBirth: row.dateOfBirth, passportNumber: row.passportNumber } : {}),
    status: row.status,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    hasPhoto: row.photoFileId !== null,
    photoRequired: photoRequired(row.rank),
    consentToPublish: row.consentToPublish,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ParticipantView = ReturnType<typeof presentParticipant>;

/** What the public may see of a participant who consented to publication. */
export function presentPublicParticipant(
  row: Pick<ParticipantRow, 'familyName' | 'givenName' | 'title'>,
  lang: string,
) {
  return { displayName: displayName(row, lang), title: pick(row.title, lang) };
}
