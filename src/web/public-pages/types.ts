/**
 * Props of the server-rendered public pages: the shapes of the public API (scratch/API.md).
 * Texts are accepted either as the reader's string or as a Localized record, so the routes can
 * pass presenter output unchanged.
 */
import type { Lang } from '../../platform/i18n/i18n.js';

export type Text = string | Record<string, string | undefined>;

export interface PublicCategory {
  code: string;
  name?: Text;
  colour: string;
  deadline?: string | null;
  reopenedUntil?: string | null;
  open?: boolean;
}

/** GET /api/editions/:slug */
export interface PublicEdition {
  slug: string;
  name: Text;
  series?: { slug: string; name: Text } | null;
  hostIso3?: string | null;
  hostName?: Text | null;
  host?: Text | null;
  chair?: Text | null;
  city?: Text | null;
  venue?: Text | null;
  timeZone: string;
  startDate: string;
  endDate: string;
  theme?: Text | null;
  status?: string;
  categories?: PublicCategory[];
}

/** An edition in a series timeline (EditionSummary, plus the chair when the route has it). */
export interface EditionSummary {
  slug: string;
  name: Text;
  city?: Text | null;
  hostName?: Text | null;
  chair?: Text | null;
  startDate: string;
  endDate: string;
  status?: string;
  /** Reported scale: countries and participants (recorded, or counted by Plenary). */
  countries?: number | null;
  participants?: number | null;
  timeZone?: string;
}

/** GET /api/editions/:slug/organisations */
export interface OrganisationsByKind {
  kinds: { kind: string; count: number; organisations: { code: string; name: Text }[] }[];
  countries?: number;
  organisations?: number;
  participants?: number;
}

export interface PublicSeries {
  slug: string;
  name: Text;
  description?: Text | null;
  editions: EditionSummary[];
}

export interface EditionPageProps {
  lang: Lang;
  edition: PublicEdition;
  /** The editions of the series, oldest first. */
  timeline: EditionSummary[];
  organisations: OrganisationsByKind;
  /** Where focal points and the secretariat sign in; defaults to /sign-in. */
  signInHref?: string;
}

export interface SeriesPageProps {
  lang: Lang;
  series: PublicSeries;
}

export interface HomePageProps {
  lang: Lang;
  series: PublicSeries[];
}
