/**
 * An adopted outcome document as Akoma Ntoso 3.0 (OASIS LegalDocML), shaped as the UN profile
 * AKN4UN does for declarations and statements: a `statement` with FRBR identification, the
 * preambular paragraphs in `<preamble>`, the operative paragraphs as numbered `<paragraph>`s in
 * `<mainBody>`. Text still in brackets (which an adopted text should not have) is printed with
 * its square brackets rather than dropped.
 */
import type { Segment } from '../content.js';
import { type ExportDocument, labelsFor, localized } from './layout.js';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

export interface AknInput extends ExportDocument {
  /** The document's code in the URI, e.g. "seoul-framework". */
  name: string;
  /** Adoption date, YYYY-MM-DD (in the venue's time zone). */
  adoptedOn: string;
  /** The conference as author, e.g. { id: 'seoul-2013', name: 'Seoul Conference on Cyberspace 2013' } */
  author: { id: string; name: string };
  /** FRBRcountry: 'un' for UN-style multilateral texts (AKN4UN), else an ISO 3166 code. */
  country?: string;
  /** Manifestation date (when this file is generated), YYYY-MM-DD; defaults to `adoptedOn`. */
  generatedOn?: string;
}

/** ISO 639-2/T codes, as FRBRlanguage and the expression URI want them. */
const ISO_639_2: Record<string, string> = {
  en: 'eng',
  ja: 'jpn',
  fr: 'fra',
  es: 'spa',
  ru: 'rus',
  ar: 'ara',
  zh: 'zho',
  ko: 'kor',
  de: 'deu',
};

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '');
}

/** NCName-safe token for eIds and URI parts. */
function token(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z_]/.test(cleaned) ? cleaned : `x-${cleaned}`;
}

function plain(segments: Segment[], language: string): string {
  const labels = labelsFor(language);
  return segments
    .map((segment) => {
      if (segment.type === 'text') return segment.text;
      if (segment.type === 'bracket') return `[${plain(segment.segments, language)}]`;
      return `[${segment.options
        .map((option, index) => `${labels.option(index + 1)} ${plain(option.segments, language)}`)
        .join(' / ')}]`;
    })
    .join('');
}

export function renderAkomaNtoso(input: AknInput, language: string): string {
  const fallback = input.content.language;
  const lang3 = ISO_639_2[language] ?? language;
  const country = input.country ?? 'un';
  const name = token(input.name);
  const work = `/akn/${country}/statement/${name}/${input.adoptedOn}`;
  const expression = `${work}/${lang3}@`;
  const generatedOn = input.generatedOn ?? input.adoptedOn;
  const author = `#${token(input.author.id)}`;
  const core = (uri: string, thisUri: string, date: string, dateName: string) =>
    [
      `<FRBRthis value="${escapeXml(thisUri)}"/>`,
      `<FRBRuri value="${escapeXml(uri)}"/>`,
      `<FRBRdate date="${escapeXml(date)}" name="${dateName}"/>`,
      `<FRBRauthor href="${escapeXml(author)}"/>`,
    ].join('\n          ');
  const segmentsOf = (segments: Record<string, Segment[]>) =>
    segments[language] ?? segments[fallback] ?? Object.values(segments)[0] ?? [];

  const preamble: string[] = [];
  const opening = localized(input.content.preamble, language, fallback);
  if (opening) preamble.push(`<p>${escapeXml(opening)}</p>`);
  const body: string[] = [];
  let operative = 0;
  let other = 0;
  input.content.sections.forEach((section, sectionIndex) => {
    const heading = localized(section.heading, language, fallback);
    const paragraphs: string[] = [];
    for (const paragraph of section.paragraphs) {
      const text = escapeXml(plain(segmentsOf(paragraph.segments), language));
      if (paragraph.kind === 'preambular') {
        preamble.push(`<p eId="preamble__p_${preamble.length + 1}">${text}</p>`);
      } else if (paragraph.kind === 'operative') {
        operative += 1;
        paragraphs.push(
          `<paragraph eId="para_${operative}"><num>${operative}.</num><content><p>${text}</p></content></paragraph>`,
        );
      } else {
        other += 1;
        paragraphs.push(
          `<hcontainer name="paragraph" eId="hcontainer_${other}"><content><p>${text}</p></content></hcontainer>`,
        );
      }
    }
    if (paragraphs.length === 0) return;
    // Several headed parts become sections; a single unheaded part is the body itself.
    if (heading && input.content.sections.length > 1)
      body.push(
        `<section eId="sec_${sectionIndex + 1}"><heading>${escapeXml(heading)}</heading>\n      ${paragraphs.join('\n      ')}\n    </section>`,
      );
    else body.push(...paragraphs);
  });
  if (body.length === 0)
    body.push(
      '<hcontainer name="empty" eId="hcontainer_empty"><content><p/></content></hcontainer>',
    );

  const authorId = author.slice(1);
  const authorReference =
    authorId === 'plenary'
      ? ''
      : `        <TLCOrganization eId="${escapeXml(authorId)}" href="/ontology/organization/${escapeXml(authorId)}" showAs="${escapeXml(input.author.name)}"/>`;
  const preambleXml =
    preamble.length > 0
      ? `\n    <preamble>\n      ${preamble.join('\n      ')}\n    </preamble>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="${AKN_NAMESPACE}">
  <statement name="${escapeXml(name)}">
    <meta>
      <identification source="#plenary">
        <FRBRWork>
          ${core(work, `${work}/!main`, input.adoptedOn, 'adoption')}
          <FRBRcountry value="${escapeXml(country)}"/>
          <FRBRname value="${escapeXml(input.title)}"/>
        </FRBRWork>
        <FRBRExpression>
          ${core(expression, `${expression}/!main`, input.adoptedOn, 'adoption')}
          <FRBRversionNumber value="${input.version}"/>
          <FRBRlanguage language="${escapeXml(lang3)}"/>
        </FRBRExpression>
        <FRBRManifestation>
          ${core(`${expression}.akn`, `${expression}/!main.xml`, generatedOn, 'generation')}
        </FRBRManifestation>
      </identification>
      <references source="#plenary">
        <TLCOrganization eId="plenary" href="/ontology/organization/plenary" showAs="Plenary"/>
${authorReference}
      </references>
    </meta>${preambleXml}
    <mainBody>
      ${body.join('\n      ')}
    </mainBody>
  </statement>
</akomaNtoso>
`;
}
