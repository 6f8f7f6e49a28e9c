import { useState } from 'react';
import { categoryLabel, localizedText } from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import { LoadError, Loading } from '../../components/common.js';
import { SelectField } from '../../components/forms.js';
import { useLoad } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import type { Edition } from '../../types.js';

export function BadgesPage({ edition }: { edition: Edition }) {
  const { lang, t } = useI18n();
  const delegations = useLoad(() => api.delegations(edition.slug), [edition.slug]);
  const [code, setCode] = useState('');
  const approved = useLoad(
    () =>
      code
        ? api.participants(edition.slug, code, { status: 'approved', pageSize: 200 })
        : Promise.resolve(null),
    [edition.slug, code],
  );
  const chosen = delegations.data?.items.find((d) => d.code === code);
  return (
    <section aria-labelledby="badges-title">
      <h2 className="heading-l" id="badges-title">
        {t('badges.title')}
      </h2>
      <p>{t('badges.intro')}</p>
      {delegations.error ? <LoadError error={delegations.error} /> : null}
      <SelectField
        id="badges-delegation"
        label={t('badges.delegation')}
        placeholder={t('member.choose')}
        options={(delegations.data?.items ?? []).map((d) => ({
          value: d.code,
          label: `${d.name} (${d.counts.approved ?? 0})`,
        }))}
        value={code}
        onChange={setCode}
      />
      {!code ? <p className="hint">{t('badges.choose')}</p> : null}
      {chosen ? (
        <p>
          <a
            className="button button--secondary"
            href={api.badgeSheetUrl(edition.slug, chosen.code)}
          >
            {t('badges.sheet', { delegation: chosen.name })}
          </a>
        </p>
      ) : null}
      {code && approved.loading && !approved.data ? <Loading /> : null}
      {approved.error ? <LoadError error={approved.error} /> : null}
      {approved.data ? (
        approved.data.items.length === 0 ? (
          <p>{t('badges.none')}</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{t('badges.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('portal.name')}</th>
                <th scope="col">{t('portal.titleCol')}</th>
                <th scope="col">{t('portal.category')}</th>
                <th scope="col">{t('badges.badge')}</th>
              </tr>
            </thead>
            <tbody>
              {approved.data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.displayName}</th>
                  <td>{localizedText(lang, p.title)}</td>
                  <td>{categoryLabel(lang, p.category)}</td>
                  <td>
                    <a href={api.badgeUrl(p.id)}>
                      {t('badges.badge')}
                      <span className="visually-hidden"> {p.displayName}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </section>
  );
}
