/**
 * Per-conference settings. Where practice varies between conferences, the edition decides;
 * the defaults follow common practice (DOMAIN.md).
 */
export interface EditionSettings {
  /** Publish the list of participants who consented (name, title, organisation only). */
  publishParticipantList: boolean;
  /** Days an invitation link stays valid. */
  invitationDays: number;
}

export const DEFAULT_SETTINGS: EditionSettings = {
  publishParticipantList: true,
  invitationDays: 14,
};

export function editionSettings(raw: Record<string, unknown> | null | undefined): EditionSettings {
  const value = raw ?? {};
  return {
    publishParticipantList:
      typeof value.publishParticipantList === 'boolean'
        ? value.publishParticipantList
        : DEFAULT_SETTINGS.publishParticipantList,
    invitationDays:
      typeof value.invitationDays === 'number' && value.invitationDays > 0
        ? value.invitationDays
        : DEFAULT_SETTINGS.invitationDays,
  };
}
