/**
 * The one search of an edition, server-rendered: a GET form with the words and the kinds to
 * search (statements, documents, readouts), and the hits with their snippets marked.
 */
import {
  SEARCH_KINDS,
  type SearchHit,
  type SearchKind,
  type UnifiedSearchResult,
} from '../../features/publishing/search.service.js';
import { type Lang, localizedText as text } from '../../platform/i18n/i18n.js';
import { Layout } from './Layout.js';
import { publicPaths } from './paths.js';
import { sm, smOr } from './series.messages.js';
import { languageName } from './statements.messages.js';

export interface UnifiedSearchPageProps {
  lang: Lang;
  result: UnifiedSearchResult;
  /** Null before the reader has searched. */
  searched: boolean;
}

function context(lang: Lang, hit: SearchHit): string {
  if (hit.kind === 'statement')
    return [hit.delegation?.name, hit.session].filter(Boolean).join(' · ');
  if (hit.kind === 'document' && hit.document) {
    if (hit.document.amendment)
      return sm(lang, 'amendmentBy', {
        name: hit.delegation?.name ?? '',
        paragraph: hit.document.amendment.paragraphId,
      });
    return `${sm(lang, 'version', { number: hit.document.version })} · ${smOr(lang, `status_${hit.document.status}`, hit.document.status)}`;
  }
  if (hit.readout) {
    const base = sm(lang, 'readoutIn', { language: languageName(hit.readout.lang, lang) });
    return hit.readout.status === 'published'
      ? base
      : `${base} · ${smOr(lang, `status_${hit.readout.status}`, hit.readout.status)}`;
  }
  return '';
}

function Hit({ lang, hit }: { lang: Lang; hit: SearchHit }) {
  return (
    <li className="search-hit">
      <p className="statement__marks">
        <span className="tag">{sm(lang, `tag_${hit.kind}`)}</span>
      </p>
      <h3 className="search-hit__title">
        <a href={hit.href}>{hit.title}</a>
      </h3>
      <p className="statement__context">{context(lang, hit)}</p>
      <p className="search-hit__snippet" lang={hit.snippet.lang}>
        {hit.snippet.parts.map((part, i) =>
          part.mark ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed snippet
            <mark key={i}>{part.text}</mark>
          ) : (
            part.text
          ),
        )}
      </p>
    </li>
  );
}

export function UnifiedSearchPage({ lang, result, searched }: UnifiedSearchPageProps) {
  const heading = sm(lang, 'search');
  const { query, edition } = result;
  const count = result.items.length;
  const chosen = new Set<SearchKind>(result.kinds);
  const action = `${publicPaths.edition(edition.slug)}/search`;
  return (
    <Layout lang={lang} title={query ? `${query} – ${heading}` : heading}>
      <p className="caption">
        <a href={publicPaths.edition(edition.slug)}>{text(lang, edition.name)}</a>
        {' · '}
        <a href={`${publicPaths.edition(edition.slug)}/programme`}>{sm(lang, 'programme')}</a>
      </p>
      <h1 className="heading-xl">{heading}</h1>
      <search>
        <form className="search-form" method="get" action={action}>
          <label className="search-form__label" htmlFor="q">
            {sm(lang, 'searchLabel')}
          </label>
          <p className="search-form__hint" id="q-hint">
            {sm(lang, 'searchHint')}
          </p>
          <fieldset className="search-form__kinds">
            <legend>{sm(lang, 'kindsLegend')}</legend>
            <ul className="inline-list">
              {SEARCH_KINDS.map((kind) => (
                <li key={kind}>
                  <label className="search-form__kind">
                    <input
                      type="checkbox"
                      name="kinds"
                      value={kind}
                      defaultChecked={chosen.has(kind)}
                    />{' '}
                    {sm(lang, `kind_${kind}`)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="search-form__row">
            <input
              className="search-form__input"
              type="search"
              id="q"
              name="q"
              defaultValue={query}
              maxLength={200}
              aria-describedby="q-hint"
            />
            <input type="hidden" name="lang" value={lang} />
            <button className="button search-form__button" type="submit">
              {sm(lang, 'search')}
            </button>
          </div>
        </form>
      </search>
      {searched ? (
        <section aria-labelledby="results">
          <h2 className="heading-l" id="results">
            {result.words.length === 0
              ? sm(lang, 'noTerms')
              : count === 0
                ? sm(lang, 'noResults', { query })
                : sm(
                    lang,
                    result.more ? 'resultsMore' : count === 1 ? 'resultsCountOne' : 'resultsCount',
                    { count, query },
                  )}
          </h2>
          {count > 0 ? (
            <ol className="search-results">
              {result.items.map((hit) => (
                <Hit key={`${hit.kind}:${hit.id}`} lang={lang} hit={hit} />
              ))}
            </ol>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
