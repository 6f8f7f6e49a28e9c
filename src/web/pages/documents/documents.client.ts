/**
 * The SPA's side of outcome documents (contract: scratch/DOCUMENTS-API.md): documents, versions,
 * amendments, decisions and new versions, comparisons, adoption and the silence procedure.
 * Unsafe calls carry the session's CSRF token, read once from GET /api/auth/session.
 */
import type { DocumentContent } from '../../../features/documents/content.js';
import { type Query, request, withQuery } from '../../api.js';
import type { Localized } from '../../types.js';

export type DocumentStatus = 'draft' | 'under_negotiation' | 'adopted' | 'published';
export type AmendmentKind = 'replace' | 'insert' | 'delete' | 'new_paragraph';
export type AmendmentStatus =
  | 'proposed'
  | 'accepted'
  | 'rejected'
  | 'merged'
  | 'bracketed'
  | 'withdrawn';
export type Decision = 'accept' | 'reject' | 'bracket' | 'options';

export interface DocumentSummary {
  code: string;
  kind: string;
  title: Localized;
  status: DocumentStatus | string;
  currentVersion: number;
  adoptedAt: string | null;
  adoptionMethod: 'consensus' | 'silence' | null;
  silenceDeadline: string | null;
  silenceBrokenAt: string | null;
  publishedAt: string | null;
  sessionCode: string | null;
  version: number;
}

export interface VersionParagraph {
  id: string;
  kind: 'preambular' | 'operative' | 'plain';
  sectionId: string;
  number: string;
  text: string;
}

export interface VersionView {
  number: number;
  label: Localized;
  createdAt: string;
  content: DocumentContent;
  paragraphs: VersionParagraph[];
  text: string;
}

export interface DocumentView extends DocumentSummary {
  current: VersionView | null;
  versions: { number: number; label: Localized; createdAt: string }[];
  objections?: { delegation: string; reason: string | null; at: string }[];
}

export interface AmendmentView {
  id: string;
  documentCode: string;
  versionNumber: number;
  paragraphId: string;
  kind: AmendmentKind;
  change: {
    text?: string;
    start?: number;
    end?: number;
    at?: number;
    original?: string;
    paragraphKind?: string;
  };
  reason: string | null;
  proposer: string;
  cosponsors: string[];
  status: AmendmentStatus | string;
  decidedAt: string | null;
  appliedInVersion: number | null;
  createdAt: string;
}

export interface ComparisonParagraph {
  id: string;
  kind: string;
  status: 'equal' | 'changed' | 'added' | 'removed' | 'moved' | string;
  fromNumber: string | null;
  toNumber: string | null;
  ops: { op: 'equal' | 'insert' | 'delete'; text: string }[];
}

export interface Comparison {
  from: number;
  to: number;
  lang: string;
  paragraphs: ComparisonParagraph[];
}

export interface AmendmentInput {
  paragraphId: string;
  kind: AmendmentKind;
  change: Record<string, unknown>;
  reason?: string;
  cosponsors?: string[];
}

export interface VersionInput {
  label: Localized;
  decisions: { amendmentId: string; decision: Decision }[];
  merges?: { amendmentIds: string[]; paragraphId: string; text?: string; bracket?: boolean }[];
}

function call<T>(method: string, path: string, query: Query = {}, body?: unknown): Promise<T> {
  return request<T>(method, path, {
    query,
    cache: 'no-store',
    ...(method !== 'GET' ? { json: body ?? {} } : {}),
  });
}

const e = encodeURIComponent;
const docs = (slug: string) => `/api/editions/${e(slug)}/documents`;
const doc = (slug: string, code: string) => `${docs(slug)}/${e(code)}`;

export const documents = {
  list: async (slug: string): Promise<DocumentSummary[]> =>
    (await call<{ items: DocumentSummary[] }>('GET', docs(slug))).items,
  get: (slug: string, code: string, lang: string) =>
    call<DocumentView>('GET', doc(slug, code), { lang }),
  version: (slug: string, code: string, n: number, lang: string) =>
    call<VersionView>('GET', `${doc(slug, code)}/versions/${n}`, { lang }),
  compare: (slug: string, code: string, from: number, to: number, lang: string) =>
    call<Comparison>('GET', `${doc(slug, code)}/compare`, { from, to, lang }),
  amendments: async (slug: string, code: string): Promise<AmendmentView[]> =>
    (await call<{ items: AmendmentView[] }>('GET', `${doc(slug, code)}/amendments`)).items,
  propose: (slug: string, code: string, input: AmendmentInput) =>
    call<AmendmentView>('POST', `${doc(slug, code)}/amendments`, {}, input),
  withdraw: (slug: string, code: string, id: string) =>
    call<AmendmentView>('POST', `${doc(slug, code)}/amendments/${e(id)}/withdraw`),
  cosponsor: (slug: string, code: string, id: string) =>
    call<AmendmentView>('POST', `${doc(slug, code)}/amendments/${e(id)}/cosponsors`),
  issueVersion: (slug: string, code: string, input: VersionInput) =>
    call<DocumentView>('POST', `${doc(slug, code)}/versions`, {}, input),
  openNegotiation: (slug: string, code: string) =>
    call<DocumentView>('POST', `${doc(slug, code)}/status`, {}, { status: 'under_negotiation' }),
  adopt: (slug: string, code: string) =>
    call<DocumentView>('POST', `${doc(slug, code)}/adopt`, {}, {}),
  publish: (slug: string, code: string) => call<DocumentView>('POST', `${doc(slug, code)}/publish`),
  startSilence: (slug: string, code: string, hours?: number) =>
    call<DocumentView>('POST', `${doc(slug, code)}/silence`, {}, hours ? { hours } : {}),
  object: (slug: string, code: string, reason: string) =>
    call<DocumentView>(
      'POST',
      `${doc(slug, code)}/silence/objections`,
      {},
      reason ? { reason } : {},
    ),
};

/** Where the exports of a version are served (documents.exports.routes.ts). */
export function exportHref(
  slug: string,
  code: string,
  n: number,
  format: 'html' | 'pdf' | 'docx',
  lang: string,
): string {
  return withQuery(`${doc(slug, code)}/versions/${n}.${format}`, { lang });
}

export function aknHref(slug: string, code: string, lang: string): string {
  return withQuery(`/editions/${e(slug)}/documents/${e(code)}.akn.xml`, { lang });
}
