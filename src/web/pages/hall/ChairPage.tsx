/**
 * The chair's desk (the secretariat, acting as the chair's office): give the floor, run the
 * timer, close or reopen the list, give the floor for a point of order, fix the first speakers;
 * the ordered list with the reason for each place. Live: every change, from any desk or
 * delegation, arrives through the event stream.
 */
import { type FormEvent, useState } from 'react';
import { localizedText } from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import { LoadError, Loading } from '../../components/common.js';
import { Notice, SelectField, TextField } from '../../components/forms.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { Link, navigate } from '../../router.js';
import './hall.css';
import { kindKey, SpeakersTable } from './SpeakersTable.js';
import {
  minutesSeconds,
  programmeSessions,
  type SpeakersCommand,
  sendCommand,
  timerNow,
  useLiveSpeakers,
  useTick,
} from './speakers.client.js';

export function ChairPage({ slug, session }: { slug: string; session: string }) {
  const { lang, t, errorText } = useI18n();
  const live = useLiveSpeakers(slug, session, lang);
  const sessions = useLoad(() => programmeSessions(slug), [slug]);
  const delegations = useLoad(() => api.delegations(slug), [slug]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [pointOfOrder, setPointOfOrder] = useState('');
  const [firstSpeakers, setFirstSpeakers] = useState('');
  const view = live.view;
  const now = useTick(Boolean(view?.timer.running));

  const run = async (command: SpeakersCommand, label: string) => {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      live.accept(await sendCommand(slug, session, command));
      setNotice(t('chair.done', { action: label }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (!view) return <Loading />;
  const current = view.current;
  const clock = timerNow(view, live.receivedAt, now);
  const button = (
    label: string,
    command: SpeakersCommand,
    options: { secondary?: boolean; warning?: boolean; disabled?: boolean; id?: string } = {},
  ) => (
    <button
      type="button"
      id={options.id}
      className={`button${options.secondary ? ' button--secondary' : ''}${options.warning ? ' button--warning' : ''}`}
      disabled={busy || options.disabled}
      onClick={() => void run(command, label)}
    >
      {label}
    </button>
  );

  return (
    <div className="chair">
      <p className="caption">{view.edition.name}</p>
      <h1 className="heading-xl">
        {t('chair.title')}: {view.session.title}
        <span className={`speakers-status speakers-status--${view.open ? 'open' : 'closed'}`}>
          {view.open ? t('speakers.open') : t('speakers.closed')}
        </span>
        {live.connected ? null : (
          <span className="speakers-status speakers-status--offline">
            {t('speakers.reconnecting')}
          </span>
        )}
      </h1>
      <div className="field-row">
        {sessions.data ? (
          <SelectField
            id="chair-session"
            label={t('speakers.session')}
            value={session}
            onChange={(code) =>
              navigate(`/chair/${encodeURIComponent(slug)}/${encodeURIComponent(code)}`)
            }
            options={sessions.data.map((s) => ({
              value: s.code,
              label: localizedText(lang, s.title),
            }))}
          />
        ) : null}
        <p>
          <Link
            href={`/hall/${encodeURIComponent(slug)}/${encodeURIComponent(session)}`}
            target="_blank"
            rel="noopener"
          >
            {t('chair.hallScreen')}
          </Link>
        </p>
      </div>
      {error ? (
        <div className="notice notice--error" role="alert">
          {errorText(error)}
        </div>
      ) : null}
      <Notice>{notice}</Notice>

      <div className="chair__top">
        <section className="chair__floor" aria-labelledby="chair-floor">
          <h2 className="heading-s" id="chair-floor">
            {current
              ? current.kind === 'regular'
                ? t('speakers.current')
                : t(kindKey(current.kind))
              : t('speakers.current')}
          </h2>
          {current ? (
            <>
              <p className="chair__floor-name" data-testid="chair-current">
                {current.delegation.name}
              </p>
              <p>
                {current.speaker?.name}
                {current.speaker?.title ? (
                  <span className="secondary">{current.speaker.title}</span>
                ) : null}
              </p>
            </>
          ) : (
            <p>{t('speakers.nobody')}</p>
          )}
          <p className="secondary">{t('speakers.spoken', { count: view.spoken })}</p>
        </section>
        <section
          className={clock.overrunMs > 0 ? 'chair__timer chair__timer--overrun' : 'chair__timer'}
          aria-labelledby="chair-timer"
        >
          <h2 className="heading-s" id="chair-timer">
            {t('speakers.timer')}
          </h2>
          <p className="chair__time">
            {clock.overrunMs > 0
              ? `+${minutesSeconds(clock.overrunMs)}`
              : minutesSeconds(clock.remainingMs ?? clock.elapsedMs)}
          </p>
          <p className="secondary">
            {clock.limitMs === null
              ? t('speakers.noLimit')
              : clock.overrunMs > 0
                ? t('speakers.overrun', { time: minutesSeconds(clock.overrunMs) })
                : t('speakers.remaining', { limit: minutesSeconds(clock.limitMs) })}
            {current && !clock.running ? ` · ${t('speakers.paused')}` : ''}
          </p>
        </section>
      </div>

      <div className="chair__controls">
        {button(
          t('chair.nextTimer'),
          { type: 'speaker.next', startTimer: true },
          { id: 'chair-next' },
        )}
        {button(t('chair.next'), { type: 'speaker.next' }, { secondary: true })}
        {button(t('chair.start'), { type: 'timer.start' }, { secondary: true, disabled: !current })}
        {clock.running
          ? button(
              t('chair.pause'),
              { type: 'timer.pause' },
              { secondary: true, disabled: !current },
            )
          : button(
              t('chair.resume'),
              { type: 'timer.resume' },
              { secondary: true, disabled: !current },
            )}
        {button(t('chair.reset'), { type: 'timer.reset' }, { secondary: true, disabled: !current })}
        {view.open
          ? button(t('chair.close'), { type: 'list.close' }, { warning: true, id: 'chair-close' })
          : button(
              t('chair.reopen'),
              { type: 'list.reopen' },
              { secondary: true, id: 'chair-reopen' },
            )}
        {button(t('chair.endOfDay'), { type: 'list.end_of_day' }, { secondary: true })}
      </div>

      <h2 className="heading-m">{t('speakers.order')}</h2>
      <SpeakersTable view={view} />

      {view.rightsOfReply.length > 0 ? (
        <>
          <h2 className="heading-s">{t('speakers.rightsOfReply')}</h2>
          <ul>
            {view.rightsOfReply.map((r) => (
              <li key={r.delegation.code}>{r.delegation.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      {view.swapNotices.length > 0 ? (
        <>
          <h2 className="heading-s">{t('speakers.swapNotices')}</h2>
          <ul>
            {view.swapNotices.map((n) => (
              <li key={n.delegations.map((d) => d.code).join('-')}>
                {n.delegations.map((d) => d.name).join(' ⇄ ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <div className="chair__forms">
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            if (pointOfOrder)
              void run(
                { type: 'speaker.point_of_order', delegation: pointOfOrder },
                t('chair.pointOfOrder'),
              );
          }}
        >
          <h2 className="heading-s">{t('chair.pointOfOrder')}</h2>
          {delegations.error ? <LoadError error={delegations.error} /> : null}
          <SelectField
            id="chair-point-of-order"
            label={t('chair.pointOfOrderFor')}
            value={pointOfOrder}
            onChange={setPointOfOrder}
            placeholder={t('speakers.delegation')}
            options={(delegations.data?.items ?? []).map((d) => ({
              value: d.code,
              label: `${d.name} (${d.code})`,
            }))}
          />
          <button
            type="submit"
            className="button button--secondary"
            disabled={busy || !pointOfOrder}
          >
            {t('chair.raise')}
          </button>
        </form>
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            const codes = firstSpeakers
              .split(/[\s,、]+/)
              .map((c) => c.trim().toUpperCase())
              .filter(Boolean);
            void run(
              { type: 'list.set_first_speakers', delegations: codes },
              t('chair.setFirstSpeakers'),
            );
          }}
        >
          <h2 className="heading-s">{t('chair.firstSpeakers')}</h2>
          <TextField
            id="chair-first-speakers"
            label={t('chair.firstSpeakersLabel')}
            hint={`${t('chair.firstSpeakersHint')}${view.firstSpeakers.length ? ` — ${view.firstSpeakers.map((d) => d.code).join(', ')}` : ''}`}
            value={firstSpeakers}
            onChange={setFirstSpeakers}
            width="medium"
            spellCheck={false}
          />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('chair.setFirstSpeakers')}
          </button>
        </form>
      </div>
    </div>
  );
}
