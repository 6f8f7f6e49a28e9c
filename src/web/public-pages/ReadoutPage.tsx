/**
 * A delegation's published readout, server-rendered: the seed's page, generated. Sections are
 * numbered 1., 2.…, their paragraphs (1), (2)…; meeting captions 【…との会談】 carry their
 * photographs when the delegation filed some. Headings and texts are the readout's own words,
 * in its language; only the page's chrome follows the reader's.
 */
import { readoutItemLabels, sectionHeading } from '../../features/publishing/readout.compose.js';
import type { ReadoutView } from '../../features/publishing/readouts.service.js';
import { type Lang, localizedText as text } from '../../platform/i18n/i18n.js';
import { Layout } from './Layout.js';
import { publicPaths } from './paths.js';

const LABELS = {
  en: {
    published: 'Published',
    other: '日本語版',
    downloads: 'Download',
    conference: 'The conference',
  },
  ja: {
    published: '公表',
    other: 'English version',
    downloads: 'ダウンロード',
    conference: '会議のページ',
  },
} as const;

export const readoutPaths = {
  page: (slug: string, code: string, lang: string) =>
    `${publicPaths.edition(slug)}/delegations/${encodeURIComponent(code)}/readout?lang=${lang}`,
  photo: (slug: string, code: string, lang: string, fileId: string) =>
    `${publicPaths.edition(slug)}/delegations/${encodeURIComponent(code)}/readout/photos/${encodeURIComponent(fileId)}?lang=${lang}`,
  api: (slug: string, code: string, lang: string, format: string) =>
    `/api/editions/${encodeURIComponent(slug)}/delegations/${encodeURIComponent(code)}/readouts/${lang}/public?format=${format}`,
  document: (slug: string, code: string) =>
    `${publicPaths.edition(slug)}/documents/${encodeURIComponent(code)}`,
};

export interface ReadoutPageProps {
  /** The readout's language: the page is in it. */
  lang: Lang;
  readout: ReadoutView;
  /** The edition's published documents (the chair's statement, its annexes), linked from section 3. */
  documents?: { code: string; title: Record<string, string> }[];
}

export function ReadoutPage({ lang, readout, documents = [] }: ReadoutPageProps) {
  const { content } = readout;
  const labels = LABELS[lang];
  const slug = readout.edition.slug;
  const code = readout.delegation.code;
  const other = lang === 'ja' ? 'en' : 'ja';
  return (
    <Layout lang={lang} title={content.title}>
      <article className="readout" lang={content.lang}>
        <h1 className="heading-xl">{content.title}</h1>
        <p className="caption">
          <time dateTime={content.issuedOn}>{content.dateline}</time>
        </p>
        {content.sections.map((section, index) => (
          <section key={section.id} id={section.id} aria-labelledby={`${section.id}-heading`}>
            <h2 className="heading-l" id={`${section.id}-heading`}>
              {sectionHeading(content, index)}
            </h2>
            {readoutItemLabels(section).map(({ item, label }, i) =>
              item.kind === 'caption' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: items of one fixed text
                <figure key={i}>
                  {(item.photoFileIds ?? []).map((fileId) => (
                    <img
                      key={fileId}
                      src={readoutPaths.photo(slug, code, content.lang, fileId)}
                      alt={item.text}
                      width={360}
                    />
                  ))}
                  <figcaption className="muted">{item.text}</figcaption>
                </figure>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: items of one fixed text
                <div key={i}>
                  <p>
                    {label ? `${label}${content.lang === 'ja' ? '' : ' '}` : ''}
                    {item.text}
                  </p>
                  {item.points && item.points.length > 0 ? (
                    <ul>
                      {item.points.map((point) => (
                        <li key={point}>{point}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ),
            )}
            {section.id === 'chair_statement' && documents.length > 0 ? (
              <ul className="plain-list small">
                {documents.map((document) => (
                  <li key={document.code}>
                    <a href={readoutPaths.document(slug, document.code)}>
                      {text(content.lang, document.title)}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
      </article>
      <aside className="panel" aria-label={labels.downloads}>
        <p>
          {labels.downloads}:{' '}
          {(['pdf', 'md', 'html'] as const).map((format, i) => (
            <span key={format}>
              {i > 0 ? ' · ' : ''}
              <a href={readoutPaths.api(slug, code, content.lang, format)}>
                {format.toUpperCase()}
              </a>
            </span>
          ))}
        </p>
        <p>
          <a href={readoutPaths.page(slug, code, other)} hrefLang={other} lang={other}>
            {labels.other}
          </a>
          {' · '}
          <a href={publicPaths.edition(slug)}>{labels.conference}</a>
        </p>
      </aside>
    </Layout>
  );
}
