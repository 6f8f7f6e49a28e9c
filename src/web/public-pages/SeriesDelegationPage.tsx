/** One delegation's published statements across the editions of a series, with their positions. */
import type { DelegationStatementsAcrossSeries } from '../../features/publishing/series.service.js';
import { formatDateTime, type Lang } from '../../platform/i18n/i18n.js';
import { Layout } from './Layout.js';
import { publicPaths } from './paths.js';
import { sm } from './series.messages.js';

export interface SeriesDelegationPageProps {
  lang: Lang;
  view: DelegationStatementsAcrossSeries;
}

export function SeriesDelegationPage({ lang, view }: SeriesDelegationPageProps) {
  const heading = sm(lang, 'delegationAcross', {
    name: view.delegation.name,
    series: view.series.name,
  });
  return (
    <Layout lang={lang} title={heading}>
      <p className="caption">
        <a href={publicPaths.series(view.series.slug)}>{view.series.name}</a>
      </p>
      <h1 className="heading-xl">{heading}</h1>
      <p className="lead">{sm(lang, 'delegationAcrossLead')}</p>
      {view.editions.map((e) => (
        <section key={e.slug} aria-labelledby={`edition-${e.slug}`}>
          <h2 className="heading-l" id={`edition-${e.slug}`}>
            <a href={publicPaths.edition(e.slug)}>{e.name}</a>
          </h2>
          {e.statements.length === 0 ? (
            <p className="muted">{sm(lang, 'noStatementsAtEdition')}</p>
          ) : (
            <div className="statements">
              {e.statements.map((s) => (
                <article
                  key={s.id}
                  className={s.isSummary ? 'statement statement--summary' : 'statement'}
                  aria-labelledby={`statement-${s.id}`}
                >
                  <h3 className="statement__speaker" id={`statement-${s.id}`}>
                    {s.session ? s.session.title : sm(lang, 'noSession')}
                  </h3>
                  <p className="statement__context">
                    {s.session ? (
                      <time dateTime={s.session.startsAt}>
                        {formatDateTime(lang, s.deliveredAt ?? s.session.startsAt, e.timeZone)}
                      </time>
                    ) : null}
                    {s.session ? ' · ' : null}
                    <a href={s.href}>{sm(lang, 'readInContext')}</a>
                  </p>
                  {s.isSummary ? (
                    <p className="statement__marks">
                      <span className="tag tag--summary">{sm(lang, 'summary')}</span>
                    </p>
                  ) : null}
                  <div className="statement__text" lang={s.textLang}>
                    {s.text
                      .split(/\n\s*\n/)
                      .map((p) => p.trim())
                      .filter(Boolean)
                      .map((p, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one fixed text
                        <p key={i}>{p}</p>
                      ))}
                  </div>
                  {s.positions.length > 0 ? (
                    <div className="statement__positions">
                      <span className="statement__label">{sm(lang, 'statementPositions')}</span>
                      <ul className="position-tags">
                        {s.positions.map((p) => (
                          <li key={p.code} className="position-tag">
                            {p.name}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </article>
              ))}
            </div>
          )}
        </section>
      ))}
    </Layout>
  );
}
