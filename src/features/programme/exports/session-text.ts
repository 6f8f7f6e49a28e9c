/**
 * What every export says about a session in words: who chairs and speaks (and who does so by
 * video message), the public page's address, labels in the reader's language.
 */
import type { AttendanceMode, SessionKind, SessionRole } from '../../../db/schema.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { pick } from '../../../platform/localized.js';
import type { ProgrammeView, SessionPerson, SessionView } from '../programme.view.js';

/**
 * Public exports leave drafts out whatever view they are given: a file that reaches a phone or
 * a room screen cannot be called back. The caller filters cancelled sessions per format.
 */
export function publicSessions(view: ProgrammeView): SessionView[] {
  return view.sessions
    .filter((session) => session.status !== 'draft')
    .sort(
      (a, b) =>
        Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
        a.roomCode.localeCompare(b.roomCode) ||
        a.code.localeCompare(b.code),
    );
}

export function programmeUrl(view: ProgrammeView): string {
  const base = view.edition.baseUrl.replace(/\/+$/, '');
  return `${base}/editions/${encodeURIComponent(view.edition.slug)}/programme`;
}

export function sessionUrl(view: ProgrammeView, session: SessionView): string {
  return `${programmeUrl(view)}#${encodeURIComponent(session.code)}`;
}

// Kept here until the exports' words join the message catalogue (platform/i18n).
const LABELS = {
  en: {
    theme: 'Theme',
    chair: 'Chair',
    moderator: 'Moderator',
    speaker: 'Speakers',
    panellist: 'Panellists',
    languages: 'Languages',
    video_message: '(video message)',
    live_link: '(remote, live link)',
    cancelled: 'Cancelled',
    opening: 'Opening',
    plenary: 'Plenary',
    panel: 'Panel',
    closing: 'Closing',
    side_event: 'Side event',
  },
  ja: {
    theme: 'テーマ',
    chair: '議長',
    moderator: 'モデレーター',
    speaker: '発言者',
    panellist: 'パネリスト',
    languages: '言語',
    video_message: '（ビデオメッセージ）',
    live_link: '（オンライン参加）',
    cancelled: '中止',
    opening: '開会式',
    plenary: '全体会合',
    panel: 'パネル',
    closing: '閉会式',
    side_event: 'サイドイベント',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type LabelKey = keyof (typeof LABELS)['en'];

export function label(lang: Lang, key: LabelKey): string {
  return LABELS[lang][key];
}

export function kindLabel(lang: Lang, kind: SessionKind): string {
  return label(lang, kind);
}

const ROLE_ORDER: readonly SessionRole[] = ['chair', 'moderator', 'speaker', 'panellist'];

/** `Ban Ki-moon (United Nations) (video message)`; the marker only for those not in the room. */
export function personLine(person: SessionPerson, lang: Lang): string {
  const name = pick(person.name, lang);
  const organisation = pick(person.organisation, lang);
  const marker = remoteMarker(person.attendance, lang);
  if (lang === 'ja') return `${name}${organisation ? `（${organisation}）` : ''}${marker}`;
  return [organisation ? `${name} (${organisation})` : name, marker].filter(Boolean).join(' ');
}

export function remoteMarker(attendance: AttendanceMode, lang: Lang): string {
  return attendance === 'present' ? '' : label(lang, attendance);
}

export function peopleWithRoles(
  session: SessionView,
  roles: readonly SessionRole[],
  lang: Lang,
): string[] {
  return session.people
    .filter((person) => roles.includes(person.role))
    .map((person) => personLine(person, lang));
}

/**
 * The session in a few lines of plain text: theme, then each role with its people, then the
 * languages. Used as iCalendar's DESCRIPTION and in Frab's description.
 */
export function sessionSummaryLines(session: SessionView, lang: Lang): string[] {
  const separator = lang === 'ja' ? '、' : ', ';
  const colon = lang === 'ja' ? '：' : ': ';
  const lines: string[] = [];
  const theme = pick(session.theme, lang);
  if (theme) lines.push(`${label(lang, 'theme')}${colon}${theme}`);
  for (const role of ROLE_ORDER) {
    const people = peopleWithRoles(session, [role], lang);
    if (people.length > 0) lines.push(`${label(lang, role)}${colon}${people.join(separator)}`);
  }
  if (session.languages.length > 0) {
    lines.push(`${label(lang, 'languages')}${colon}${session.languages.join(separator)}`);
  }
  return lines;
}
