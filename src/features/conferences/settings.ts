/**
 * Per-conference settings. Where practice varies between conferences, the edition decides;
 * the defaults follow common practice (DOMAIN.md).
 */
export interface EditionSettings {
  /** Publish the list of participants who consented (name, title, organisation only). */
  publishParticipantList: boolean;
  /** Days an invitation link stays valid. */
  invitationDays: number;
  /** Bilateral meetings: length of a bookable slot, and the bookable hours of each day (venue time). */
  bilateralSlotMinutes: number;
  bilateralDayStart: string;
  bilateralDayEnd: string;
  /** Minutes a principal needs to move between zones (floors, buildings) between two meetings. */
  bilateralTransferMinutes: number;
  /** Seats a delegation takes at a bilateral table (principal, note-taker, interpreter…). */
  bilateralSeatsPerDelegation: number;
  /** Silence procedure: the shortest time a text is circulated before it is adopted (hours). */
  silenceHours: number;
}

export const DEFAULT_SETTINGS: EditionSettings = {
  publishParticipantList: true,
  invitationDays: 14,
  bilateralSlotMinutes: 30,
  bilateralDayStart: '08:30',
  bilateralDayEnd: '19:00',
  bilateralTransferMinutes: 15,
  bilateralSeatsPerDelegation: 2,
  silenceHours: 72,
};

const positiveInteger = (value: unknown, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= max;
const clockTime = (value: unknown): value is string =>
  typeof value === 'string' && /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(value);

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
    bilateralSlotMinutes: positiveInteger(value.bilateralSlotMinutes, 240)
      ? value.bilateralSlotMinutes
      : DEFAULT_SETTINGS.bilateralSlotMinutes,
    bilateralDayStart: clockTime(value.bilateralDayStart)
      ? value.bilateralDayStart
      : DEFAULT_SETTINGS.bilateralDayStart,
    bilateralDayEnd: clockTime(value.bilateralDayEnd)
      ? value.bilateralDayEnd
      : DEFAULT_SETTINGS.bilateralDayEnd,
    bilateralTransferMinutes:
      typeof value.bilateralTransferMinutes === 'number' && value.bilateralTransferMinutes >= 0
        ? value.bilateralTransferMinutes
        : DEFAULT_SETTINGS.bilateralTransferMinutes,
    bilateralSeatsPerDelegation: positiveInteger(value.bilateralSeatsPerDelegation, 50)
      ? value.bilateralSeatsPerDelegation
      : DEFAULT_SETTINGS.bilateralSeatsPerDelegation,
    silenceHours: positiveInteger(value.silenceHours, 24 * 90)
      ? value.silenceHours
      : DEFAULT_SETTINGS.silenceHours,
  };
}
