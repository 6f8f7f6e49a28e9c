/**
 * Country names come from Intl.DisplayNames in the reader's language, never from a hand-made
 * list. Intl takes ISO 3166 alpha-2 region codes; people type alpha-3 codes (JPN), so the code
 * table of i18n-iso-countries converts between them (its names are not used).
 */
import countries from 'i18n-iso-countries';

const displayNames = new Map<string, Intl.DisplayNames>();

function regionNames(lang: string): Intl.DisplayNames {
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang, 'en'], { type: 'region', fallback: 'code' });
    displayNames.set(lang, names);
  }
  return names;
}

export function isIso3(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && countries.alpha3ToAlpha2(code) !== undefined;
}

export function iso3ToIso2(iso3: string): string | undefined {
  return countries.alpha3ToAlpha2(iso3) ?? undefined;
}

/** The name of a state in the reader's language: countryName('KOR', 'ja') → '韓国'. */
export function countryName(iso3: string, lang: string): string {
  const iso2 = iso3ToIso2(iso3);
  if (!iso2) return iso3;
  return regionNames(lang).of(iso2) ?? iso3;
}

/** Every ISO 3166 alpha-3 code known to the code table, sorted. */
export function allIso3(): string[] {
  return Object.keys(countries.getAlpha3Codes()).sort();
}
