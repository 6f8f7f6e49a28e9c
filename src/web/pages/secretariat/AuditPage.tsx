import { type FormEvent, useState } from 'react';
import {
  AUDIT_ACTIONS,
  actionLabel,
  formatDateTime,
  venueInstant,
} from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import { LoadError, Loading, Pager } from '../../components/common.js';
import { SelectField, TextField } from '../../components/forms.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { useSearchParams } from '../../router.js';
import type { AuditEntry, Edition } from '../../types.js';

const PAGE_SIZE = 25;
const FILTERS = ['action', 'entityType', 'actor', 'delegation', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A value of a diff: struck out (before) or inserted (after); an empty one says so, plainly. */
function Value({ value, kind }: { value: unknown; kind: 'before' | 'after' }) {
  const { t } = useI18n();
  if (isEmpty(value)) return <span className="secondary">{t('audit.empty')}</span>;
  return kind === 'before' ? <del>{show(value)}</del> : <ins>{show(value)}</ins>;
}

/** The fields that differ between before and after, one level deep (nested values as JSON). */
export function diff(
  before: unknown,
  after: unknown,
): { field: string; before: unknown; after: unknown }[] {
  const a = before && typeof before === 'object' ? (before as Record<string, unknown>) : {};
  const b = after && typeof after === 'object' ? (after as Record<string, unknown>) : {};
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields
    .filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]))
    .map((field) => ({ field, before: a[field], after: b[field] }));
}

function Change({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const rows = diff(entry.before, entry.after);
  if (rows.length === 0) return <span className="secondary">{t('audit.noChange')}</span>;
  return (
    <table className="diff">
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field}>
            <th scope="row">
              <code>{row.field}</code>
            </th>
            <td className="diff__before">
              {row.before === undefined ? null : <Value value={row.before} kind="before" />}
            </td>
            <td className="diff__after">
              {row.after === undefined ? null : <Value value={row.after} kind="after" />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditPage({ edition }: { edition: Edition }) {
  const { lang, t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Filters;
  const page = Number(params.get('page') ?? '1') || 1;
  const [draft, setDraft] = useState<Filters>(filters);
  const zone = edition.timeZone;
  // The dates are days of the venue's calendar; the API takes instants.
  const entries = useLoad(
    () =>
      api.audit({
        ...filters,
        from: filters.from ? venueInstant(filters.from, '00:00:00', zone) : '',
        to: filters.to ? venueInstant(filters.to, '23:59:59', zone) : '',
        page,
        pageSize: PAGE_SIZE,
      }),
    [...FILTERS.map((f) => filters[f]), page, zone],
  );
  const delegations = useLoad(() => api.delegations(edition.slug), [edition.slug]);
  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams({ ...draft });
  };

  return (
    <section aria-labelledby="audit-title">
      <h2 className="heading-l" id="audit-title">
        {t('audit.title')}
      </h2>
      <form className="filters" onSubmit={apply}>
        <SelectField
          id="a-action"
          label={t('audit.action')}
          placeholder={t('app.all')}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(lang, a) }))}
          value={draft.action}
          onChange={set('action')}
        />
        <TextField
          id="a-entity"
          label={t('audit.entityType')}
          spellCheck={false}
          value={draft.entityType}
          onChange={set('entityType')}
        />
        <TextField
          id="a-actor"
          label={t('audit.actor')}
          value={draft.actor}
          onChange={set('actor')}
        />
        <SelectField
          id="a-delegation"
          label={t('audit.delegation')}
          placeholder={t('app.all')}
          options={(delegations.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
          value={draft.delegation}
          onChange={set('delegation')}
        />
        <TextField
          id="a-from"
          type="date"
          label={t('audit.from')}
          value={draft.from}
          onChange={set('from')}
        />
        <TextField
          id="a-to"
          type="date"
          label={t('audit.to')}
          value={draft.to}
          onChange={set('to')}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {t('app.filter')}
          </button>
        </div>
      </form>
      {entries.error ? <LoadError error={entries.error} /> : null}
      {!entries.data && entries.loading ? <Loading /> : null}
      {entries.data ? (
        <>
          <p className="secondary">{t('audit.entries', { total: entries.data.total })}</p>
          {entries.data.items.length === 0 ? (
            <p>{t('app.noResults')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--audit">
                <caption className="visually-hidden">{t('audit.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.at')}</th>
                    <th scope="col">{t('audit.actor')}</th>
                    <th scope="col">{t('audit.action')}</th>
                    <th scope="col">{t('audit.entityId')}</th>
                    <th scope="col">{t('audit.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.data.items.map((entry) => (
                    <tr key={entry.id}>
                      <td className="nowrap">{formatDateTime(lang, entry.at, edition.timeZone)}</td>
                      <td>{entry.actorLabel}</td>
                      <td>
                        {actionLabel(lang, entry.action)}
                        {actionLabel(lang, entry.action) !== entry.action ? (
                          <code className="block-code">{entry.action}</code>
                        ) : null}
                      </td>
                      <td>
                        {entry.entityType}
                        <code className="block-code secondary">{entry.entityId}</code>
                      </td>
                      <td>
                        <Change entry={entry} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            page={entries.data.page ?? page}
            pageSize={entries.data.pageSize ?? PAGE_SIZE}
            total={entries.data.total}
            onPage={(next) => setParams({ ...filters, page: String(next) })}
          />
        </>
      ) : null}
    </section>
  );
}
