/**
 * Statements on the public site, server-rendered: those of a session, those of a delegation,
 * and the search. The text is shown in the reader's language when there is a translation, the
 * original beside it; summaries written from a readout and remote contributions are marked.
 */
import type {
  EditionRef,
  SearchResult,
  StatementView,
} from '../../features/statements/statements.service.js';
import {
  formatDate,
  formatDateTime,
  formatTime,
  type Lang,
  localizedText as text,
} from '../../platform/i18n/i18n.js';
import { Layout } from './Layout.js';
import { publicPaths } from './paths.js';
import { languageName, st } from './statements.messages.js';

/** The addresses of the statements pages. */
export const statementPaths = {
  session: (slug: string, code: string) =>
    `${publicPaths.edition(slug)}/sessions/${encodeURIComponent(code)}/statements`,
  delegation: (slug: string, code: string) =>
    `${publicPaths.edition(slug)}/delegations/${encodeURIComponent(code)}/statements`,
  search: (slug: string, query?: string) =>
    `${publicPaths.edition(slug)}/search${query ? `?q=${encodeURIComponent(query)}` : ''}`,
  programme: (slug: string) => `${publicPaths.edition(slug)}/programme`,
  anchor: (id: string) => `statement-${id}`,
};

/** Paragraphs of a text: blank lines separate them. */
function Paragraphs({ value, lang }: { value: string; lang: string }) {
  return (
    <div className="statement__text" lang={lang}>
      {value
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one fixed text
          <p key={i}>{p}</p>
        ))}
    </div>
  );
}

function Marks({ lang, statement }: { lang: Lang; statement: StatementView }) {
  const marks: [string, string][] = [];
  if (statement.isSummary) marks.push(['tag tag--summary', st(lang, 'summary')]);
  if (statement.attendance !== 'present')
    marks.push(['tag tag--remote', st(lang, statement.attendance)]);
  if (!statement.published) marks.push(['tag tag--draft', 'draft']);
  if (marks.length === 0) return null;
  return (
    <p className="statement__marks">
      {marks.map(([className, label]) => (
        <span key={label} className={className}>
          {label}
        </span>
      ))}
    </p>
  );
}

function Positions({ lang, statement }: { lang: Lang; statement: StatementView }) {
  if (statement.positions.length === 0) return null;
  return (
    <div className="statement__positions">
      <h4 className="visually-hidden">{st(lang, 'positions')}</h4>
      <span className="statement__label" aria-hidden="true">
        {st(lang, 'positions')}
      </span>
      <ul className="position-tags">
        {statement.positions.map((p) => (
          <li key={p.code} className="position-tag">
            {text(lang, p.name)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Who spoke: the name, then the title and delegation ("外交部長官（韓国）" in Japanese). */
function speakerParts(lang: Lang, statement: StatementView): { name: string; role: string } {
  const delegation = text(lang, statement.delegation.name);
  if (!statement.speaker) return { name: delegation, role: '' };
  const title = text(lang, statement.speaker.title);
  const role = title
    ? lang === 'ja'
      ? `${title}（${delegation}）`
      : `${title}, ${delegation}`
    : delegation;
  return { name: text(lang, statement.speaker.name), role };
}

function SpeakerRole({ lang, statement }: { lang: Lang; statement: StatementView }) {
  const { role } = speakerParts(lang, statement);
  return role ? <p className="statement__role">{role}</p> : null;
}

/** One statement in full: who, where, marks, the text (with the original), positions. */
function StatementArticle({
  lang,
  edition,
  statement,
  show,
}: {
  lang: Lang;
  edition: EditionRef;
  statement: StatementView;
  show: 'session' | 'delegation';
}) {
  const readerText = statement.texts[lang];
  const shownLang = readerText ? lang : statement.originalLanguage;
  const shown =
    readerText ??
    statement.texts[statement.originalLanguage] ??
    Object.values(statement.texts)[0] ??
    '';
  const original = statement.texts[statement.originalLanguage];
  const translated = shownLang !== statement.originalLanguage && original;
  const headingId = `${statementPaths.anchor(statement.id)}-heading`;
  return (
    <article
      className={statement.isSummary ? 'statement statement--summary' : 'statement'}
      id={statementPaths.anchor(statement.id)}
      aria-labelledby={headingId}
    >
      <h3 className="statement__speaker" id={headingId}>
        {speakerParts(lang, statement).name}
      </h3>
      <SpeakerRole lang={lang} statement={statement} />
      <p className="statement__context">
        {show === 'delegation' ? (
          statement.session ? (
            <>
              <a
                href={`${statementPaths.session(edition.slug, statement.session.code)}#${statementPaths.anchor(statement.id)}`}
              >
                {text(lang, statement.session.title)}
              </a>
              {' · '}
              <time dateTime={statement.session.startsAt}>
                {formatDateTime(lang, statement.session.startsAt, edition.timeZone)}
              </time>
            </>
          ) : (
            st(lang, 'noSession')
          )
        ) : (
          <a href={statementPaths.delegation(edition.slug, statement.delegation.code)}>
            {st(lang, 'allStatementsOf', { name: text(lang, statement.delegation.name) })}
          </a>
        )}
        {statement.deliveredAt ? (
          <>
            {' · '}
            {st(lang, 'delivered')}{' '}
            <time dateTime={statement.deliveredAt}>
              {formatTime(lang, statement.deliveredAt, edition.timeZone)}
            </time>
          </>
        ) : null}
      </p>
      <Marks lang={lang} statement={statement} />
      {statement.isSummary ? <p className="statement__note">{st(lang, 'summaryNote')}</p> : null}
      {translated ? (
        <p className="statement__language">
          {st(lang, 'translation', { language: languageName(statement.originalLanguage, lang) })}
        </p>
      ) : null}
      <Paragraphs value={shown} lang={shownLang} />
      {translated ? (
        <details className="statement__original">
          <summary>
            {st(lang, 'original', { language: languageName(statement.originalLanguage, lang) })}
          </summary>
          <Paragraphs value={original} lang={statement.originalLanguage} />
        </details>
      ) : null}
      <Positions lang={lang} statement={statement} />
    </article>
  );
}

function StatementList({
  lang,
  edition,
  items,
  show,
}: {
  lang: Lang;
  edition: EditionRef;
  items: StatementView[];
  show: 'session' | 'delegation';
}) {
  if (items.length === 0) return <p>{st(lang, 'noStatements')}</p>;
  return (
    <div className="statements">
      {items.map((statement) => (
        <StatementArticle
          key={statement.id}
          lang={lang}
          edition={edition}
          statement={statement}
          show={show}
        />
      ))}
    </div>
  );
}

function SearchForm({ lang, edition, query }: { lang: Lang; edition: EditionRef; query: string }) {
  return (
    <search>
      <form className="search-form" method="get" action={statementPaths.search(edition.slug)}>
        <label className="search-form__label" htmlFor="q">
          {st(lang, 'searchLabel')}
        </label>
        <p className="search-form__hint" id="q-hint">
          {st(lang, 'searchHint')}
        </p>
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
            {st(lang, 'searchButton')}
          </button>
        </div>
      </form>
    </search>
  );
}

function EditionCaption({ lang, edition }: { lang: Lang; edition: EditionRef }) {
  return (
    <p className="caption">
      <a href={publicPaths.edition(edition.slug)}>{text(lang, edition.name)}</a>
      {' · '}
      <a href={statementPaths.programme(edition.slug)}>{st(lang, 'programme')}</a>
      {' · '}
      <a href={statementPaths.search(edition.slug)}>{st(lang, 'search')}</a>
    </p>
  );
}

export interface SessionStatementsPageProps {
  lang: Lang;
  edition: EditionRef;
  session: { code: string; title: Record<string, string>; startsAt: string; endsAt: string };
  items: StatementView[];
}

export function SessionStatementsPage({
  lang,
  edition,
  session,
  items,
}: SessionStatementsPageProps) {
  const title = text(lang, session.title);
  return (
    <Layout lang={lang} title={`${title} – ${st(lang, 'statements')}`}>
      <EditionCaption lang={lang} edition={edition} />
      <h1 className="heading-xl">{title}</h1>
      <p className="lead">
        <time dateTime={session.startsAt}>
          {formatDateTime(lang, session.startsAt, edition.timeZone)}
        </time>
        –<time dateTime={session.endsAt}>{formatTime(lang, session.endsAt, edition.timeZone)}</time>
      </p>
      <h2 className="heading-l">{st(lang, 'sessionStatements')}</h2>
      <StatementList lang={lang} edition={edition} items={items} show="session" />
    </Layout>
  );
}

export interface DelegationStatementsPageProps {
  lang: Lang;
  edition: EditionRef;
  delegation: { code: string; name: Record<string, string> };
  items: StatementView[];
}

export function DelegationStatementsPage({
  lang,
  edition,
  delegation,
  items,
}: DelegationStatementsPageProps) {
  const heading = st(lang, 'delegationStatements', { name: text(lang, delegation.name) });
  return (
    <Layout lang={lang} title={heading}>
      <EditionCaption lang={lang} edition={edition} />
      <h1 className="heading-xl">{heading}</h1>
      <StatementList lang={lang} edition={edition} items={items} show="delegation" />
    </Layout>
  );
}

export interface SearchPageProps {
  lang: Lang;
  edition: EditionRef;
  query: string;
  /** Null before the reader has searched. */
  results: { items: SearchResult[]; more: boolean; words: string[] } | null;
}

function SearchHit({
  lang,
  edition,
  result,
}: {
  lang: Lang;
  edition: EditionRef;
  result: SearchResult;
}) {
  const { statement, snippet } = result;
  const href = statement.session
    ? `${statementPaths.session(edition.slug, statement.session.code)}#${statementPaths.anchor(statement.id)}`
    : `${statementPaths.delegation(edition.slug, statement.delegation.code)}#${statementPaths.anchor(statement.id)}`;
  return (
    <li className="search-hit">
      <h3 className="search-hit__title">
        <a href={href}>{speakerParts(lang, statement).name}</a>
      </h3>
      <SpeakerRole lang={lang} statement={statement} />
      <p className="statement__context">
        {statement.session ? text(lang, statement.session.title) : st(lang, 'noSession')}
        {statement.session ? (
          <>
            {' · '}
            <time dateTime={statement.session.startsAt}>
              {formatDate(lang, statement.session.startsAt, edition.timeZone)}
            </time>
          </>
        ) : null}
      </p>
      <Marks lang={lang} statement={statement} />
      <p className="search-hit__snippet" lang={snippet.lang}>
        {snippet.parts.map((part, i) =>
          part.mark ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed snippet
            <mark key={i}>{part.text}</mark>
          ) : (
            part.text
          ),
        )}
      </p>
      <Positions lang={lang} statement={statement} />
    </li>
  );
}

export function SearchPage({ lang, edition, query, results }: SearchPageProps) {
  const heading = st(lang, 'search');
  const count = results?.items.length ?? 0;
  return (
    <Layout lang={lang} title={query ? `${query} – ${heading}` : heading}>
      <EditionCaption lang={lang} edition={edition} />
      <h1 className="heading-xl">{heading}</h1>
      <SearchForm lang={lang} edition={edition} query={query} />
      {results === null ? null : (
        <section aria-labelledby="results">
          <h2 className="heading-l" id="results">
            {results.words.length === 0
              ? st(lang, 'noTerms')
              : count === 0
                ? st(lang, 'noResults', { query })
                : st(lang, results.more ? 'resultsMore' : 'resultsCount', { count, query })}
          </h2>
          {count > 0 ? (
            <ol className="search-results">
              {results.items.map((result) => (
                <SearchHit
                  key={result.statement.id}
                  lang={lang}
                  edition={edition}
                  result={result}
                />
              ))}
            </ol>
          ) : null}
        </section>
      )}
    </Layout>
  );
}
