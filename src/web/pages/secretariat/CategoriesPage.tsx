import { type FormEvent, useState } from 'react';
import { categoryLabel, venueDate, venueInstant } from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import { CategorySwatch } from '../../components/common.js';
import { apiErrors, ErrorSummary, type Errors, Notice } from '../../components/forms.js';
import { useI18n } from '../../i18n.js';
import type { Category, Edition } from '../../types.js';

/** A deadline is an instant; the secretariat picks the venue's day, which ends at 23:59:59 there. */
const END_OF_DAY = '23:59:59';

export function CategoriesPage({ edition, onSaved }: { edition: Edition; onSaved: () => void }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState('');
  const [errors, setErrors] = useState<Errors>([]);
  return (
    <section aria-labelledby="categories-title">
      <h2 className="heading-l" id="categories-title">
        {t('categories.title')}
      </h2>
      <p>{t('categories.intro')}</p>
      <p className="hint">{t('categories.zoneHint', { zone: edition.timeZone })}</p>
      <ErrorSummary errors={errors} />
      <Notice>{notice}</Notice>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('categories.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('categories.name')}</th>
              <th scope="col">{t('categories.colour')}</th>
              <th scope="col">{t('categories.deadline')}</th>
              <th scope="col">{t('categories.reopenedUntil')}</th>
              <th scope="col">{t('categories.open')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('app.save')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {edition.categories.map((c) => (
              <CategoryRow
                key={`${c.code}:${c.deadline}:${c.reopenedUntil}`}
                edition={edition}
                category={c}
                onSaved={(message) => {
                  setErrors([]);
                  setNotice(message);
                  onSaved();
                }}
                onError={(found) => {
                  setNotice('');
                  setErrors(found);
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CategoryRow({
  edition,
  category,
  onSaved,
  onError,
}: {
  edition: Edition;
  category: Category;
  onSaved: (message: string) => void;
  onError: (errors: Errors) => void;
}) {
  const { lang, t, errorText } = useI18n();
  const zone = edition.timeZone;
  const [deadline, setDeadline] = useState(
    category.deadline ? venueDate(category.deadline, zone) : '',
  );
  const [reopenedUntil, setReopenedUntil] = useState(
    category.reopenedUntil ? venueDate(category.reopenedUntil, zone) : '',
  );
  const label = categoryLabel(lang, category.code);
  const formId = `category-${category.code}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.updateCategory(edition.slug, category.code, {
        deadline: deadline ? venueInstant(deadline, END_OF_DAY, zone) : null,
        reopenedUntil: reopenedUntil ? venueInstant(reopenedUntil, END_OF_DAY, zone) : null,
      });
      onSaved(t('categories.saved', { category: label }));
    } catch (error) {
      onError(apiErrors(error, errorText));
    }
  };
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="nowrap">
        <CategorySwatch colour={category.colour} /> <code>{category.colour}</code>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${formId}-deadline`}>
          {`${label}: ${t('categories.deadline')}`}
        </label>
        <input
          className="input input--date"
          type="date"
          id={`${formId}-deadline`}
          form={formId}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
        />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${formId}-reopened`}>
          {`${label}: ${t('categories.reopenedUntil')}`}
        </label>
        <input
          className="input input--date"
          type="date"
          id={`${formId}-reopened`}
          form={formId}
          value={reopenedUntil}
          onChange={(e) => setReopenedUntil(e.target.value)}
        />
      </td>
      <td>{category.open ? t('app.yes') : t('app.no')}</td>
      <td>
        <form id={formId} onSubmit={submit}>
          <button type="submit" className="button button--small button--secondary">
            {t('app.save')}
            <span className="visually-hidden"> {label}</span>
          </button>
        </form>
      </td>
    </tr>
  );
}
