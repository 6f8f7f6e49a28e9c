/**
 * The hall screen (public, no sign-in): who has the floor, from which country or organisation,
 * the speaking time in large type (red once over time), and the next three. It follows the list
 * live; the timer counts in the browser between changes.
 */
import { useEffect } from 'react';
import { formatTime } from '../../../platform/i18n/i18n.js';
import { useI18n } from '../../i18n.js';
import './hall.css';
import { kindKey } from './SpeakersTable.js';
import { minutesSeconds, timerNow, useLiveSpeakers, useTick } from './speakers.client.js';

export function HallScreenPage({ slug, session }: { slug: string; session: string }) {
  const { lang, t } = useI18n();
  const live = useLiveSpeakers(slug, session, lang);
  const view = live.view;
  const now = useTick(Boolean(view?.timer.running));
  useEffect(() => {
    if (view) document.title = `${view.session.title} — ${t('speakers.title')}`;
  }, [view, t]);

  if (!view) {
    return (
      <main className="hall">
        <p className="hall__waiting">
          {live.connected ? t('app.loading') : t('speakers.reconnecting')}
        </p>
      </main>
    );
  }
  const clock = timerNow(view, live.receivedAt, now);
  const current = view.current;
  const clockClass = [
    'hall__clock',
    clock.overrunMs > 0 ? 'hall__clock--overrun' : '',
    current && !clock.running ? 'hall__clock--paused' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <main className="hall" aria-live="polite">
      <header className="hall__header">
        <div>
          <p className="hall__event">
            {view.edition.name} · {view.session.room} ·{' '}
            {formatTime(lang, view.session.startsAt, view.edition.timeZone)}
          </p>
          <h1 className="hall__session">{view.session.title}</h1>
        </div>
        <div className="hall__status">
          <span className={view.open ? 'hall__badge' : 'hall__badge hall__badge--closed'}>
            {t('speakers.title')}: {view.open ? t('speakers.open') : t('speakers.closed')}
          </span>
          {live.connected ? null : (
            <span className="hall__badge hall__badge--offline">{t('speakers.reconnecting')}</span>
          )}
        </div>
      </header>

      <div className="hall__main">
        <section className="hall__current" aria-label={t('speakers.current')}>
          {current ? (
            <>
              <p className="hall__label">
                {current.kind === 'regular' ? t('speakers.current') : t(kindKey(current.kind))}
              </p>
              <p className="hall__delegation" data-testid="hall-delegation">
                {current.delegation.name}
              </p>
              {current.speaker ? <p className="hall__speaker">{current.speaker.name}</p> : null}
              {current.speaker?.title ? (
                <p className="hall__title">{current.speaker.title}</p>
              ) : null}
              {current.attendance !== 'present' ? (
                <p className="hall__attendance">{t(`speakers.attendance.${current.attendance}`)}</p>
              ) : null}
            </>
          ) : (
            <p className="hall__waiting">{t('hall.waiting')}</p>
          )}
        </section>
        <section className={clockClass} aria-label={t('speakers.timer')}>
          {current && clock.limitMs !== null ? (
            <>
              <p className="hall__time" data-testid="hall-time">
                {clock.overrunMs > 0
                  ? `+${minutesSeconds(clock.overrunMs)}`
                  : minutesSeconds(clock.remainingMs ?? 0)}
              </p>
              <p className="hall__time-note">
                {clock.overrunMs > 0
                  ? t('speakers.overrun', { time: minutesSeconds(clock.overrunMs) })
                  : t('speakers.remaining', { limit: minutesSeconds(clock.limitMs) })}
                {clock.running ? '' : ` · ${t('speakers.paused')}`}
              </p>
            </>
          ) : current ? (
            <>
              <p className="hall__time">{minutesSeconds(clock.elapsedMs)}</p>
              <p className="hall__time-note">{t('speakers.noLimit')}</p>
            </>
          ) : (
            <p className="hall__time-note">{t('speakers.timer')}</p>
          )}
        </section>
      </div>

      <section className="hall__next" aria-label={t('speakers.next')}>
        <h2>{t('speakers.next')}</h2>
        {view.next.length > 0 ? (
          <ol>
            {view.next.map((entry) => (
              <li key={`${entry.kind}-${entry.resumes}-${entry.delegation.code}`}>
                {entry.kind !== 'regular' || entry.resumes ? (
                  <span className="hall__next-kind">
                    {entry.resumes ? t('speakers.resumes') : t(kindKey(entry.kind))}
                  </span>
                ) : null}
                <span className="hall__next-delegation">{entry.delegation.name}</span>
                {entry.speaker ? (
                  <span className="hall__next-speaker">
                    {entry.speaker.name}
                    {entry.speaker.title ? ` — ${entry.speaker.title}` : ''}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="hall__next-speaker">{t('speakers.empty')}</p>
        )}
      </section>
    </main>
  );
}
