import type { ReactNode } from 'react';
import {
  categoryLabel,
  editionStatusLabel,
  formatDate,
  formatDateRange,
  formatEraDateRange,
  organisationKindLabel,
  t,
} from '../../platform/i18n/i18n.js';
import { Layout } from './Layout.js';
import { Dates, Swatch, scale, text } from './parts.js';
import { publicPaths } from './paths.js';
import type { EditionPageProps } from './types.js';

/** The public page of one edition: what, when, where, who takes part, and the series around it. */
export function EditionPage({
  lang,
  edition,
  timeline,
  organisations,
  signInHref,
}: EditionPageProps) {
  const name = text(lang, edition.name);
  const zone = edition.timeZone;
  const seriesName = edition.series ? text(lang, edition.series.name) : '';
  const host = text(lang, edition.host) || text(lang, edition.hostName);
  const facts: [string, ReactNode][] = [
    [
      t(lang, 'public.dates'),
      <Dates
        key="dates"
        lang={lang}
        startDate={edition.startDate}
        endDate={edition.endDate}
        timeZone={zone}
      />,
    ],
    [t(lang, 'public.city'), text(lang, edition.city)],
    [t(lang, 'public.venue'), text(lang, edition.venue)],
    [t(lang, 'public.host'), host],
    [t(lang, 'public.chair'), text(lang, edition.chair)],
    [t(lang, 'public.status'), edition.status ? editionStatusLabel(lang, edition.status) : ''],
    [t(lang, 'public.timeZone'), zone],
  ];
  const kinds = organisations.kinds.filter((k) => k.count > 0);
  return (
    <Layout lang={lang} title={name}>
      {edition.series ? (
        <p className="caption">
          <a href={publicPaths.series(edition.series.slug)}>{seriesName}</a>
        </p>
      ) : null}
      <h1 className="heading-xl">{name}</h1>
      {edition.theme ? <p className="lead">{text(lang, edition.theme)}</p> : null}
      <p>
        <a href={`${publicPaths.edition(edition.slug)}/programme`}>{t(lang, 'programme.link')}</a>
      </p>

      <dl className="summary-list">
        {facts
          .filter(([, value]) => value !== '' && value != null)
          .map(([term, value]) => (
            <div className="summary-list__row" key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>

      <section aria-labelledby="participation">
        <h2 className="heading-l" id="participation">
          {t(lang, 'public.participation')}
        </h2>
        {organisations.countries !== undefined ? (
          <p>
            {t(lang, 'public.participationSummary', {
              countries: organisations.countries ?? 0,
              organisations: organisations.organisations ?? 0,
              participants: organisations.participants ?? 0,
            })}
          </p>
        ) : null}
        {kinds.length === 0 ? (
          <p>{t(lang, 'public.noOrganisations')}</p>
        ) : (
          <table className="table table--kinds">
            <caption className="visually-hidden">{t(lang, 'public.participation')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'public.kind')}</th>
                <th scope="col" className="numeric">
                  {t(lang, 'public.count')}
                </th>
                <th scope="col">{t(lang, 'public.organisationsOfKind')}</th>
              </tr>
            </thead>
            <tbody>
              {kinds.map((kind) => (
                <tr key={kind.kind}>
                  <th scope="row">{organisationKindLabel(lang, kind.kind)}</th>
                  <td className="numeric">{kind.count}</td>
                  <td>
                    <ul className="inline-list">
                      {kind.organisations.map((o) => (
                        <li key={o.code}>{text(lang, o.name) || o.code}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {edition.categories && edition.categories.length > 0 ? (
        <section aria-labelledby="categories">
          <h2 className="heading-l" id="categories">
            {t(lang, 'public.categories')}
          </h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'public.category')}</th>
                <th scope="col">{t(lang, 'public.badgeColour')}</th>
                <th scope="col">{t(lang, 'public.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {edition.categories.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{categoryLabel(lang, c.code)}</th>
                  <td>
                    <Swatch colour={c.colour} /> <span className="code">{c.colour}</span>
                  </td>
                  <td>{c.deadline ? formatDate(lang, c.deadline, zone) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {timeline.length > 0 ? (
        <section aria-labelledby="timeline">
          <h2 className="heading-l" id="timeline">
            {t(lang, 'public.timeline')}
          </h2>
          <ol className="timeline">
            {timeline.map((e) => {
              const current = e.slug === edition.slug;
              const tz = e.timeZone ?? zone;
              return (
                <li
                  key={e.slug}
                  className={current ? 'timeline__item timeline__item--current' : 'timeline__item'}
                  aria-current={current ? 'page' : undefined}
                >
                  <p className="timeline__name">
                    {current ? (
                      <strong>{text(lang, e.name)}</strong>
                    ) : (
                      <a href={publicPaths.edition(e.slug)}>{text(lang, e.name)}</a>
                    )}
                    {current ? <span className="tag">{t(lang, 'public.thisEdition')}</span> : null}
                  </p>
                  <dl className="timeline__facts">
                    <div>
                      <dt>{t(lang, 'public.dates')}</dt>
                      <dd>
                        {formatDateRange(lang, e.startDate, e.endDate, tz)}
                        {lang === 'ja' ? (
                          <span className="era-date">
                            （{formatEraDateRange(e.startDate, e.endDate, tz)}）
                          </span>
                        ) : null}
                      </dd>
                    </div>
                    {e.city ? (
                      <div>
                        <dt>{t(lang, 'public.city')}</dt>
                        <dd>{text(lang, e.city)}</dd>
                      </div>
                    ) : null}
                    {e.hostName ? (
                      <div>
                        <dt>{t(lang, 'public.host')}</dt>
                        <dd>{text(lang, e.hostName)}</dd>
                      </div>
                    ) : null}
                    {e.chair ? (
                      <div>
                        <dt>{t(lang, 'public.chair')}</dt>
                        <dd>{text(lang, e.chair)}</dd>
                      </div>
                    ) : null}
                    <div>
                      <dt>{t(lang, 'public.scale')}</dt>
                      <dd>{scale(lang, e)}</dd>
                    </div>
                  </dl>
                </li>
              );
            })}
          </ol>
          {edition.series ? (
            <p>
              <a href={publicPaths.series(edition.series.slug)}>{t(lang, 'public.viewSeries')}</a>
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="sign-in" className="panel">
        <h2 className="heading-m" id="sign-in">
          {t(lang, 'public.forDelegations')}
        </h2>
        <p>{t(lang, 'public.signInPrompt')}</p>
        <p>
          <a className="button" href={signInHref ?? publicPaths.signIn()}>
            {t(lang, 'app.signIn')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
