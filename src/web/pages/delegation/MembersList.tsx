import { type FormEvent, useState } from 'react';
import {
  categoryLabel,
  localizedText,
  PARTICIPANT_STATUSES,
  rankLabel,
  statusLabel,
} from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import { CategorySwatch, LoadError, Loading, Pager, StatusTag } from '../../components/common.js';
import { SelectField, TextField } from '../../components/forms.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import { Link, useSearchParams } from '../../router.js';
import type { Edition } from '../../types.js';

const PAGE_SIZE = 20;

export function MembersList({ edition, code }: { edition: Edition; code: string }) {
  const { lang, t } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [draft, setDraft] = useState({ status, q });
  const members = useLoad(
    () => api.participants(edition.slug, code, { status, q, page, pageSize: PAGE_SIZE }),
    [edition.slug, code, status, q, page],
  );
  const colours = new Map(edition.categories.map((c) => [c.code, c.colour]));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams({ status: draft.status, q: draft.q.trim() });
  };

  return (
    <section aria-labelledby="members-title">
      <h2 className="heading-l" id="members-title">
        {t('portal.members')}
      </h2>
      <form className="filters" onSubmit={apply}>
        <SelectField
          id="filter-status"
          label={t('portal.filterStatus')}
          placeholder={t('app.all')}
          options={PARTICIPANT_STATUSES.map((s) => ({ value: s, label: statusLabel(lang, s) }))}
          value={draft.status}
          onChange={(value) => setDraft((d) => ({ ...d, status: value }))}
        />
        <TextField
          id="filter-q"
          type="search"
          label={t('portal.search')}
          value={draft.q}
          onChange={(value) => setDraft((d) => ({ ...d, q: value }))}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {t('app.filter')}
          </button>
        </div>
      </form>
      {members.error ? <LoadError error={members.error} /> : null}
      {!members.data && members.loading ? <Loading /> : null}
      {members.data ? (
        members.data.items.length === 0 ? (
          <p>{status || q ? t('app.noResults') : t('portal.noMembers')}</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('portal.members')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('portal.name')}</th>
                    <th scope="col">{t('portal.titleCol')}</th>
                    <th scope="col">{t('portal.rank')}</th>
                    <th scope="col">{t('portal.category')}</th>
                    <th scope="col">{t('portal.photo')}</th>
                    <th scope="col">{t('portal.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.data.items.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link href={`/portal/members/${encodeURIComponent(p.id)}`}>
                          {p.displayName}
                        </Link>
                      </th>
                      <td>{localizedText(lang, p.title)}</td>
                      <td>{rankLabel(lang, p.rank)}</td>
                      <td className="nowrap">
                        <CategorySwatch colour={colours.get(p.category) ?? '#ffffff'} />{' '}
                        {categoryLabel(lang, p.category)}
                      </td>
                      <td>
                        {p.hasPhoto ? (
                          t('portal.photoPresent')
                        ) : p.photoRequired ? (
                          <strong className="text-warning">{t('portal.photoMissing')}</strong>
                        ) : (
                          t('portal.photoNotRequired')
                        )}
                      </td>
                      <td>
                        <StatusTag status={p.status} />
                        {p.status === 'rejected' && p.decisionReason ? (
                          <span className="secondary">
                            {t('portal.reason', { reason: p.decisionReason })}
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              page={members.data.page}
              pageSize={members.data.pageSize}
              total={members.data.total}
              onPage={(next) => setParams({ status, q, page: String(next) })}
            />
          </>
        )
      ) : null}
    </section>
  );
}
