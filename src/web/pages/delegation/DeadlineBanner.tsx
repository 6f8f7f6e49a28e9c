import { categoryLabel, formatDate } from '../../../platform/i18n/i18n.js';
import { CategorySwatch } from '../../components/common.js';
import { useI18n } from '../../i18n.js';
import type { Edition } from '../../types.js';

/** Category deadlines as the focal point needs them: open until, closed since, reopened until. */
export function DeadlineBanner({
  edition,
  reopenedUntil,
}: {
  edition: Edition;
  reopenedUntil: string | null;
}) {
  const { lang, t } = useI18n();
  const zone = edition.timeZone;
  const now = Date.now();
  const past = (iso: string) =>
    new Date(iso.length === 10 ? `${iso}T23:59:59Z` : iso).getTime() < now;
  return (
    <section className="deadlines" aria-labelledby="deadlines-title">
      <h2 className="heading-s" id="deadlines-title">
        {t('portal.deadlinesTitle')}
      </h2>
      {reopenedUntil && !past(reopenedUntil) ? (
        <p className="deadlines__reopened">
          <strong>
            {t('portal.delegationReopened', { date: formatDate(lang, reopenedUntil, zone) })}
          </strong>
        </p>
      ) : null}
      <ul className="deadlines__list">
        {edition.categories.map((c) => {
          const category = categoryLabel(lang, c.code);
          let text: string;
          let state: 'open' | 'closed' | 'reopened';
          if (c.reopenedUntil && !past(c.reopenedUntil)) {
            text = t('portal.deadlineReopened', {
              category,
              date: formatDate(lang, c.reopenedUntil, zone),
            });
            state = 'reopened';
          } else if (c.deadline && past(c.deadline) && !c.open) {
            text = t('portal.deadlineClosed', {
              category,
              date: formatDate(lang, c.deadline, zone),
            });
            state = 'closed';
          } else if (c.deadline) {
            text = t('portal.deadlineOpen', { category, date: formatDate(lang, c.deadline, zone) });
            state = 'open';
          } else {
            text = t('portal.deadlineNone', { category });
            state = 'open';
          }
          return (
            <li key={c.code} className={`deadlines__item deadlines__item--${state}`}>
              <CategorySwatch colour={c.colour} /> {text}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
