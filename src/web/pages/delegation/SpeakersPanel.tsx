/**
 * The focal point's inscriptions on lists of speakers: choose a session, inscribe one of the
 * delegation's members (the rank comes from the member's record), withdraw, change the speaker,
 * request a right of reply. The list is shown live, our place highlighted.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { localizedText, rankLabel } from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import { LoadError, Loading } from '../../components/common.js';
import { Notice, SelectField } from '../../components/forms.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { Link, useSearchParams } from '../../router.js';
import { useSession } from '../../session.js';
import '../hall/hall.css';
import { SpeakersTable } from '../hall/SpeakersTable.js';
import {
  programmeSessions,
  type SpeakersCommand,
  sendCommand,
  useLiveSpeakers,
} from '../hall/speakers.client.js';

export function SpeakersPanel() {
  const { lang, t, errorText } = useI18n();
  const { user } = useSession();
  const own = user?.delegation;
  const slug = own?.editionSlug ?? '';
  const code = own?.code ?? '';
  const [params, setParams] = useSearchParams();
  const session = params.get('session') ?? '';
  const sessions = useLoad(() => programmeSessions(slug), [slug]);
  const members = useLoad(() => api.participants(slug, code, { pageSize: 200 }), [slug, code]);
  const live = useLiveSpeakers(slug, session, lang);
  const [member, setMember] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: a message belongs to the session it was shown for
  useEffect(() => {
    setNotice('');
    setError(null);
  }, [session]);

  if (!own) return <p>{t('portal.noDelegation')}</p>;
  if (sessions.error) return <LoadError error={sessions.error} />;
  if (!sessions.data) return <Loading />;
  const eligible = (members.data?.items ?? []).filter(
    (m) => m.status !== 'rejected' && m.status !== 'withdrawn',
  );
  const nameOf = (id: string) => eligible.find((m) => m.id === id)?.displayName ?? '';
  const view = session ? live.view : undefined;
  const position = view
    ? view.queue.findIndex((q) => q.kind === 'regular' && q.delegation.code === code)
    : -1;
  const speaking = view?.current?.delegation.code === code && view.current.kind === 'regular';
  const replyWaiting = view?.rightsOfReply.some((r) => r.delegation.code === code) ?? false;

  const run = async (command: SpeakersCommand, done: string) => {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      live.accept(await sendCommand(slug, session, command));
      setNotice(done);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <p className="caption">
        <Link href="/portal">{t('portal.speakers.backToPortal')}</Link>
      </p>
      <h1 className="heading-xl">
        {t('portal.speakers.title')}: {own.name}
      </h1>
      <p>{t('portal.speakers.intro')}</p>
      <SelectField
        id="speakers-session"
        label={t('speakers.session')}
        value={session}
        placeholder={t('speakers.chooseSession')}
        onChange={(next) => setParams(next ? { session: next } : {})}
        options={sessions.data.map((s) => ({ value: s.code, label: localizedText(lang, s.title) }))}
      />
      {session && !view ? <Loading /> : null}
      {view ? (
        <>
          <h2 className="heading-l">
            {view.session.title}
            <span className={`speakers-status speakers-status--${view.open ? 'open' : 'closed'}`}>
              {view.open ? t('speakers.open') : t('speakers.closed')}
            </span>
          </h2>
          {error ? (
            <div className="notice notice--error" role="alert">
              {errorText(error)}
            </div>
          ) : null}
          <Notice>{notice}</Notice>
          <p className="speakers-place" data-testid="our-place">
            {speaking
              ? t('portal.speakers.speaking')
              : position >= 0
                ? t('portal.speakers.ours', { position: position + 1, total: view.queue.length })
                : t('portal.speakers.notInscribed')}
          </p>
          <form
            className="speakers-form"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              if (!member) return;
              void run(
                {
                  type: position >= 0 ? 'speaker.change' : 'speaker.inscribe',
                  delegation: code,
                  participantId: member,
                },
                position >= 0
                  ? t('portal.speakers.changed', { name: nameOf(member) })
                  : t('portal.speakers.inscribed', { name: nameOf(member) }),
              );
            }}
          >
            {members.error ? <LoadError error={members.error} /> : null}
            <SelectField
              id="speakers-member"
              label={t('portal.speakers.member')}
              value={member}
              placeholder={t('portal.speakers.chooseMember')}
              onChange={setMember}
              options={eligible.map((m) => ({
                value: m.id,
                label: [m.displayName, rankLabel(lang, m.rank), localizedText(lang, m.title)]
                  .filter((part, i, all) => part && all.indexOf(part) === i)
                  .join(' — '),
              }))}
            />
            <div className="button-group">
              <button
                type="submit"
                className="button"
                id="speakers-inscribe"
                disabled={busy || !member || speaking || (position < 0 && !view.open)}
              >
                {position >= 0 ? t('portal.speakers.change') : t('portal.speakers.inscribe')}
              </button>
              {position >= 0 ? (
                <button
                  type="button"
                  className="button button--warning"
                  disabled={busy}
                  onClick={() =>
                    void run(
                      { type: 'speaker.withdraw', delegation: code },
                      t('portal.speakers.withdrawn'),
                    )
                  }
                >
                  {t('portal.speakers.withdraw')}
                </button>
              ) : null}
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() =>
                  void run(
                    replyWaiting
                      ? { type: 'speaker.withdraw_right_of_reply', delegation: code }
                      : {
                          type: 'speaker.right_of_reply',
                          delegation: code,
                          ...(member ? { participantId: member } : {}),
                        },
                    replyWaiting
                      ? t('portal.speakers.replyWithdrawn')
                      : t('portal.speakers.replyRequested'),
                  )
                }
              >
                {replyWaiting
                  ? t('portal.speakers.withdrawReply')
                  : t('portal.speakers.rightOfReply')}
              </button>
            </div>
          </form>
          <h3 className="heading-m">{t('speakers.order')}</h3>
          <SpeakersTable view={view} highlight={code} />
        </>
      ) : null}
    </div>
  );
}
