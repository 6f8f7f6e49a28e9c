/**
 * A published document (the chair's statement, an outcome document), server-rendered from its
 * current version (features/documents/content.ts): preambular paragraphs unnumbered, operative
 * paragraphs numbered, text not agreed in [brackets], alternatives as options; its annexes, or
 * the document it is annexed to, linked.
 */
import type { Segment } from '../../features/documents/content.js';
import type { PublishedDocumentView } from '../../features/publishing/readouts.service.js';
import { type Lang, localizedText as text } from '../../platform/i18n/i18n.js';
import { Layout } from './Layout.js';
import { publicPaths } from './paths.js';

const LABELS = {
  en: {
    annexes: 'Annexes',
    annexTo: 'Annex to',
    readAt: 'Read out at',
    conference: 'The conference',
    chair_statement: "Chair's statement",
    outcome: 'Outcome document',
  },
  ja: {
    annexes: '別添',
    annexTo: '次の文書の別添',
    readAt: '読み上げ',
    conference: '会議のページ',
    chair_statement: '議長声明',
    outcome: '成果文書',
  },
} as const;

const documentPath = (slug: string, code: string) =>
  `${publicPaths.edition(slug)}/documents/${encodeURIComponent(code)}`;

function Segments({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) => {
        if (segment.type === 'text')
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one fixed text
          return <span key={i}>{segment.text}</span>;
        if (segment.type === 'bracket')
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments of one fixed text
            <span key={i}>
              [<Segments segments={segment.segments} />]
            </span>
          );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one fixed text
          <span key={i}>
            {segment.options.map((option, j) => (
              <span key={option.label}>
                {j > 0 ? ' / ' : ''}
                {option.label}: <Segments segments={option.segments} />
              </span>
            ))}
          </span>
        );
      })}
    </>
  );
}

export interface DocumentPageProps {
  lang: Lang;
  document: PublishedDocumentView;
}

export function DocumentPage({ lang, document }: DocumentPageProps) {
  const labels = LABELS[lang];
  const slug = document.edition.slug;
  const title = text(lang, document.title);
  const { content } = document;
  // The reader's language when the paragraph has it, else the negotiating language.
  const segmentsOf = (segments: Record<string, Segment[]>) =>
    segments[lang] ?? segments[content.language] ?? Object.values(segments)[0] ?? [];
  let operative = 0;
  return (
    <Layout lang={lang} title={title}>
      <p className="caption">
        <a href={publicPaths.edition(slug)}>{text(lang, document.edition.name)}</a> ·{' '}
        {labels[document.kind]}
      </p>
      <h1 className="heading-xl">{title}</h1>
      {document.annexTo ? (
        <p className="lead">
          {labels.annexTo}:{' '}
          <a href={documentPath(slug, document.annexTo.code)}>
            {text(lang, document.annexTo.title)}
          </a>
        </p>
      ) : null}
      {text(lang, document.versionLabel) ? (
        <p className="tag tag--draft">{text(lang, document.versionLabel)}</p>
      ) : null}
      {document.session ? (
        <p className="muted">
          {labels.readAt}: {text(lang, document.session.title)}
        </p>
      ) : null}
      {content.preamble ? <p className="lead">{text(lang, content.preamble)}</p> : null}
      {content.sections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`}>
          <h2 className="heading-l" id={`section-${section.id}`}>
            {text(lang, section.heading)}
          </h2>
          {section.paragraphs.map((paragraph) => {
            if (paragraph.kind === 'operative') {
              operative += 1;
              return (
                <p key={paragraph.id} id={paragraph.id}>
                  <span className="nowrap">{operative}. </span>
                  <Segments segments={segmentsOf(paragraph.segments)} />
                </p>
              );
            }
            return (
              <p key={paragraph.id} id={paragraph.id}>
                <Segments segments={segmentsOf(paragraph.segments)} />
              </p>
            );
          })}
        </section>
      ))}
      {document.annexes.length > 0 ? (
        <section className="panel" aria-labelledby="annexes">
          <h2 className="heading-m" id="annexes">
            {labels.annexes}
          </h2>
          <ul className="plain-list">
            {document.annexes.map((annex) => (
              <li key={annex.code}>
                <a href={documentPath(slug, annex.code)}>{text(lang, annex.title)}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
