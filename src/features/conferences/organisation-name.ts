import type { Localized, OrganisationKind } from '../../db/schema.js';
import { countryName } from '../../platform/countries.js';
import { pick } from '../../platform/localized.js';

/** States are named by Intl.DisplayNames in the reader's language; other bodies by their record. */
export function organisationName(
  org: { kind: OrganisationKind; iso3: string | null; name: Localized; code: string },
  lang: string,
): string {
  if (org.iso3) return countryName(org.iso3, lang);
  return pick(org.name, lang) || org.code;
}
