/**
 * One search over an edition's statements, documents and readouts, in every language, showing
 * each reader only what they may see:
 *
 * - statements: the published ones (through the statements service's own search: search_text
 *   and the trigram index);
 * - documents: the public reads the current text of adopted or published documents; the
 *   secretariat and the focal points of a delegation in the edition also every version of every
 *   document (drafts, texts under negotiation) and the amendments' texts;
 * - readouts: published ones; a delegation's drafts for its own focal points only (a readout is
 *   the delegation's report, not the secretariat's).
 *
 * Documents' and readouts' texts are jsonb; their searchable text is built here, on the fly,
 * with the statements' normaliser (search-text.ts), and kept per immutable version in a small
 * in-process cache. That is fine at the scale of one edition (tens of documents, hundreds of
 * versions); an edition with thousands would want a search_text column like statements have.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import {
  amendments,
  delegations,
  documents,
  documentVersions,
  editions,
  type Localized,
  organisations,
  readouts,
} from '../../db/schema.js';
import { PlenaryError } from '../../platform/errors.js';
import { pick } from '../../platform/localized.js';
import { type Actor, isFocalPointOf, isSecretariat } from '../accounts/actor.js';
import { organisationName } from '../conferences/organisation-name.js';
import type { DocumentContent, Segment } from '../documents/content.js';
import {
  buildSearchText,
  type SearchTerm,
  type Snippet,
  searchPattern,
  statementSnippet,
} from '../statements/search-text.js';
import { MAX_SEARCH_LIMIT, type StatementsService } from '../statements/statements.service.js';
import { PUBLIC_DOCUMENT_STATUSES, seriesPaths } from './series.service.js';

export const SEARCH_KINDS = ['statement', 'document', 'readout'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** What the hit is, in the reader's language: speaker or delegation, document title, readout's delegation. */
  title: string;
  href: string;
  /** The delegation that made the statement, proposed the amendment or wrote the readout. */
  delegation: { code: string; name: string } | null;
  /** Statements: the session's title. */
  session: string | null;
  /** Documents: which version (or the amendment proposed to it) matched, and its status. */
  document: {
    code: string;
    version: number;
    current: boolean;
    status: string;
    amendment: { paragraphId: string; status: string } | null;
  } | null;
  /** Readouts: their language and status. */
  readout: { lang: string; status: string } | null;
  snippet: Snippet;
  score: number;
}

export interface UnifiedSearchResult {
  edition: { slug: string; name: Localized; timeZone: string };
  query: string;
  words: string[];
  kinds: SearchKind[];
  items: SearchHit[];
  /** How many hits of each kind were found (statements: of the first ranked ones). */
  counts: Record<SearchKind, number>;
  more: boolean;
}

interface Searchable {
  texts: Record<string, string>;
  originalLanguage: string;
  searchText: string;
}

/** Keys of jsonb content that hold identifiers or machine values, not words a reader wrote. */
const NOT_TEXT =
  /^(id|type|kind|code|by|slug|lang|language|status|href|url|iso3|at|date|time|version|numbered|issuedOn|[a-zA-Z]+Ids?|[a-zA-Z]+At)$/;

/** Every string a reader could have written, anywhere in a jsonb value, in document order. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.trim()) out.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) stringsOf(item, out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!NOT_TEXT.test(key)) stringsOf(item, out);
  }
  return out;
}

function segmentsText(segments: Segment[]): string {
  return segments
    .map((s) => {
      if (s.type === 'text') return s.text;
      if (s.type === 'bracket') return `[${segmentsText(s.segments)}]`;
      return s.options.map((o) => `${o.label}: ${segmentsText(o.segments)}`).join(' / ');
    })
    .join('');
}

/** The text of a document version in each of its languages: preamble, headings, paragraphs. */
export function documentTexts(content: DocumentContent): Record<string, string> {
  const parts = new Map<string, string[]>();
  const add = (lang: string, text: string | undefined) => {
    if (!text?.trim()) return;
    const list = parts.get(lang);
    if (list) list.push(text);
    else parts.set(lang, [text]);
  };
  for (const [lang, text] of Object.entries(content.preamble ?? {})) add(lang, text);
  for (const section of content.sections ?? []) {
    for (const [lang, text] of Object.entries(section.heading ?? {})) add(lang, text);
    for (const paragraph of section.paragraphs ?? []) {
      for (const [lang, segments] of Object.entries(paragraph.segments ?? {}))
        add(lang, segmentsText(segments));
    }
  }
  return Object.fromEntries([...parts].map(([lang, list]) => [lang, list.join('\n\n')]));
}

/** Occurrences of the words in a search_text: the statements' ranking, computed here. */
function occurrences(searchText: string, words: string[]): number {
  let n = 0;
  for (const word of words) {
    for (
      let at = searchText.indexOf(word);
      at >= 0;
      at = searchText.indexOf(word, at + word.length)
    )
      n++;
  }
  return n;
}

/** The statements' matching rule: every word a substring, every phrase in the text without spaces. */
function matches(searchText: string, terms: SearchTerm[]): boolean {
  const unspaced = searchText.replaceAll(' ', '');
  return terms.every(
    (t) =>
      t.words.every((w) => searchText.includes(w)) && (!t.phrase || unspaced.includes(t.phrase)),
  );
}

const CACHE_LIMIT = 5000;

export function parseKinds(value: string | undefined): SearchKind[] {
  if (!value) return [...SEARCH_KINDS];
  const asked = new Set(value.split(',').map((k) => k.trim()));
  return SEARCH_KINDS.filter((k) => asked.has(k));
}

export function createSearchService({ db, statements }: { db: Db; statements: StatementsService }) {
  /** Versions never change once written; readouts are keyed by their version counter. */
  const cache = new Map<string, Searchable>();
  function searchable(key: string, build: () => Searchable): Searchable {
    let found = cache.get(key);
    if (!found) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      found = build();
      cache.set(key, found);
    }
    return found;
  }
  /** The title is searched too, but snippets are cut from the body only. */
  const made = (
    texts: Record<string, string>,
    originalLanguage: string,
    title: Localized = {},
  ): Searchable => ({
    texts,
    originalLanguage,
    searchText: [buildSearchText(texts), buildSearchText(title)].filter(Boolean).join('\n'),
  });

  async function edition(slug: string) {
    const [row] = await db.select().from(editions).where(eq(editions.slug, slug));
    if (!row) throw new PlenaryError('edition_not_found', `There is no edition "${slug}".`);
    return row;
  }

  /** The secretariat, and focal points of a delegation taking part in this edition. */
  async function seesDrafts(actor: Actor, editionId: string): Promise<boolean> {
    if (isSecretariat(actor)) return true;
    if (actor.kind !== 'user' || actor.role !== 'focal_point') return false;
    const [row] = await db
      .select({ id: delegations.id })
      .from(delegations)
      .where(and(eq(delegations.id, actor.delegationId), eq(delegations.editionId, editionId)));
    return row !== undefined;
  }

  async function delegationNames(ids: string[], lang: string) {
    if (ids.length === 0) return new Map<string, { code: string; name: string }>();
    const rows = await db
      .select({
        id: delegations.id,
        code: organisations.code,
        kind: organisations.kind,
        iso3: organisations.iso3,
        name: organisations.name,
      })
      .from(delegations)
      .innerJoin(organisations, eq(organisations.id, delegations.organisationId))
      .where(inArray(delegations.id, ids));
    return new Map(rows.map((r) => [r.id, { code: r.code, name: organisationName(r, lang) }]));
  }

  async function documentHits(
    e: typeof editions.$inferSelect,
    drafts: boolean,
    terms: SearchTerm[],
    words: string[],
    lang: string,
  ): Promise<SearchHit[]> {
    const versionRows = await db
      .select({
        versionId: documentVersions.id,
        number: documentVersions.number,
        content: documentVersions.content,
        documentId: documents.id,
        code: documents.code,
        title: documents.title,
        status: documents.status,
        currentVersion: documents.currentVersion,
      })
      .from(documentVersions)
      .innerJoin(documents, eq(documents.id, documentVersions.documentId))
      .where(
        drafts
          ? eq(documents.editionId, e.id)
          : and(
              eq(documents.editionId, e.id),
              inArray(documents.status, [...PUBLIC_DOCUMENT_STATUSES]),
              eq(documentVersions.number, documents.currentVersion),
            ),
      );
    const hits: SearchHit[] = [];
    for (const v of versionRows) {
      const content = v.content as unknown as DocumentContent;
      const s = searchable(`version:${v.versionId}`, () =>
        made(documentTexts(content), content.language ?? 'en', v.title),
      );
      if (!matches(s.searchText, terms)) continue;
      const current = v.number === v.currentVersion;
      hits.push({
        kind: 'document',
        id: v.versionId,
        title: pick(v.title, lang) || v.code,
        href: `${seriesPaths.document(e.slug, v.code)}${current ? '' : `?version=${v.number}`}`,
        delegation: null,
        session: null,
        document: {
          code: v.code,
          version: v.number,
          current,
          status: current ? v.status : 'superseded',
          amendment: null,
        },
        readout: null,
        snippet: statementSnippet(s.texts, s.originalLanguage, lang, terms),
        score: occurrences(s.searchText, words),
      });
    }
    if (!drafts) return hits;
    const amendmentRows = await db
      .select({
        id: amendments.id,
        versionNumber: amendments.versionNumber,
        paragraphId: amendments.paragraphId,
        change: amendments.change,
        reason: amendments.reason,
        status: amendments.status,
        proposer: amendments.proposerDelegationId,
        code: documents.code,
        title: documents.title,
      })
      .from(amendments)
      .innerJoin(documents, eq(documents.id, amendments.documentId))
      .where(eq(documents.editionId, e.id));
    const found = amendmentRows.flatMap((a) => {
      // Amendments are edited while proposed: built each time (there are few per document).
      const texts = { en: [...stringsOf(a.change), a.reason ?? ''].join('\n\n') };
      const s = made(texts, 'en');
      return matches(s.searchText, terms) ? [{ a, s }] : [];
    });
    const names = await delegationNames([...new Set(found.map((f) => f.a.proposer))], lang);
    for (const { a, s } of found) {
      hits.push({
        kind: 'document',
        id: a.id,
        title: pick(a.title, lang) || a.code,
        href: `${seriesPaths.document(e.slug, a.code)}?version=${a.versionNumber}#${encodeURIComponent(a.paragraphId)}`,
        delegation: names.get(a.proposer) ?? null,
        session: null,
        document: {
          code: a.code,
          version: a.versionNumber,
          current: false,
          status: 'amendment',
          amendment: { paragraphId: a.paragraphId, status: a.status },
        },
        readout: null,
        snippet: statementSnippet(s.texts, s.originalLanguage, lang, terms),
        score: occurrences(s.searchText, words),
      });
    }
    return hits;
  }

  async function readoutHits(
    actor: Actor,
    e: typeof editions.$inferSelect,
    terms: SearchTerm[],
    words: string[],
    lang: string,
  ): Promise<SearchHit[]> {
    const rows = await db.select().from(readouts).where(eq(readouts.editionId, e.id));
    const visible = rows.filter(
      (r) => r.status === 'published' || isFocalPointOf(actor, r.delegationId),
    );
    const found = visible.flatMap((r) => {
      const s = searchable(`readout:${r.id}:${r.version}:${r.updatedAt.getTime()}`, () =>
        made({ [r.lang]: stringsOf(r.content).join('\n\n') }, r.lang),
      );
      return matches(s.searchText, terms) ? [{ r, s }] : [];
    });
    const names = await delegationNames([...new Set(found.map((f) => f.r.delegationId))], lang);
    return found.map(({ r, s }) => {
      const delegation = names.get(r.delegationId) ?? null;
      return {
        kind: 'readout' as const,
        id: r.id,
        title: delegation?.name ?? '',
        href: `/editions/${encodeURIComponent(e.slug)}/delegations/${encodeURIComponent(delegation?.code ?? '')}/readouts/${encodeURIComponent(r.lang)}`,
        delegation,
        session: null,
        document: null,
        readout: { lang: r.lang, status: r.status },
        snippet: statementSnippet(s.texts, s.originalLanguage, lang, terms),
        score: occurrences(s.searchText, words),
      };
    });
  }

  return {
    /**
     * Hits of every kind asked for, best first (most occurrences of the query's words), at most
     * `limit`. Each kind is searched under the reader's access before any text is read.
     */
    async search(
      actor: Actor,
      slug: string,
      query: string,
      options: { lang: string; kinds?: SearchKind[]; limit?: number },
    ): Promise<UnifiedSearchResult> {
      const e = await edition(slug);
      const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : [...SEARCH_KINDS];
      const limit = Math.min(options.limit ?? 20, MAX_SEARCH_LIMIT);
      const terms = searchPattern(query, options.lang);
      const words = [...new Set(terms.flatMap((t) => t.words))];
      const counts: Record<SearchKind, number> = { statement: 0, document: 0, readout: 0 };
      const base = {
        edition: { slug: e.slug, name: e.name, timeZone: e.timeZone },
        query,
        words,
        kinds,
      };
      if (terms.length === 0) return { ...base, items: [], counts, more: false };
      const lang = options.lang;
      const [statementResult, documentResult, readoutResult] = await Promise.all([
        kinds.includes('statement')
          ? statements.search(slug, query, { lang, limit })
          : Promise.resolve(null),
        kinds.includes('document')
          ? seesDrafts(actor, e.id).then((drafts) => documentHits(e, drafts, terms, words, lang))
          : Promise.resolve([]),
        kinds.includes('readout') ? readoutHits(actor, e, terms, words, lang) : Promise.resolve([]),
      ]);
      const statementHits: SearchHit[] = (statementResult?.items ?? []).map((r) => ({
        kind: 'statement',
        id: r.statement.id,
        title: r.statement.speaker
          ? pick(r.statement.speaker.name, lang)
          : pick(r.statement.delegation.name, lang),
        href: seriesPaths.statement(e.slug, r.statement.delegation.code, r.statement.id),
        delegation: {
          code: r.statement.delegation.code,
          name: pick(r.statement.delegation.name, lang),
        },
        session: r.statement.session ? pick(r.statement.session.title, lang) : null,
        document: null,
        readout: null,
        snippet: r.snippet,
        score: r.score,
      }));
      counts.statement = statementHits.length;
      counts.document = documentResult.length;
      counts.readout = readoutResult.length;
      const order = (k: SearchKind) => SEARCH_KINDS.indexOf(k);
      const all = [...statementHits, ...documentResult, ...readoutResult].sort(
        (a, b) =>
          b.score - a.score || order(a.kind) - order(b.kind) || a.title.localeCompare(b.title),
      );
      return {
        ...base,
        items: all.slice(0, limit),
        counts,
        more: all.length > limit || (statementResult?.more ?? false),
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
