import { type FormEvent, useEffect, useState } from 'react';
import {
  categoryLabel,
  errorMessage,
  localizedText,
  PARTICIPANT_STATUSES,
  rankLabel,
  statusLabel,
} from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import {
  CategorySwatch,
  CursorPager,
  Dialog,
  LoadError,
  Loading,
  StatusTag,
} from '../../components/common.js';
import {
  apiErrors,
  ErrorSummary,
  type Errors,
  errorFor,
  Notice,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/forms.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { Link, useSearchParams } from '../../router.js';
import type { Edition, QueueItem } from '../../types.js';

const PAGE_SIZE = 25;
const FILTERS = ['status', 'category', 'delegation', 'q', 'hasPhoto'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** The accreditation queue: filter, select, approve or reject (with a reason) one or many. */
export function QueuePage({ edition }: { edition: Edition }) {
  const { lang, t, errorText } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    // No status in the address means the default, the nominations to decide; 'all' means any.
    status: params.get('status') ?? 'nominated',
    category: params.get('category') ?? '',
    delegation: params.get('delegation') ?? '',
    q: params.get('q') ?? '',
    hasPhoto: params.get('hasPhoto') ?? '',
  };
  // Where in the list: the rows after or before a row of an earlier page (keyset paging).
  const after = params.get('after') ?? '';
  const before = params.get('before') ?? '';
  const [draft, setDraft] = useState<Filters>({
    ...filters,
    status: filters.status === 'all' ? '' : filters.status,
  });
  const queue = useLoad(
    () =>
      api.queue(edition.slug, {
        ...filters,
        after,
        before,
        pageSize: PAGE_SIZE,
      }),
    [edition.slug, ...FILTERS.map((f) => filters[f]), after, before],
  );
  const delegations = useLoad(() => api.delegations(edition.slug), [edition.slug]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState<QueueItem[] | null>(null);
  const [reason, setReason] = useState('');
  const [reasonErrors, setReasonErrors] = useState<Errors>([]);
  const [errors, setErrors] = useState<Errors>([]);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const colours = new Map(edition.categories.map((c) => [c.code, c.colour]));
  const items = queue.data?.items ?? [];

  // A selection belongs to the rows on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the rows change
  useEffect(() => setSelected(new Set()), [queue.data]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams({ ...draft, status: draft.status || 'all', q: draft.q.trim() });
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const report = (
    decision: 'approve' | 'reject',
    results: { id: string; ok: boolean; code?: string; message?: string }[],
  ) => {
    const ok = results.filter((r) => r.ok).length;
    const failed = results.filter((r) => !r.ok);
    setNotice(
      t(decision === 'approve' ? 'queue.approvedCount' : 'queue.rejectedCount', { count: ok }),
    );
    if (failed.length > 0) {
      const names = new Map(items.map((i) => [i.id, i.displayName]));
      setErrors([
        { field: '', message: t('queue.failedCount', { count: failed.length }) },
        ...failed.map((f) => ({
          field: '',
          message: `${names.get(f.id) ?? f.id}: ${errorMessage(lang, f.code ?? 'unknown')}`,
        })),
      ]);
    } else setErrors([]);
  };

  const approve = async (rows: QueueItem[]) => {
    setBusy(true);
    setNotice('');
    try {
      if (rows.length === 1 && rows[0]) {
        const done = await api.approve(rows[0].id);
        setNotice(t('queue.approvedOne', { name: done.displayName }));
        setErrors([]);
      } else {
        report(
          'approve',
          (
            await api.decide(
              edition.slug,
              rows.map((r) => r.id),
              'approve',
            )
          ).results,
        );
      }
      queue.reload();
    } catch (error) {
      setErrors(apiErrors(error, errorText));
    } finally {
      setBusy(false);
    }
  };

  const reject = async (event: FormEvent) => {
    event.preventDefault();
    if (!rejecting) return;
    if (!reason.trim()) {
      setReasonErrors([{ field: 'reason', message: t('queue.reasonMissing') }]);
      return;
    }
    setBusy(true);
    setNotice('');
    try {
      if (rejecting.length === 1 && rejecting[0]) {
        const done = await api.reject(rejecting[0].id, reason.trim());
        setNotice(t('queue.rejectedOne', { name: done.displayName }));
        setErrors([]);
      } else {
        report(
          'reject',
          (
            await api.decide(
              edition.slug,
              rejecting.map((r) => r.id),
              'reject',
              reason.trim(),
            )
          ).results,
        );
      }
      setRejecting(null);
      queue.reload();
    } catch (error) {
      setReasonErrors(apiErrors(error, errorText, { reason: 'reason' }));
    } finally {
      setBusy(false);
    }
  };

  const openReject = (rows: QueueItem[]) => {
    setReason('');
    setReasonErrors([]);
    setRejecting(rows);
  };

  const selectedRows = items.filter((i) => selected.has(i.id));
  const allSelected = items.length > 0 && selectedRows.length === items.length;
  const delegationOptions = (delegations.data?.items ?? []).map((d) => ({
    value: d.code,
    label: d.name,
  }));

  return (
    <section aria-labelledby="queue-title">
      <h2 className="heading-l" id="queue-title">
        {t('queue.title')}
      </h2>
      <ErrorSummary errors={errors} />
      <Notice>{notice}</Notice>
      <form className="filters" onSubmit={apply} aria-label={t('queue.filters')}>
        <SelectField
          id="q-status"
          label={t('queue.status')}
          placeholder={t('app.all')}
          options={PARTICIPANT_STATUSES.map((s) => ({ value: s, label: statusLabel(lang, s) }))}
          value={draft.status}
          onChange={(v) => setDraft((d) => ({ ...d, status: v }))}
        />
        <SelectField
          id="q-category"
          label={t('queue.category')}
          placeholder={t('app.all')}
          options={edition.categories.map((c) => ({
            value: c.code,
            label: categoryLabel(lang, c.code),
          }))}
          value={draft.category}
          onChange={(v) => setDraft((d) => ({ ...d, category: v }))}
        />
        <SelectField
          id="q-delegation"
          label={t('queue.delegation')}
          placeholder={t('app.all')}
          options={delegationOptions}
          value={draft.delegation}
          onChange={(v) => setDraft((d) => ({ ...d, delegation: v }))}
        />
        <SelectField
          id="q-photo"
          label={t('queue.hasPhoto')}
          placeholder={t('app.any')}
          options={[
            { value: 'true', label: t('queue.withPhoto') },
            { value: 'false', label: t('queue.withoutPhoto') },
          ]}
          value={draft.hasPhoto}
          onChange={(v) => setDraft((d) => ({ ...d, hasPhoto: v }))}
        />
        <TextField
          id="q-search"
          type="search"
          label={t('queue.search')}
          value={draft.q}
          onChange={(v) => setDraft((d) => ({ ...d, q: v }))}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {t('app.filter')}
          </button>
        </div>
      </form>

      <div className="bulk-bar" aria-live="polite">
        <span>{t('queue.selected', { count: selectedRows.length })}</span>
        <button
          type="button"
          className="button"
          disabled={busy || selectedRows.length === 0}
          onClick={() => void approve(selectedRows)}
        >
          {t('queue.approveSelected')}
        </button>
        <button
          type="button"
          className="button button--warning"
          disabled={busy || selectedRows.length === 0}
          onClick={() => openReject(selectedRows)}
        >
          {t('queue.rejectSelected')}
        </button>
      </div>

      {queue.error ? <LoadError error={queue.error} /> : null}
      {!queue.data && queue.loading ? <Loading /> : null}
      {queue.data && items.length === 0 ? (
        <p>
          {t('app.noResults')}{' '}
          {after || before ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setParams({ ...filters })}
            >
              {t('pager.first')}
            </button>
          ) : null}
        </p>
      ) : null}
      {queue.data && items.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="table table--queue">
              <caption className="visually-hidden">{t('queue.title')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="col-select">
                    <input
                      type="checkbox"
                      className="row-check"
                      aria-label={t('queue.selectAll')}
                      checked={allSelected}
                      onChange={(e) =>
                        setSelected(e.target.checked ? new Set(items.map((i) => i.id)) : new Set())
                      }
                    />
                  </th>
                  <th scope="col">{t('portal.photo')}</th>
                  <th scope="col">{t('portal.name')}</th>
                  <th scope="col">{t('queue.delegation')}</th>
                  <th scope="col">{t('portal.rank')}</th>
                  <th scope="col">{t('queue.category')}</th>
                  <th scope="col">{t('queue.credentials')}</th>
                  <th scope="col">{t('queue.status')}</th>
                  <th scope="col">{t('queue.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id} className={selected.has(p.id) ? 'is-selected' : undefined}>
                    <td className="col-select">
                      <input
                        type="checkbox"
                        className="row-check"
                        aria-label={t('queue.select', { name: p.displayName })}
                        checked={selected.has(p.id)}
                        onChange={(e) => toggle(p.id, e.target.checked)}
                      />
                    </td>
                    <td>
                      {p.hasPhoto ? (
                        <img
                          className="thumb"
                          src={api.photoUrl(p.id, p.version)}
                          alt={t('queue.photoAlt', { name: p.displayName })}
                          width={45}
                          height={60}
                          loading="lazy"
                        />
                      ) : (
                        <span
                          className={p.photoRequired ? 'thumb thumb--missing' : 'thumb thumb--none'}
                        >
                          {p.photoRequired
                            ? t('portal.photoMissing')
                            : t('portal.photoNotRequired')}
                        </span>
                      )}
                    </td>
                    <th scope="row">
                      {p.displayName}
                      <span className="secondary">{localizedText(lang, p.title)}</span>
                    </th>
                    <td>{p.delegationName}</td>
                    <td>{rankLabel(lang, p.rank)}</td>
                    <td className="nowrap">
                      <CategorySwatch colour={colours.get(p.category) ?? '#ffffff'} />{' '}
                      {categoryLabel(lang, p.category)}
                    </td>
                    <td>
                      <Link
                        href={`/secretariat/delegations/${encodeURIComponent(p.delegationCode)}`}
                      >
                        {p.hasCredentials
                          ? t('queue.credentialsOk')
                          : t('queue.credentialsMissing')}
                      </Link>
                    </td>
                    <td>
                      <StatusTag status={p.status} />
                      {p.decisionReason ? (
                        <span className="secondary">{p.decisionReason}</span>
                      ) : null}
                    </td>
                    <td>
                      <div className="row-actions">
                        {p.status !== 'approved' && p.status !== 'withdrawn' ? (
                          <button
                            type="button"
                            className="button button--small"
                            disabled={busy}
                            aria-label={t('queue.approveName', { name: p.displayName })}
                            onClick={() => void approve([p])}
                          >
                            {t('queue.approve')}
                          </button>
                        ) : null}
                        {p.status !== 'rejected' && p.status !== 'withdrawn' ? (
                          <button
                            type="button"
                            className="button button--small button--warning"
                            disabled={busy}
                            aria-label={t('queue.rejectName', { name: p.displayName })}
                            onClick={() => openReject([p])}
                          >
                            {t('queue.reject')}
                          </button>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CursorPager
            total={queue.data.total}
            totalCapped={queue.data.totalCapped}
            previous={queue.data.previous}
            next={queue.data.next}
            atStart={!after && !before}
            onMove={(cursor) => setParams({ ...filters, ...cursor })}
          />
        </>
      ) : null}

      <Dialog
        open={rejecting !== null}
        title={
          rejecting && rejecting.length === 1 && rejecting[0]
            ? t('queue.rejectDialogTitleOne', { name: rejecting[0].displayName })
            : t('queue.rejectDialogTitle', { count: rejecting?.length ?? 0 })
        }
        onClose={() => setRejecting(null)}
      >
        <form onSubmit={reject} noValidate>
          <ErrorSummary errors={reasonErrors} />
          <TextAreaField
            id="reason"
            label={t('queue.reason')}
            hint={t('queue.reasonHint')}
            value={reason}
            onChange={setReason}
            error={errorFor(reasonErrors, 'reason')}
          />
          <div className="button-group">
            <button type="submit" className="button button--warning" disabled={busy}>
              {t('queue.reject')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setRejecting(null)}
            >
              {t('app.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
