import type { MessageKey } from '../../../platform/i18n/i18n.js';
import { useI18n } from '../../i18n.js';
import type { SpeakersView } from './speakers.client.js';

type Entry = SpeakersView['queue'][number];

/** "Point of order" for a point of order, the rank for a regular speaker. */
export function kindKey(kind: Entry['kind']): MessageKey {
  return `speakers.kind.${kind}`;
}

/** The list in speaking order, each with the reason it stands there (the engine's explanation). */
export function SpeakersTable({ view, highlight }: { view: SpeakersView; highlight?: string }) {
  const { t } = useI18n();
  const current = view.current;
  if (!current && view.queue.length === 0)
    return <p className="secondary">{t('speakers.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table speakers-table">
        <caption className="table__caption visually-hidden">{t('speakers.order')}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('speakers.position')}
            </th>
            <th scope="col">{t('speakers.delegation')}</th>
            <th scope="col">{t('speakers.speaker')}</th>
            <th scope="col">{t('speakers.rank')}</th>
            <th scope="col">{t('speakers.why')}</th>
          </tr>
        </thead>
        <tbody>
          {current ? (
            <tr className="speakers-row--current">
              <td className="numeric">▶</td>
              <td>{current.delegation.name}</td>
              <td>{current.speaker?.name ?? ''}</td>
              <td />
              <td className="speakers-why">
                {current.kind === 'regular' ? t('speakers.current') : t(kindKey(current.kind))}
              </td>
            </tr>
          ) : null}
          {view.queue.map((entry, index) => (
            <tr
              key={`${entry.kind}-${entry.resumes}-${entry.delegation.code}`}
              className={entry.delegation.code === highlight ? 'speakers-row--ours' : undefined}
            >
              <td className="numeric">{index + 1}</td>
              <td>{entry.delegation.name}</td>
              <td>
                {entry.speaker?.name ?? ''}
                {entry.speaker?.title ? (
                  <span className="secondary">{entry.speaker.title}</span>
                ) : null}
              </td>
              <td>{entry.kind === 'regular' ? (entry.rankLabel ?? '') : t(kindKey(entry.kind))}</td>
              <td className="speakers-why">{entry.explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
