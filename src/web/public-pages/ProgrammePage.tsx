import type { ProgrammeView, SessionView } from '../../features/programme/programme.view.js';
import {
  formatDate,
  formatEraDate,
  formatTime,
  type Lang,
  type MessageKey,
  t,
  localizedText as text,
  venueDate,
} from '../../platform/i18n/i18n.js';
import { Layout } from './Layout.js';
import { publicPaths } from './paths.js';

export interface ProgrammePageProps {
  lang: Lang;
  programme: ProgrammeView;
}

function byDay(sessions: SessionView[], timeZone: string): [string, SessionView[]][] {
  const days = new Map<string, SessionView[]>();
  for (const session of sessions) {
    const day = venueDate(session.startsAt, timeZone);
    days.set(day, [...(days.get(day) ?? []), session]);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function People({ lang, session }: { lang: Lang; session: SessionView }) {
  if (session.people.length === 0) return null;
  return (
    <ul className="plain-list">
      {session.people.map((person) => (
        <li key={`${person.participantId}-${person.role}`}>
          <span className="muted">{t(lang, `programme.role.${person.role}` as MessageKey)}: </span>
          {text(lang, person.name)}
          {text(lang, person.title) ? `, ${text(lang, person.title)}` : ''} (
          {text(lang, person.organisation)})
          {person.attendance !== 'present' ? (
            <span className="tag">
              {t(
                lang,
                person.attendance === 'video_message'
                  ? 'programme.videoMessage'
                  : 'programme.liveLink',
              )}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The public programme of an edition, day by day in the venue's time zone. */
export function ProgrammePage({ lang, programme }: ProgrammePageProps) {
  const { edition } = programme;
  const zone = edition.timeZone;
  const name = text(lang, edition.name);
  const base = `${publicPaths.edition(edition.slug)}`;
  const downloads: [string, MessageKey][] = [
    [`${base}/programme.ics`, 'programme.ics'],
    [`${base}/schedule.xml`, 'programme.frabXml'],
    [`${base}/schedule.json`, 'programme.frabJson'],
    [`${base}/programme.csv?lang=${lang}`, 'programme.csv'],
    [`${base}/programme.xlsx?lang=${lang}`, 'programme.xlsx'],
  ];
  return (
    <Layout lang={lang} title={t(lang, 'programme.of', { name })}>
      <p className="caption">
        <a href={base}>{name}</a>
      </p>
      <h1 className="heading-xl">{t(lang, 'programme.title')}</h1>
      <p>{t(lang, 'programme.timesIn', { zone })}</p>
      {programme.sessions.length === 0 ? <p>{t(lang, 'programme.empty')}</p> : null}
      {byDay(programme.sessions, zone).map(([day, sessions]) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 className="heading-l" id={`day-${day}`}>
            {formatDate(lang, day, zone)}
            {lang === 'ja' ? <span className="muted">（{formatEraDate(day, zone)}）</span> : null}
          </h2>
          <table className="table table--programme">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'programme.time')}</th>
                <th scope="col">{t(lang, 'programme.session')}</th>
                <th scope="col">{t(lang, 'programme.room')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr
                  key={session.id}
                  id={session.code}
                  className={session.status === 'cancelled' ? 'is-cancelled' : undefined}
                >
                  <td className="nowrap">
                    {formatTime(lang, session.startsAt, zone)}–
                    {formatTime(lang, session.endsAt, zone)}
                  </td>
                  <td>
                    <span className="tag">
                      {t(lang, `programme.kind.${session.kind}` as MessageKey)}
                    </span>
                    {session.status === 'cancelled' ? (
                      <span className="tag tag--warning">{t(lang, 'programme.cancelled')}</span>
                    ) : null}
                    <p className="session-title">
                      <strong>{text(lang, session.title)}</strong>
                    </p>
                    {text(lang, session.theme) &&
                    !text(lang, session.title).includes(text(lang, session.theme)) ? (
                      <p className="muted">{text(lang, session.theme)}</p>
                    ) : null}
                    <People lang={lang} session={session} />
                  </td>
                  <td>
                    {text(lang, session.roomName)}
                    <br />
                    <a className="small" href={`${base}/rooms/${session.roomCode}/programme.ics`}>
                      {t(lang, 'programme.roomCalendar')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <h2 className="heading-m">{t(lang, 'programme.downloads')}</h2>
      <ul className="plain-list">
        {downloads.map(([href, key]) => (
          <li key={href}>
            <a href={href}>{t(lang, key)}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
