import { type FormEvent, useState } from 'react';
import {
  formatDate,
  formatDateTime,
  localizedText,
  organisationKindLabel,
  statusLabel,
  venueInstant,
} from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import { Counts, Dialog, LoadError, Loading } from '../../components/common.js';
import {
  apiErrors,
  ErrorSummary,
  type Errors,
  errorFor,
  Notice,
  SelectField,
  TextField,
} from '../../components/forms.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { Link } from '../../router.js';
import type { DelegationSummary, Edition, InvitationCreated } from '../../types.js';
import { CredentialsList } from '../delegation/CredentialsPanel.js';

const STATUSES = ['nominated', 'approved', 'rejected', 'withdrawn'] as const;

/** Counts per delegation, with the two things the secretariat does to one: invite, reopen. */
export function DelegationsPage({ edition }: { edition: Edition }) {
  const { lang, t } = useI18n();
  const list = useLoad(() => api.delegations(edition.slug), [edition.slug]);
  const [inviting, setInviting] = useState<DelegationSummary | null>(null);
  const [reopening, setReopening] = useState<DelegationSummary | null>(null);
  const [notice, setNotice] = useState('');
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState('');

  if (list.error) return <LoadError error={list.error} />;
  if (!list.data) return <Loading />;
  const kinds = [...new Set(list.data.items.map((d) => d.kind))];
  const needle = query.trim().toLocaleLowerCase();
  const items = list.data.items.filter(
    (d) =>
      (!kind || d.kind === kind) &&
      (!needle || `${d.name} ${d.code}`.toLocaleLowerCase().includes(needle)),
  );
  const totals = Object.fromEntries(
    STATUSES.map((s) => [s, items.reduce((sum, d) => sum + (d.counts[s] ?? 0), 0)]),
  );

  return (
    <section aria-labelledby="delegations-title">
      <h2 className="heading-l" id="delegations-title">
        {t('delegations.title')}
      </h2>
      <Notice>{notice}</Notice>
      <div className="filters">
        <TextField
          id="d-search"
          type="search"
          label={t('delegations.search')}
          value={query}
          onChange={setQuery}
        />
        <SelectField
          id="d-kind"
          label={t('delegations.kind')}
          placeholder={t('app.all')}
          options={kinds.map((k) => ({ value: k, label: organisationKindLabel(lang, k) }))}
          value={kind}
          onChange={setKind}
        />
      </div>
      <p className="secondary" aria-live="polite">
        {t('delegations.shown', { shown: items.length, total: list.data.items.length })}
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('delegations.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('delegations.name')}</th>
              <th scope="col">{t('delegations.head')}</th>
              {STATUSES.map((s) => (
                <th scope="col" className="numeric" key={s}>
                  {statusLabel(lang, s)}
                </th>
              ))}
              <th scope="col">{t('delegations.credentials')}</th>
              <th scope="col">{t('delegations.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.code}>
                <th scope="row">
                  <Link href={`/secretariat/delegations/${encodeURIComponent(d.code)}`}>
                    {d.name}
                  </Link>
                  <span className="secondary">{organisationKindLabel(lang, d.kind)}</span>
                </th>
                <td>
                  {d.head ? (
                    <>
                      {d.head.name}
                      <span className="secondary">{localizedText(lang, d.head.title)}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                {STATUSES.map((s) => (
                  <td className="numeric" key={s}>
                    {d.counts[s] ?? 0}
                  </td>
                ))}
                <td>
                  {d.hasCredentials ? (
                    t('queue.credentialsOk')
                  ) : (
                    <strong className="text-warning">{t('queue.credentialsMissing')}</strong>
                  )}
                </td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => setInviting(d)}
                    >
                      {t('delegations.invite')}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => setReopening(d)}
                    >
                      {t('delegations.reopen')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('delegations.totals')}</th>
              <td />
              {STATUSES.map((s) => (
                <td className="numeric" key={s}>
                  <strong>{totals[s]}</strong>
                </td>
              ))}
              <td />
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <Dialog
        open={inviting !== null}
        title={inviting ? t('delegations.inviteTitle', { delegation: inviting.name }) : ''}
        onClose={() => setInviting(null)}
      >
        {inviting ? (
          <InviteForm edition={edition} delegation={inviting} onClose={() => setInviting(null)} />
        ) : null}
      </Dialog>
      <Dialog
        open={reopening !== null}
        title={reopening ? t('delegations.reopenTitle', { delegation: reopening.name }) : ''}
        onClose={() => setReopening(null)}
      >
        {reopening ? (
          <ReopenForm
            edition={edition}
            delegation={reopening}
            onDone={(message) => {
              setReopening(null);
              setNotice(message);
              list.reload();
            }}
            onCancel={() => setReopening(null)}
          />
        ) : null}
      </Dialog>
    </section>
  );
}

function InviteForm({
  edition,
  delegation,
  onClose,
}: {
  edition: Edition;
  delegation: DelegationSummary;
  onClose: () => void;
}) {
  const { lang, t, errorText } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Errors>([]);
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const [copied, setCopied] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = [];
    if (!name.trim()) found.push({ field: 'invite-name', message: t('delegations.nameMissing') });
    if (!email.trim())
      found.push({ field: 'invite-email', message: t('delegations.emailMissing') });
    setErrors(found);
    if (found.length > 0) return;
    try {
      setCreated(
        await api.invite(edition.slug, {
          email: email.trim(),
          displayName: name.trim(),
          delegationCode: delegation.code,
        }),
      );
    } catch (error) {
      setErrors(apiErrors(error, errorText, { email: 'invite-email', displayName: 'invite-name' }));
    }
  };

  if (created) {
    return (
      <div>
        <Notice>
          {t('delegations.inviteCreated', {
            email: email.trim(),
            date: formatDateTime(lang, created.expiresAt, edition.timeZone),
          })}
        </Notice>
        <div className="field">
          <label className="label" htmlFor="invite-link">
            {t('delegations.inviteLink')}
          </label>
          <input
            id="invite-link"
            className="input input--code"
            readOnly
            value={created.url}
            onFocus={(e) => e.target.select()}
          />
        </div>
        <div className="button-group">
          <button
            type="button"
            className="button"
            onClick={() => {
              void navigator.clipboard?.writeText(created.url).then(() => setCopied(true));
            }}
          >
            {t('delegations.copy')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('app.close')}
          </button>
          <span role="status">{copied ? t('delegations.copied') : ''}</span>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <TextField
        id="invite-name"
        label={t('delegations.inviteName')}
        value={name}
        onChange={setName}
        error={errorFor(errors, 'invite-name')}
      />
      <TextField
        id="invite-email"
        type="email"
        label={t('delegations.inviteEmail')}
        spellCheck={false}
        value={email}
        onChange={setEmail}
        error={errorFor(errors, 'invite-email')}
      />
      <div className="button-group">
        <button type="submit" className="button">
          {t('delegations.inviteSubmit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

function ReopenForm({
  edition,
  delegation,
  onDone,
  onCancel,
}: {
  edition: Edition;
  delegation: DelegationSummary;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { lang, t, errorText } = useI18n();
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<Errors>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.reopen(
        edition.slug,
        delegation.code,
        until ? venueInstant(until, '23:59:59', edition.timeZone) : null,
      );
      onDone(
        until
          ? t('delegations.reopened', {
              delegation: delegation.name,
              date: formatDate(lang, until, edition.timeZone),
            })
          : t('delegations.closed', { delegation: delegation.name }),
      );
    } catch (error) {
      setErrors(apiErrors(error, errorText, { until: 'reopen-until' }));
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <TextField
        id="reopen-until"
        type="date"
        width="medium"
        label={t('delegations.reopenUntil')}
        hint={t('delegations.reopenHint')}
        value={until}
        onChange={setUntil}
        error={errorFor(errors, 'reopen-until')}
      />
      <div className="button-group">
        <button type="submit" className="button">
          {t('delegations.reopenSubmit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

/** One delegation: counts, head, reopening, letters of credentials, badge sheet. */
export function DelegationDetail({ edition, code }: { edition: Edition; code: string }) {
  const { lang, t } = useI18n();
  const loaded = useLoad(() => api.delegation(edition.slug, code), [edition.slug, code]);
  if (loaded.error) return <LoadError error={loaded.error} />;
  if (!loaded.data) return <Loading />;
  const d = loaded.data;
  return (
    <section aria-labelledby="delegation-title">
      <p>
        <Link href="/secretariat/delegations" className="back-link">
          {t('delegations.title')}
        </Link>
      </p>
      <h2 className="heading-l" id="delegation-title">
        {t('delegations.detail', { delegation: d.name })}
      </h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('delegations.kind')}</dt>
          <dd>{organisationKindLabel(lang, d.kind)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('delegations.head')}</dt>
          <dd>{d.head ? d.head.displayName : '—'}</dd>
        </div>
        {d.reopenedUntil ? (
          <div className="summary-list__row">
            <dt>{t('delegations.reopen')}</dt>
            <dd>
              {t('delegations.reopenedUntil', {
                date: formatDate(lang, d.reopenedUntil, edition.timeZone),
              })}
            </dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{t('badges.title')}</dt>
          <dd>
            <a href={api.badgeSheetUrl(edition.slug, d.code)}>{t('delegations.badgeSheet')}</a>
          </dd>
        </div>
      </dl>
      <Counts counts={d.counts} />
      <h3 className="heading-m">{t('credentials.title')}</h3>
      <CredentialsList files={d.credentials} timeZone={edition.timeZone} />
      <p>
        <Link href={`/secretariat?status=all&delegation=${encodeURIComponent(d.code)}`}>
          {t('console.tabs.queue')}
        </Link>
      </p>
    </section>
  );
}
