/**
 * A conference series: its editions on a timeline (host, chair, scale, outcome documents) and
 * the positions delegations took at one edition, as a heat-grid with a table beside it and a
 * CSV export. Server-rendered, no JavaScript: the edition selector is a list of links.
 */
import type { PositionsMatrix, TimelineEdition } from '../../features/publishing/series.service.js';
import { seriesPaths } from '../../features/publishing/series.service.js';
import { type Lang, t } from '../../platform/i18n/i18n.js';
import { Layout } from './Layout.js';
import { PositionsChart, PositionsTable } from './PositionsChart.js';
import { Dates, scale } from './parts.js';
import { publicPaths } from './paths.js';
import { sm } from './series.messages.js';

export interface SeriesPageProps {
  lang: Lang;
  series: { slug: string; name: string; description: string; editions: TimelineEdition[] };
  positions: {
    editions: { slug: string; name: string; hasPositions: boolean }[];
    matrix: PositionsMatrix | null;
  };
}

function Outcome({ lang, edition }: { lang: Lang; edition: TimelineEdition }) {
  if (edition.documents.length > 0)
    return (
      <ul className="plain-list">
        {edition.documents.map((d) => (
          <li key={d.code}>
            <a href={d.href}>{d.title}</a>
          </li>
        ))}
      </ul>
    );
  if (edition.outcomeSummary) return <>{edition.outcomeSummary}</>;
  return <span className="muted">{sm(lang, 'outcomeNone')}</span>;
}

function Timeline({ lang, editions }: { lang: Lang; editions: TimelineEdition[] }) {
  return (
    <ol className="timeline">
      {editions.map((e) => (
        <li key={e.slug} className="timeline__item">
          <p className="timeline__name">
            <a href={publicPaths.edition(e.slug)}>{e.name}</a>
          </p>
          <dl className="timeline__facts">
            <div>
              <dt>{sm(lang, 'dates')}</dt>
              <dd>
                <Dates
                  lang={lang}
                  startDate={e.startDate}
                  endDate={e.endDate}
                  timeZone={e.timeZone}
                />
                {e.city ? ` · ${e.city}` : ''}
              </dd>
            </div>
            <div>
              <dt>{sm(lang, 'host')}</dt>
              <dd>{e.hostName || e.host}</dd>
            </div>
            {e.chair ? (
              <div>
                <dt>{sm(lang, 'chair')}</dt>
                <dd>{e.chair}</dd>
              </div>
            ) : null}
            <div>
              <dt>{sm(lang, 'scale')}</dt>
              <dd>{scale(lang, e)}</dd>
            </div>
            <div>
              <dt>{sm(lang, 'outcome')}</dt>
              <dd>
                <Outcome lang={lang} edition={e} />
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}

function Positions({
  lang,
  slug,
  positions,
}: {
  lang: Lang;
  slug: string;
  positions: SeriesPageProps['positions'];
}) {
  const { matrix } = positions;
  const chosen = matrix?.edition.slug;
  return (
    <section aria-labelledby="positions">
      <h2 className="heading-l" id="positions">
        {sm(lang, 'positions')}
      </h2>
      <p>{sm(lang, 'positionsLead')}</p>
      <nav aria-label={sm(lang, 'positionsEdition')}>
        <ul className="inline-list">
          {positions.editions.map((e) => (
            <li key={e.slug}>
              {e.slug === chosen ? (
                <strong aria-current="page">{e.name}</strong>
              ) : (
                <a href={seriesPaths.positions(slug, e.slug)}>{e.name}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {matrix && matrix.rows.length > 0 && matrix.themes.length > 0 ? (
        <>
          <PositionsChart
            lang={lang}
            matrix={matrix}
            delegationHref={(code) => seriesPaths.delegation(slug, code)}
          />
          <details>
            <summary>{sm(lang, 'tableAlternative')}</summary>
            <PositionsTable lang={lang} matrix={matrix} />
          </details>
          <p>
            <a href={seriesPaths.positionsCsv(slug, matrix.edition.slug)} download>
              {sm(lang, 'downloadCsv')}
            </a>
            {lang === 'ja' ? '（' : ' ('}
            <a href={seriesPaths.positionsCsv(slug)} download>
              {sm(lang, 'downloadCsvAll')}
            </a>
            {lang === 'ja' ? '）' : ')'}
          </p>
        </>
      ) : (
        <p>{sm(lang, 'positionsNone')}</p>
      )}
    </section>
  );
}

export function SeriesPage({ lang, series, positions }: SeriesPageProps) {
  return (
    <Layout lang={lang} title={series.name}>
      <p className="caption">
        <a href={publicPaths.home()}>{t(lang, 'public.series')}</a>
      </p>
      <h1 className="heading-xl">{series.name}</h1>
      {series.description ? <p className="lead">{series.description}</p> : null}
      <h2 className="heading-l">{sm(lang, 'timeline')}</h2>
      <Timeline lang={lang} editions={series.editions} />
      <Positions lang={lang} slug={series.slug} positions={positions} />
    </Layout>
  );
}
