/**
 * A version's text as the negotiators read it: preambular paragraphs unnumbered, operative
 * paragraphs numbered, [bracketed] text marked with who asked for the brackets (on hover and in
 * the aside), options as Option 1 / Option 2; and a comparison of two versions word by word.
 */
import type { ReactNode } from 'react';
import type { Paragraph, Segment } from '../../../features/documents/content.js';
import { localizedText, type MessageKey } from '../../../platform/i18n/i18n.js';
import { useI18n } from '../../i18n.js';
import type { Comparison, VersionView } from './documents.client.js';

function segmentsOf(paragraph: Paragraph, lang: string, fallback: string): Segment[] {
  return (
    paragraph.segments[lang] ??
    paragraph.segments[fallback] ??
    Object.values(paragraph.segments)[0] ??
    []
  );
}

function Segments({ segments }: { segments: Segment[] }) {
  const { t } = useI18n();
  return (
    <>
      {segments.map((segment, index) => {
        const key = `${segment.type}-${index}`;
        if (segment.type === 'text') return <span key={key}>{segment.text}</span>;
        if (segment.type === 'bracket') {
          const by = segment.by.join(', ');
          return (
            <span
              key={key}
              className="doc-bracket"
              title={by ? t('documents.bracketedBy', { by }) : undefined}
            >
              [<Segments segments={segment.segments} />]
              {by ? <sup className="doc-bracket__by">{by}</sup> : null}
            </span>
          );
        }
        return (
          <span key={key} className="doc-options">
            {segment.options.map((option, n) => (
              <span key={option.label} className="doc-option">
                {n > 0 ? ' / ' : null}
                <strong>{t('documents.option', { n: n + 1 })}</strong>{' '}
                <Segments segments={option.segments} />
                {option.by && option.by.length > 0 ? (
                  <sup className="doc-bracket__by">{option.by.join(', ')}</sup>
                ) : null}
              </span>
            ))}
          </span>
        );
      })}
    </>
  );
}

/** Who bracketed what in a paragraph, for the aside. */
function bracketers(segments: Segment[]): string[] {
  const out = new Set<string>();
  const walk = (list: Segment[]) => {
    for (const segment of list) {
      if (segment.type === 'bracket') {
        for (const code of segment.by) out.add(code);
        walk(segment.segments);
      } else if (segment.type === 'options')
        for (const option of segment.options) walk(option.segments);
    }
  };
  walk(segments);
  return [...out];
}

export function DocumentText({
  version,
  actions,
}: {
  version: VersionView;
  /** Controls shown beside each paragraph (propose an amendment). */
  actions?: (paragraphId: string) => ReactNode;
}) {
  const { lang: readerLang, t } = useI18n();
  const content = version.content;
  // Amendments apply to the negotiating language; a translation may lag behind it, so the
  // negotiated text is shown in that language (with the headings in the reader's).
  const lang = content.language;
  const numbers = new Map(version.paragraphs.map((p) => [p.id, p.number]));
  let operative = 0;
  const preamble = content.preamble
    ? (content.preamble[lang] ?? localizedText(readerLang, content.preamble))
    : '';
  return (
    <div className="doc-text" lang={lang}>
      {readerLang !== lang ? (
        <p className="doc-text__language secondary">{t('documents.negotiatedIn')}</p>
      ) : null}
      {preamble ? <p className="doc-preamble">{preamble}</p> : null}
      {content.sections.map((section) => (
        <section key={section.id} className="doc-section">
          {localizedText(readerLang, section.heading) ? (
            <h3 className="doc-section__heading" lang={readerLang}>
              {localizedText(readerLang, section.heading)}
            </h3>
          ) : null}
          {section.paragraphs.map((paragraph) => {
            const segments = segmentsOf(paragraph, lang, content.language);
            if (paragraph.kind === 'operative') operative += 1;
            const number =
              paragraph.kind === 'operative'
                ? numbers.get(paragraph.id) || String(operative)
                : numbers.get(paragraph.id) || '';
            const who = bracketers(segments);
            return (
              <div
                key={paragraph.id}
                className={`doc-para doc-para--${paragraph.kind}`}
                id={`para-${paragraph.id}`}
              >
                <span className="doc-para__num">
                  {number ? `${number.replace(/\.$/, '')}.` : ''}
                </span>
                <p className="doc-para__text">
                  <Segments segments={segments} />
                </p>
                <aside className="doc-para__aside">
                  {who.length > 0 ? (
                    <span className="doc-para__who">
                      {t('documents.bracketedBy', { by: who.join(', ') })}
                    </span>
                  ) : null}
                  {actions?.(paragraph.id)}
                </aside>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}

const CHANGE_LABELS: Record<string, MessageKey> = {
  changed: 'documents.change.changed',
  added: 'documents.change.added',
  removed: 'documents.change.removed',
  moved: 'documents.change.moved',
};

export function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { t } = useI18n();
  const changed = comparison.paragraphs.filter((p) => p.status !== 'equal').length;
  return (
    <div className="doc-compare">
      <p className="secondary">{t('documents.compareChanged', { n: changed })}</p>
      {comparison.paragraphs.map((paragraph) => (
        <div
          key={paragraph.id}
          className={`doc-para doc-para--compare doc-para--${paragraph.status}`}
        >
          <span className="doc-para__num">
            {paragraph.toNumber ?? paragraph.fromNumber ?? ''}
            {(paragraph.toNumber ?? paragraph.fromNumber) ? '.' : ''}
          </span>
          <p className="doc-para__text">
            {paragraph.ops.map((op, index) => {
              const key = `${op.op}-${index}`;
              if (op.op === 'insert') return <ins key={key}>{op.text}</ins>;
              if (op.op === 'delete') return <del key={key}>{op.text}</del>;
              return <span key={key}>{op.text}</span>;
            })}
          </p>
          <aside className="doc-para__aside">
            {paragraph.status !== 'equal' ? (
              <span className={`doc-change doc-change--${paragraph.status}`}>
                {t(CHANGE_LABELS[paragraph.status] ?? 'documents.change.changed')}
              </span>
            ) : null}
          </aside>
        </div>
      ))}
    </div>
  );
}
