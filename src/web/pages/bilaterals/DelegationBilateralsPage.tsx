/**
 * A delegation's bilateral meetings, for its focal point: requests sent and received with their
 * states, a new request, answers (accept, decline, propose another window), cancellation, consent
 * to a scheduled meeting, notifications, and the published schedule with its calendar feed.
 * Times are the venue's (edition.timeZone). A rank mismatch is a warning, never a block.
 */
import { type FormEvent, Fragment, useEffect, useState } from 'react';
import {
  formatDate,
  formatDateTime,
  formatShortDate,
  formatTime,
  localizedText,
  venueDate,
  venueInstant,
} from '../../../platform/i18n/i18n.js';
import { LoadError, Loading } from '../../components/common.js';
import { ErrorSummary, Notice, SelectField, TextField } from '../../components/forms.js';
import { SectionNav } from '../../components/Shell.js';
import { useEdition, useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { Link, useSearchParams } from '../../router.js';
import { useSession } from '../../session.js';
import type { Edition } from '../../types.js';
import {
  bilaterals,
  KINDS,
  type Kind,
  type MeetingView,
  type Party,
  type RequestView,
  type Window,
} from './bilaterals.client.js';
import './bilaterals.css';
import { label, Tag, useBilateralsError, useReasonText, windowText } from './bilaterals.shared.js';

type Tab = 'requests' | 'new' | 'schedule' | 'notifications';
const TABS: Tab[] = ['requests', 'new', 'schedule', 'notifications'];

/** The days of the conference, YYYY-MM-DD. */
function conferenceDays(edition: Edition): string[] {
  const out: string[] = [];
  const end = Date.parse(`${edition.endDate}T00:00:00Z`);
  for (let d = Date.parse(`${edition.startDate}T00:00:00Z`); d <= end; d += 86_400_000)
    out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

/** Day + from + to in the venue's time → a window of instants; null when incomplete. */
function toWindow(day: string, from: string, to: string, timeZone: string): Window | null {
  if (!day || !from || !to) return null;
  return { start: venueInstant(day, from, timeZone), end: venueInstant(day, to, timeZone) };
}

function WindowFields({
  id,
  edition,
  value,
  onChange,
}: {
  id: string;
  edition: Edition;
  value: { day: string; from: string; to: string };
  onChange: (next: { day: string; from: string; to: string }) => void;
}) {
  const { lang, t } = useI18n();
  return (
    <div className="bil-window">
      <SelectField
        id={`${id}-day`}
        label={t('bilaterals.form.day')}
        value={value.day}
        placeholder={t('bilaterals.form.anyDay')}
        options={conferenceDays(edition).map((d) => ({
          value: d,
          label: formatDate(lang, d, edition.timeZone),
        }))}
        onChange={(day) => onChange({ ...value, day })}
      />
      <div className="field">
        <label className="label" htmlFor={`${id}-from`}>
          {t('bilaterals.form.from')}
        </label>
        <input
          className="input input--time"
          id={`${id}-from`}
          type="time"
          step={900}
          value={value.from}
          onChange={(event) => onChange({ ...value, from: event.target.value })}
        />
      </div>
      <div className="field">
        <label className="label" htmlFor={`${id}-to`}>
          {t('bilaterals.form.to')}
        </label>
        <input
          className="input input--time"
          id={`${id}-to`}
          type="time"
          step={900}
          value={value.to}
          onChange={(event) => onChange({ ...value, to: event.target.value })}
        />
      </div>
    </div>
  );
}

export function DelegationBilateralsPage() {
  const { lang, t } = useI18n();
  const { user } = useSession();
  const own = user?.delegation;
  const slug = own?.editionSlug ?? '';
  const code = own?.code ?? '';
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab') as Tab | null;
  const tab: Tab = tabParam && TABS.includes(tabParam) ? tabParam : 'requests';
  const edition = useEdition(slug);
  const requests = useLoad(() => bilaterals.requests(slug, lang), [slug]);
  const notifications = useLoad(() => bilaterals.notifications(slug, lang), [slug]);
  // A message belongs to the tab it was written for (a new request's shows on the requests).
  const [notice, setNotice] = useState<{
    tab: Tab;
    text: string;
    tone: 'success' | 'warning';
  } | null>(null);
  const [errors, setErrors] = useState<{ tab: Tab; messages: string[] }>({
    tab: 'requests',
    messages: [],
  });
  const showErrors = (messages: string[]) => setErrors({ tab, messages });
  // Leaving a tab drops its messages.
  useEffect(() => {
    setNotice((n) => (n && n.tab === tab ? n : null));
    setErrors((e) => (e.tab === tab ? e : { tab, messages: [] }));
  }, [tab]);

  if (!own) return <p>{t('portal.noDelegation')}</p>;
  if (edition.error) return <LoadError error={edition.error} />;
  if (!edition.data) return <Loading />;
  const e = edition.data;
  const unread = notifications.data?.unread ?? 0;
  const nav = TABS.map((key) => ({
    href: key === 'requests' ? '/portal/bilaterals' : `/portal/bilaterals?tab=${key}`,
    label:
      key === 'notifications' && unread > 0
        ? `${t('bilaterals.tabs.notifications')} (${unread})`
        : t(`bilaterals.tabs.${key}`),
    current: tab === key,
  }));

  const done = (text: string, tone: 'success' | 'warning' = 'success', on: Tab = tab) => {
    setErrors({ tab, messages: [] });
    setNotice({ tab: on, text, tone });
    requests.reload();
    notifications.reload();
  };

  return (
    <div className="bil-page">
      <p className="caption">
        <Link href="/portal">{t('portal.speakers.backToPortal')}</Link>
      </p>
      <p className="caption">{localizedText(lang, e.name)}</p>
      <h1 className="heading-xl">{t('bilaterals.portal.title', { delegation: own.name })}</h1>
      <p className="bil-intro">{t('bilaterals.portal.intro', { zone: e.timeZone })}</p>
      <SectionNav label={t('bilaterals.portal.nav')} items={nav} />
      <ErrorSummary
        errors={
          errors.tab === tab ? errors.messages.map((message) => ({ field: '', message })) : []
        }
      />
      {notice && notice.tab === tab ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      {tab === 'requests' ? (
        <RequestsTab
          edition={e}
          code={code}
          requests={requests}
          onDone={done}
          onError={showErrors}
        />
      ) : null}
      {tab === 'new' ? (
        <NewRequest
          edition={e}
          code={code}
          onCreated={(created) => {
            const flags = created.flags.map((f) => label(t, 'flag', f));
            done(
              flags.length > 0
                ? `${t('bilaterals.new.created')} ${t('bilaterals.new.createdFlagged', { flags: flags.join(', ') })}`
                : t('bilaterals.new.created'),
              flags.length > 0 ? 'warning' : 'success',
              'requests',
            );
            setParams({ tab: 'requests' });
          }}
          onError={showErrors}
        />
      ) : null}
      {tab === 'schedule' ? <ScheduleTab edition={e} /> : null}
      {tab === 'notifications' ? (
        <NotificationsTab
          edition={e}
          data={notifications.data}
          error={notifications.error}
          onRead={notifications.reload}
          onError={showErrors}
        />
      ) : null}
    </div>
  );
}

function partyName(p: Party, lang: string): string {
  if (!p.principal) return p.name;
  return lang === 'ja' ? `${p.name}（${p.principal.name}）` : `${p.name} (${p.principal.name})`;
}

function RequestsTab({
  edition,
  code,
  requests,
  onDone,
  onError,
}: {
  edition: Edition;
  code: string;
  requests: ReturnType<typeof useLoad<{ items: RequestView[] }>>;
  onDone: (text: string) => void;
  onError: (errors: string[]) => void;
}) {
  const { t } = useI18n();
  if (requests.error) return <LoadError error={requests.error} />;
  if (!requests.data) return <Loading />;
  const sent = requests.data.items.filter((r) => r.requester.code === code);
  const received = requests.data.items.filter((r) => r.requester.code !== code);
  return (
    <>
      <section aria-labelledby="bil-received">
        <h2 className="heading-l" id="bil-received">
          {t('bilaterals.requests.received')} <span className="secondary">{received.length}</span>
        </h2>
        <RequestTable
          edition={edition}
          code={code}
          items={received}
          side="received"
          onDone={onDone}
          onError={onError}
        />
      </section>
      <section aria-labelledby="bil-sent">
        <h2 className="heading-l" id="bil-sent">
          {t('bilaterals.requests.sent')} <span className="secondary">{sent.length}</span>
        </h2>
        <RequestTable
          edition={edition}
          code={code}
          items={sent}
          side="sent"
          onDone={onDone}
          onError={onError}
        />
      </section>
    </>
  );
}

function RequestTable({
  edition,
  code,
  items,
  side,
  onDone,
  onError,
}: {
  edition: Edition;
  code: string;
  items: RequestView[];
  side: 'sent' | 'received';
  onDone: (text: string) => void;
  onError: (errors: string[]) => void;
}) {
  const { lang, t } = useI18n();
  const failure = useBilateralsError();
  const [busy, setBusy] = useState('');
  const [proposing, setProposing] = useState('');
  const [draft, setDraft] = useState({ day: '', from: '', to: '' });
  const tz = edition.timeZone;
  const slug = edition.slug;

  if (items.length === 0) return <p className="secondary">{t('bilaterals.requests.none')}</p>;

  const run = async (id: string, action: () => Promise<unknown>, message: string) => {
    setBusy(id);
    try {
      await action();
      setProposing('');
      onDone(message);
    } catch (error) {
      onError(failure(error));
    } finally {
      setBusy('');
    }
  };

  const meetingText = (m: MeetingView) =>
    `${formatShortDate(lang, m.startsAt, tz)} ${formatTime(lang, m.startsAt, tz)}–${formatTime(lang, m.endsAt, tz)}, ${m.room.name}`;

  return (
    <div className="table-wrap">
      <table className="table bil-requests" data-side={side}>
        <thead>
          <tr>
            <th scope="col">{t('bilaterals.requests.with')}</th>
            <th scope="col">{t('bilaterals.requests.kind')}</th>
            <th scope="col">{t('bilaterals.requests.window')}</th>
            <th scope="col">{t('bilaterals.requests.state')}</th>
            <th scope="col">{t('bilaterals.requests.meeting')}</th>
            <th scope="col">{t('bilaterals.requests.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => {
            const others = [r.requester, ...r.counterparts].filter((p) => p.code !== code);
            const mine = r.counterparts.find((p) => p.code === code);
            const open = r.status === 'pending' || r.status === 'accepted';
            const canRespond =
              side === 'received' &&
              r.status === 'pending' &&
              mine !== undefined &&
              mine.response !== 'accepted';
            const proposals =
              side === 'sent' && r.status === 'pending'
                ? r.counterparts.filter((p) => p.response === 'proposed' && p.proposedWindow)
                : [];
            const m = r.meeting;
            const ourConsent = m?.parties.find((p) => p.code === code)?.confirmed ?? false;
            const canConfirm =
              m !== null && r.status === 'accepted' && m.status !== 'tentative' && !ourConsent;
            const proposed =
              proposing === r.id ? toWindow(draft.day, draft.from, draft.to, tz) : null;
            return (
              <Fragment key={r.id}>
                <tr data-request={r.id} data-with={others.map((p) => p.code).join(' ')}>
                  <td>
                    {others.map((p) => (
                      <div key={p.code}>
                        <strong>{partyName(p, lang)}</strong>
                        {p.principal ? (
                          <span className="secondary bil-block-line">{p.principal.title}</span>
                        ) : null}
                        {side === 'sent' ? (
                          <span className="bil-block-line">
                            <Tag tone={p.response}>{label(t, 'response', p.response)}</Tag>
                            {p.proposedWindow ? (
                              <span className="secondary">
                                {' '}
                                {windowText(lang, p.proposedWindow, tz)}
                              </span>
                            ) : null}
                          </span>
                        ) : null}
                      </div>
                    ))}
                    {r.flags.map((f) => (
                      <span key={f} className="bil-warning">
                        ⚠ {label(t, 'flag', f)}
                      </span>
                    ))}
                  </td>
                  <td>
                    {label(t, 'kind', r.kind)}
                    <span className="secondary bil-block-line">
                      {t('bilaterals.requests.minutes', { minutes: r.lengthMinutes })} ·{' '}
                      {t('bilaterals.requests.priority', { priority: r.priority })}
                    </span>
                    {r.notes ? <span className="secondary bil-block-line">{r.notes}</span> : null}
                  </td>
                  <td>
                    {r.window ? windowText(lang, r.window, tz) : t('bilaterals.requests.anyTime')}
                  </td>
                  <td>
                    <Tag tone={r.status}>{label(t, 'status', r.status)}</Tag>
                    {side === 'received' && mine ? (
                      <span className="secondary bil-block-line">
                        {t('bilaterals.requests.ourAnswer')}: {label(t, 'response', mine.response)}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {m ? (
                      <>
                        {meetingText(m)}
                        <span className="bil-block-line">
                          <Tag tone={m.status}>{label(t, 'status', m.status)}</Tag>{' '}
                          {m.published !== 'no' ? (
                            <Tag tone={`published-${m.published}`}>
                              {label(t, 'published', m.published)}
                            </Tag>
                          ) : null}
                        </span>
                        {ourConsent && m.status !== 'confirmed' ? (
                          <span className="secondary bil-block-line">
                            {t('bilaterals.requests.consentGiven')}
                          </span>
                        ) : null}
                      </>
                    ) : (
                      <span className="secondary">{t('bilaterals.requests.notScheduled')}</span>
                    )}
                  </td>
                  <td>
                    <div className="row-actions">
                      {canRespond ? (
                        <>
                          <button
                            type="button"
                            className="button button--small"
                            disabled={busy !== ''}
                            data-action="accept"
                            onClick={() =>
                              run(
                                r.id,
                                () => bilaterals.respond(slug, lang, r.id, 'accepted'),
                                t('bilaterals.done.accepted'),
                              )
                            }
                          >
                            {t('bilaterals.action.accept')}
                          </button>
                          <button
                            type="button"
                            className="button button--small button--secondary"
                            disabled={busy !== ''}
                            data-action="decline"
                            onClick={() =>
                              run(
                                r.id,
                                () => bilaterals.respond(slug, lang, r.id, 'declined'),
                                t('bilaterals.done.declined'),
                              )
                            }
                          >
                            {t('bilaterals.action.decline')}
                          </button>
                          <button
                            type="button"
                            className="button button--small button--secondary"
                            disabled={busy !== ''}
                            aria-expanded={proposing === r.id}
                            data-action="propose"
                            onClick={() => {
                              setProposing(proposing === r.id ? '' : r.id);
                              setDraft({
                                day: r.window ? venueDate(r.window.start, tz) : '',
                                from: '',
                                to: '',
                              });
                            }}
                          >
                            {t('bilaterals.action.propose')}
                          </button>
                        </>
                      ) : null}
                      {proposals.map((p) => (
                        <button
                          key={p.code}
                          type="button"
                          className="button button--small"
                          disabled={busy !== ''}
                          data-action="adopt"
                          onClick={() =>
                            run(
                              r.id,
                              () => bilaterals.acceptProposal(slug, lang, r.id, p.code),
                              t('bilaterals.done.adopted'),
                            )
                          }
                        >
                          {t('bilaterals.action.adopt', { delegation: p.name })}
                        </button>
                      ))}
                      {canConfirm && m ? (
                        <button
                          type="button"
                          className="button button--small"
                          disabled={busy !== ''}
                          data-action="confirm"
                          onClick={() =>
                            run(
                              r.id,
                              () => bilaterals.confirm(slug, lang, m.id),
                              t('bilaterals.done.confirmed'),
                            )
                          }
                        >
                          {t('bilaterals.action.confirm')}
                        </button>
                      ) : null}
                      {open ? (
                        <button
                          type="button"
                          className="button button--small button--warning"
                          disabled={busy !== ''}
                          data-action="cancel"
                          onClick={() => {
                            if (!window.confirm(t('bilaterals.action.cancelConfirm'))) return;
                            void run(
                              r.id,
                              () => bilaterals.cancel(slug, lang, r.id),
                              t('bilaterals.done.cancelled'),
                            );
                          }}
                        >
                          {t('bilaterals.action.cancel')}
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
                {proposing === r.id ? (
                  <tr className="bil-propose-row">
                    <td colSpan={6}>
                      <form
                        className="bil-propose"
                        onSubmit={(event) => {
                          event.preventDefault();
                          if (!proposed) {
                            onError([t('bilaterals.form.windowIncomplete')]);
                            return;
                          }
                          void run(
                            r.id,
                            () => bilaterals.respond(slug, lang, r.id, 'proposed', proposed),
                            t('bilaterals.done.proposed'),
                          );
                        }}
                      >
                        <WindowFields
                          id={`bil-propose-${r.id.slice(0, 8)}`}
                          edition={edition}
                          value={draft}
                          onChange={setDraft}
                        />
                        <button
                          type="submit"
                          className="button button--small"
                          disabled={busy !== ''}
                        >
                          {t('bilaterals.action.sendProposal')}
                        </button>
                      </form>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function NewRequest({
  edition,
  code,
  onCreated,
  onError,
}: {
  edition: Edition;
  code: string;
  onCreated: (request: RequestView) => void;
  onError: (errors: string[]) => void;
}) {
  const { lang, t } = useI18n();
  const failure = useBilateralsError();
  const organisations = useLoad(() => bilaterals.organisations(edition.slug, lang), [edition.slug]);
  const [counterparts, setCounterparts] = useState<string[]>([]);
  const [kind, setKind] = useState<Kind>('meeting');
  const [length, setLength] = useState('30');
  const [priority, setPriority] = useState('1');
  const [span, setSpan] = useState({ day: '', from: '', to: '' });
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);

  if (organisations.error) return <LoadError error={organisations.error} />;
  if (!organisations.data) return <Loading />;
  const others = organisations.data
    .filter((o) => o.code !== code)
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  const nameOf = (c: string) => others.find((o) => o.code === c)?.name ?? c;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: string[] = [];
    if (counterparts.length === 0) problems.push(t('bilaterals.form.needCounterpart'));
    const anyWindow = span.day || span.from || span.to;
    const w = toWindow(span.day, span.from, span.to, edition.timeZone);
    if (anyWindow && !w) problems.push(t('bilaterals.form.windowIncomplete'));
    if (problems.length > 0) {
      onError(problems);
      return;
    }
    setBusy(true);
    try {
      const created = await bilaterals.request(edition.slug, lang, {
        counterparts,
        kind,
        lengthMinutes: Number(length),
        priority: Number(priority),
        window: w,
        notes: notes.trim() || null,
      });
      onCreated(created);
    } catch (error) {
      onError(failure(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="bil-form" onSubmit={submit} noValidate>
      <h2 className="heading-l">{t('bilaterals.new.title')}</h2>
      <p className="secondary">{t('bilaterals.new.rankHint')}</p>
      <SelectField
        id="bil-counterpart"
        label={t('bilaterals.form.counterparts')}
        hint={t('bilaterals.form.counterpartsHint')}
        value=""
        placeholder={t('bilaterals.form.chooseCounterpart')}
        options={others
          .filter((o) => !counterparts.includes(o.code))
          .map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
        onChange={(value) => {
          if (value) setCounterparts([...counterparts, value]);
        }}
      />
      {counterparts.length > 0 ? (
        <ul className="bil-chips" aria-label={t('bilaterals.form.chosen')}>
          {counterparts.map((c) => (
            <li key={c} className="bil-chip" data-code={c}>
              {nameOf(c)}
              <button
                type="button"
                className="bil-chip__remove"
                aria-label={t('bilaterals.form.remove', { name: nameOf(c) })}
                onClick={() => setCounterparts(counterparts.filter((x) => x !== c))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <fieldset className="fieldset">
        <legend className="label">{t('bilaterals.form.kind')}</legend>
        <div className="bil-radios">
          {KINDS.map((k) => (
            <label key={k} className="bil-radio">
              <input
                type="radio"
                name="bil-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />{' '}
              {label(t, 'kind', k)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="bil-window">
        <SelectField
          id="bil-length"
          label={t('bilaterals.form.length')}
          value={length}
          options={[10, 15, 20, 30, 45, 60, 90].map((m) => ({
            value: String(m),
            label: t('bilaterals.requests.minutes', { minutes: m }),
          }))}
          onChange={setLength}
        />
        <SelectField
          id="bil-priority"
          label={t('bilaterals.form.priority')}
          hint={t('bilaterals.form.priorityHint')}
          value={priority}
          options={[1, 2, 3, 4, 5].map((p) => ({ value: String(p), label: String(p) }))}
          onChange={setPriority}
        />
      </div>
      <fieldset className="fieldset">
        <legend className="label">
          {t('bilaterals.form.window')} <span className="label__optional">{t('app.optional')}</span>
        </legend>
        <p className="hint">{t('bilaterals.form.windowHint', { zone: edition.timeZone })}</p>
        <WindowFields id="bil-window" edition={edition} value={span} onChange={setSpan} />
      </fieldset>
      <div className="field">
        <label className="label" htmlFor="bil-notes">
          {t('bilaterals.form.notes')} <span className="label__optional">{t('app.optional')}</span>
        </label>
        <textarea
          className="textarea"
          id="bil-notes"
          rows={3}
          maxLength={2000}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t('bilaterals.new.submit')}
      </button>
    </form>
  );
}

function ScheduleTab({ edition }: { edition: Edition }) {
  const { lang, t } = useI18n();
  const reasonText = useReasonText();
  const schedule = useLoad(() => bilaterals.schedule(edition.slug, lang), [edition.slug]);
  const feed = useLoad(() => bilaterals.feed(edition.slug), [edition.slug]);
  const [copied, setCopied] = useState(false);
  const tz = edition.timeZone;
  if (schedule.error) return <LoadError error={schedule.error} />;
  if (!schedule.data) return <Loading />;
  const { delegation, meetings } = schedule.data;
  const sorted = [...meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const days = [...new Set(sorted.map((m) => venueDate(m.startsAt, tz)))];
  const stage = sorted.some((m) => m.published === 'provisional')
    ? 'provisional'
    : sorted.length > 0
      ? 'final'
      : 'no';

  const copy = async () => {
    if (!feed.data) return;
    try {
      await navigator.clipboard.writeText(feed.data.url);
      setCopied(true);
    } catch {
      (document.getElementById('bil-feed') as HTMLInputElement | null)?.select();
    }
  };

  return (
    <section aria-labelledby="bil-schedule-title" className="bil-schedule">
      <h2 className="heading-l" id="bil-schedule-title">
        {t('bilaterals.schedule.title')}{' '}
        {stage !== 'no' ? (
          <Tag tone={`published-${stage}`}>{label(t, 'published', stage)}</Tag>
        ) : null}
      </h2>
      <p className="secondary">{t('bilaterals.schedule.intro', { zone: tz })}</p>
      {sorted.length === 0 ? <p>{t('bilaterals.schedule.none')}</p> : null}
      {days.map((day) => (
        <div key={day} className="bil-schedule__day">
          <h3 className="heading-m">{formatDate(lang, day, tz)}</h3>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('bilaterals.schedule.time')}</th>
                  <th scope="col">{t('bilaterals.requests.with')}</th>
                  <th scope="col">{t('bilaterals.requests.kind')}</th>
                  <th scope="col">{t('bilaterals.schedule.room')}</th>
                  <th scope="col">{t('bilaterals.requests.state')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted
                  .filter((m) => venueDate(m.startsAt, tz) === day)
                  .map((m) => (
                    <tr key={m.id} data-meeting={m.id}>
                      <td className="bil-nowrap">
                        {formatTime(lang, m.startsAt, tz)}–{formatTime(lang, m.endsAt, tz)}
                      </td>
                      <td>
                        {m.parties
                          .filter((p) => p.code !== delegation.code)
                          .map((p) => (
                            <div key={p.code}>
                              <strong>{p.name}</strong>
                              {p.principal ? (
                                <span className="secondary"> ({p.principal})</span>
                              ) : null}
                            </div>
                          ))}
                        {m.flaggedReason ? (
                          <span className="bil-warning">⚠ {reasonText(m.flaggedReason)}</span>
                        ) : null}
                      </td>
                      <td>{label(t, 'kind', m.kind)}</td>
                      <td>
                        {m.room.name}
                        {m.room.zone ? <span className="secondary"> · {m.room.zone}</span> : null}
                      </td>
                      <td>
                        <Tag tone={m.status}>{label(t, 'status', m.status)}</Tag>{' '}
                        <Tag tone={`published-${m.published}`}>
                          {label(t, 'published', m.published)}
                        </Tag>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
      <h3 className="heading-m">{t('bilaterals.schedule.feedTitle')}</h3>
      <p className="secondary">{t('bilaterals.schedule.feedHint')}</p>
      {feed.error ? <LoadError error={feed.error} /> : null}
      {feed.data ? (
        <div className="bil-feed">
          <TextField
            id="bil-feed"
            label={t('bilaterals.schedule.feedLabel')}
            value={feed.data.url}
            spellCheck={false}
            onChange={() => undefined}
          />
          <button type="button" className="button button--secondary" onClick={copy}>
            {copied ? t('bilaterals.schedule.copied') : t('bilaterals.schedule.copy')}
          </button>
          <a className="bil-feed__link" href={feed.data.url}>
            {t('bilaterals.schedule.download')}
          </a>
        </div>
      ) : null}
    </section>
  );
}

function NotificationsTab({
  edition,
  data,
  error,
  onRead,
  onError,
}: {
  edition: Edition;
  data:
    | {
        items: {
          id: string;
          kind: string;
          subject: string;
          readAt: string | null;
          createdAt: string;
        }[];
        unread: number;
      }
    | undefined;
  error: unknown;
  onRead: () => void;
  onError: (errors: string[]) => void;
}) {
  const { lang, t } = useI18n();
  const failure = useBilateralsError();
  const [busy, setBusy] = useState('');
  if (error) return <LoadError error={error} />;
  if (!data) return <Loading />;
  const read = async (id: string) => {
    setBusy(id);
    try {
      await bilaterals.markRead(edition.slug, lang, id);
      onRead();
    } catch (failed) {
      onError(failure(failed));
    } finally {
      setBusy('');
    }
  };
  return (
    <section aria-labelledby="bil-notes-title">
      <h2 className="heading-l" id="bil-notes-title">
        {t('bilaterals.notifications.title')}{' '}
        <span className="secondary">
          {t('bilaterals.notifications.unread', { count: data.unread })}
        </span>
      </h2>
      {data.items.length === 0 ? <p>{t('bilaterals.notifications.none')}</p> : null}
      <ul className="bil-notifications">
        {data.items.map((n) => (
          <li
            key={n.id}
            className={`bil-notification${n.readAt ? '' : ' bil-notification--unread'}`}
            data-kind={n.kind}
          >
            <div>
              <strong>{n.subject}</strong>
              <span className="secondary bil-block-line">
                {formatDateTime(lang, n.createdAt, edition.timeZone)} · {label(t, 'notice', n.kind)}
              </span>
            </div>
            {n.readAt ? (
              <span className="secondary">{t('bilaterals.notifications.read')}</span>
            ) : (
              <button
                type="button"
                className="button button--small button--secondary"
                disabled={busy !== ''}
                onClick={() => read(n.id)}
              >
                {t('bilaterals.notifications.markRead')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
