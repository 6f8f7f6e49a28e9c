import { useState } from 'react';
import { PARTICIPANT_STATUSES, statusLabel } from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import { SelectField } from '../../components/forms.js';
import { useI18n } from '../../i18n.js';
import type { Edition } from '../../types.js';

export function ExportsPage({ edition }: { edition: Edition }) {
  const { lang, t } = useI18n();
  const [status, setStatus] = useState('approved');
  return (
    <section aria-labelledby="exports-title">
      <h2 className="heading-l" id="exports-title">
        {t('exports.title')}
      </h2>
      <p>{t('exports.intro')}</p>
      <SelectField
        id="export-status"
        label={t('exports.status')}
        placeholder={t('app.all')}
        options={PARTICIPANT_STATUSES.map((s) => ({ value: s, label: statusLabel(lang, s) }))}
        value={status}
        onChange={setStatus}
      />
      <div className="button-group">
        <a
          className="button button--secondary"
          href={api.exportUrl(edition.slug, 'csv', status || undefined)}
          download
        >
          {t('exports.csv')}
        </a>
        <a
          className="button button--secondary"
          href={api.exportUrl(edition.slug, 'xlsx', status || undefined)}
          download
        >
          {t('exports.xlsx')}
        </a>
      </div>
    </section>
  );
}
