/**
 * The text of a document version as data (stored in document_versions.content). Text not yet
 * agreed is a `bracket` segment that knows who bracketed it; alternatives are an `options`
 * segment — never characters typed into the text. Paragraph ids are stable across versions so
 * that amendments and comparisons can name them.
 */
import type { Localized } from '../../db/schema.js';

export type Segment =
  | { type: 'text'; text: string }
  /** Not yet agreed: [square brackets] when printed, with the delegations that asked for them. */
  | { type: 'bracket'; by: string[]; segments: Segment[]; amendmentId?: string }
  /** Alternatives: Option 1 / Option 2 when printed. */
  | { type: 'options'; options: { label: string; segments: Segment[]; by?: string[] }[] };

export type ParagraphKind = 'preambular' | 'operative' | 'plain';

export interface Paragraph {
  /** Stable across versions, e.g. `op-3` or `p-7f3a`. */
  id: string;
  kind: ParagraphKind;
  /** The paragraph in each language it exists in; the negotiating language first (`en`). */
  segments: Record<string, Segment[]>;
}

export interface Section {
  id: string;
  heading: Localized;
  paragraphs: Paragraph[];
}

export interface DocumentContent {
  /** The language the text is negotiated in; amendments apply to it. */
  language: string;
  /** Opening words, e.g. "We, the participants of the Seoul Conference on Cyberspace…". */
  preamble?: Localized;
  sections: Section[];
  /** How preambular paragraphs are numbered (operative ones always are); unnumbered by default. */
  numbering?: NumberingStyle;
}

/** Numbering as such texts do: preambular paragraphs unnumbered (or lettered), operative numbered. */
export type NumberingStyle = 'unnumbered' | 'lettered';
