/**
 * A member's personal agenda for the focal point: the sessions where they chair, moderate or
 * speak, in the venue's time zone, and the address of a calendar feed that keeps it up to date.
 */
import { useState } from 'react';
import {
  formatDate,
  formatTime,
  localizedText,
  t as translate,
  venueDate,
} from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import { LoadError, Loading } from '../../components/common.js';
import { SelectField } from '../../components/forms.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { useSearchParams } from '../../router.js';
import type { Delegation, Edition, Participant } from '../../types.js';

export function AgendaPage({ edition, delegation }: { edition: Edition; delegation: Delegation }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const members = useLoad(
    () => api.participants(edition.slug, delegation.code, { pageSize: 200 }),
    [edition.slug, delegation.code],
  );
  const listed = (members.data?.items ?? []).filter(
    (m) => m.status !== 'withdrawn' && m.status !== 'rejected',
  );
  const wanted = params.get('member');
  // The head of delegation first: the member a focal point most often looks up.
  const member =
    listed.find((m) => m.id === wanted) ??
    listed.find((m) => m.id === delegation.head?.id) ??
    listed[0];

  return (
    <section aria-labelledby="agenda-title">
      <h2 className="heading-l" id="agenda-title">
        {t('agenda.title')}
      </h2>
      <p>{t('agenda.intro', { zone: edition.timeZone })}</p>
      {members.error ? <LoadError error={members.error} /> : null}
      {!members.data && !members.error ? <Loading /> : null}
      {members.data && listed.length === 0 ? <p>{t('agenda.noMembers')}</p> : null}
      {member ? (
        <>
          <div className="filters">
            <SelectField
              id="agenda-member"
              label={t('agenda.member')}
              options={listed.map((m) => ({ value: m.id, label: m.displayName }))}
              value={member.id}
              onChange={(id) => setParams({ member: id })}
            />
          </div>
          <MemberAgenda key={member.id} edition={edition} member={member} />
        </>
      ) : null}
    </section>
  );
}

function MemberAgenda({ edition, member }: { edition: Edition; member: Participant }) {
  const { lang, t } = useI18n();
  const agenda = useLoad(() => api.agenda(edition.slug, member.id), [edition.slug, member.id]);
  const feed = useLoad(() => api.agendaFeed(edition.slug, member.id), [edition.slug, member.id]);
  const zone = agenda.data?.edition.timeZone ?? edition.timeZone;
  const name = member.displayName;

  if (agenda.error) return <LoadError error={agenda.error} />;
  if (!agenda.data) return <Loading />;
  const sessions = agenda.data.sessions;

  return (
    <>
      {sessions.length === 0 ? (
        <p>{t('agenda.none', { name })}</p>
      ) : (
        <div className="table-wrap">
          <table className="table agenda-table">
            <caption className="table__caption">{t('agenda.caption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agenda.when')}</th>
                <th scope="col">{t('agenda.session')}</th>
                <th scope="col">{t('agenda.room')}</th>
                <th scope="col">{t('agenda.role')}</th>
                <th scope="col">{t('agenda.attendance')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => {
                const roles = s.people.filter((p) => p.participantId === member.id);
                return (
                  <tr key={s.code}>
                    <td className="nowrap">
                      {formatDate(lang, venueDate(s.startsAt, zone), zone)}
                      <span className="secondary">
                        {formatTime(lang, s.startsAt, zone)}–{formatTime(lang, s.endsAt, zone)}
                      </span>
                    </td>
                    <th scope="row">
                      {localizedText(lang, s.title)}
                      {localizedText(lang, s.theme) ? (
                        <span className="secondary">{localizedText(lang, s.theme)}</span>
                      ) : null}
                    </th>
                    <td>{localizedText(lang, s.roomName) || s.roomCode}</td>
                    <td>
                      {roles
                        .map((p) =>
                          translate(lang, `programme.role.${p.role}` as 'programme.role.chair'),
                        )
                        .join(', ')}
                    </td>
                    <td>
                      {roles
                        .map((p) =>
                          translate(
                            lang,
                            `agenda.attendance.${p.attendance}` as 'agenda.attendance.present',
                          ),
                        )
                        .join(', ')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <section className="panel agenda-feed" aria-labelledby="agenda-feed-title">
        <h3 className="heading-m" id="agenda-feed-title">
          {t('agenda.subscribe.title')}
        </h3>
        <p>{t('agenda.subscribe.intro', { name })}</p>
        {feed.error ? <LoadError error={feed.error} /> : null}
        {feed.data ? <FeedAddress url={feed.data.url} /> : null}
      </section>
    </>
  );
}

/** The feed's address to copy, and a webcal: link that calendar apps open as a subscription. */
function FeedAddress({ url }: { url: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'' | 'ok' | 'failed'>('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('ok');
    } catch {
      setCopied('failed');
      (document.getElementById('agenda-feed-url') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <>
      <div className="field">
        <label className="label" htmlFor="agenda-feed-url">
          {t('agenda.subscribe.url')}
        </label>
        <input
          className="input input--code agenda-feed__url"
          id="agenda-feed-url"
          type="text"
          readOnly
          value={url}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={copy}>
          {t('agenda.subscribe.copy')}
        </button>
        <a className="agenda-feed__subscribe" href={url.replace(/^https?:/, 'webcal:')}>
          {t('agenda.subscribe.open')}
        </a>
        <span role="status" className={copied === 'failed' ? 'text-warning' : 'hint'}>
          {copied === 'ok' ? t('agenda.subscribe.copied') : null}
          {copied === 'failed' ? t('agenda.subscribe.copyFailed') : null}
        </span>
      </div>
    </>
  );
}
