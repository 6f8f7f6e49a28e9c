import { editionStatusLabel, type Lang, t } from '../../platform/i18n/i18n.js';
import { Dates, scale, text } from './parts.js';
import { publicPaths } from './paths.js';
import type { EditionSummary } from './types.js';

/** The editions of a series as a table: one row per edition, oldest first. */
export function EditionTable({
  lang,
  editions,
  caption,
}: {
  lang: Lang;
  editions: EditionSummary[];
  caption: string;
}) {
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'public.editions')}</th>
          <th scope="col">{t(lang, 'public.dates')}</th>
          <th scope="col">{t(lang, 'public.host')}</th>
          <th scope="col">{t(lang, 'public.scale')}</th>
          <th scope="col">{t(lang, 'public.status')}</th>
        </tr>
      </thead>
      <tbody>
        {editions.map((e) => (
          <tr key={e.slug}>
            <th scope="row">
              <a href={publicPaths.edition(e.slug)}>{text(lang, e.name)}</a>
              {e.city ? <span className="secondary">{text(lang, e.city)}</span> : null}
            </th>
            <td>
              <Dates
                lang={lang}
                startDate={e.startDate}
                endDate={e.endDate}
                timeZone={e.timeZone ?? 'UTC'}
              />
            </td>
            <td>{text(lang, e.hostName)}</td>
            <td>{scale(lang, e)}</td>
            <td className="nowrap">{e.status ? editionStatusLabel(lang, e.status) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
