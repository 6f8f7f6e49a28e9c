import { formatShortDate, formatTime, localizedText } from '../../../../platform/i18n/i18n.js';
import { LoadError, Loading } from '../../../components/common.js';
import type { Loaded } from '../../../hooks.js';
import { useI18n } from '../../../i18n.js';
import type { PersonConflict, ProgrammeSession } from '../../../types.js';

/** People due in two sessions at once (GET /conflicts): a list to act on, each session a link. */
export function ConflictsPanel({
  conflicts,
  sessions,
  timeZone,
  onShow,
}: {
  conflicts: Loaded<{ items: PersonConflict[] }>;
  sessions: ProgrammeSession[];
  timeZone: string;
  onShow: (code: string) => void;
}) {
  const { lang, t } = useI18n();
  const titleOf = (code: string) => {
    const found = sessions.find((s) => s.code === code);
    return found ? localizedText(lang, found.title) : code;
  };
  return (
    <section className="tt-conflicts" aria-labelledby="tt-conflicts-title" aria-live="polite">
      <h3 className="heading-m" id="tt-conflicts-title">
        {t('timetable.conflicts.title')}
        {conflicts.data ? ` (${conflicts.data.items.length})` : ''}
      </h3>
      {conflicts.error ? <LoadError error={conflicts.error} /> : null}
      {!conflicts.data && !conflicts.error ? <Loading /> : null}
      {conflicts.data && conflicts.data.items.length === 0 ? (
        <p className="hint">{t('timetable.conflicts.none')}</p>
      ) : null}
      {conflicts.data && conflicts.data.items.length > 0 ? (
        <ul className="tt-conflicts__list">
          {conflicts.data.items.map((c) => (
            <li key={`${c.participantId}:${c.sessions.join(':')}`} className="tt-conflicts__item">
              <p>
                {t('timetable.conflicts.item', {
                  name: localizedText(lang, c.name),
                  first: c.sessions[0] ?? '',
                  second: c.sessions[1] ?? '',
                  from: formatTime(lang, c.overlap.from, timeZone),
                  to: formatTime(lang, c.overlap.to, timeZone),
                })}
                <span className="secondary">{formatShortDate(lang, c.overlap.from, timeZone)}</span>
              </p>
              <ul className="tt-conflicts__sessions">
                {c.sessions.map((code) => (
                  <li key={code}>
                    <button type="button" className="link-button" onClick={() => onShow(code)}>
                      {titleOf(code)}
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
