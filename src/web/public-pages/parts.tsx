import {
  formatDateRange,
  formatEraDateRange,
  type Lang,
  localizedText,
  t,
} from '../../platform/i18n/i18n.js';
import type { EditionSummary } from './types.js';

/** A badge-colour swatch: an SVG fill attribute, which the CSP allows (a style attribute it does not). */
export function Swatch({ colour, label }: { colour: string; label?: string }) {
  return (
    <svg
      className="swatch"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      <rect x="0.5" y="0.5" width="15" height="15" rx="2" fill={colour} stroke="#0b0c0c" />
    </svg>
  );
}

/** Gregorian dates, and in Japanese the era dates beside them (as government texts print them). */
export function Dates({
  lang,
  startDate,
  endDate,
  timeZone,
}: {
  lang: Lang;
  startDate: string;
  endDate: string;
  timeZone: string;
}) {
  const gregorian = formatDateRange(lang, startDate, endDate, timeZone);
  return (
    <>
      <time dateTime={startDate}>{gregorian}</time>
      {lang === 'ja' ? (
        <span className="era-date">
          {'（'}
          <span className="visually-hidden">{t(lang, 'public.eraDate')} </span>
          {formatEraDateRange(startDate, endDate, timeZone)}
          {'）'}
        </span>
      ) : null}
    </>
  );
}

export function scale(lang: Lang, edition: EditionSummary): string {
  const { countries, participants } = edition;
  if (countries && participants) return t(lang, 'public.scaleValue', { countries, participants });
  if (countries) return t(lang, 'public.scaleCountries', { countries });
  if (participants) return t(lang, 'public.scaleParticipants', { participants });
  return t(lang, 'public.scaleUnknown');
}

export const text = localizedText;
