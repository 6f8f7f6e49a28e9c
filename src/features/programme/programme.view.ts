/**
 * The programme as plain data: what the programme service reads from the database and what
 * the exports (iCalendar, Frab XML/JSON, CSV/XLSX) and the public pages are written from.
 * Times are ISO 8601 instants (UTC); the venue's IANA time zone says how to show them.
 */
import type { AttendanceMode, Localized, SessionKind, SessionRole } from '../../db/schema.js';

export interface ProgrammeView {
  edition: {
    slug: string;
    name: Localized;
    /** Short name used as Frab's acronym, e.g. `seoul-2013`. */
    acronym: string;
    city: Localized;
    venue: Localized;
    timeZone: string;
    startDate: string; // YYYY-MM-DD, venue's calendar
    endDate: string;
    /** Absolute base URL of the public site, e.g. http://localhost:3000 */
    baseUrl: string;
  };
  rooms: RoomView[];
  sessions: SessionView[];
}

export interface RoomView {
  id: string;
  code: string;
  name: Localized;
  capacity: number;
  building: string | null;
  kind: string;
}

export interface SessionPerson {
  participantId: string;
  name: Localized; // display name per language, e.g. { en: 'Norio Mitsuya', ja: '三ツ矢 憲生' }
  title: Localized;
  organisation: Localized; // e.g. { en: 'Japan', ja: '日本' }
  delegationCode: string;
  role: SessionRole;
  attendance: AttendanceMode;
  mediaUrl: string | null;
}

export interface SessionView {
  id: string;
  code: string; // slug within the edition, e.g. `plenary-2`
  kind: SessionKind;
  title: Localized;
  theme: Localized;
  description: Localized;
  roomId: string;
  roomCode: string;
  roomName: Localized;
  startsAt: string; // ISO instant
  endsAt: string;
  languages: string[];
  status: 'draft' | 'published' | 'cancelled';
  people: SessionPerson[];
  /** Last change, for ETags, iCalendar SEQUENCE/DTSTAMP and Frab's version. */
  updatedAt: string;
  version: number;
}
