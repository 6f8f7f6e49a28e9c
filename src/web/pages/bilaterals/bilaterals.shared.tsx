/**
 * Pieces both bilateral pages use: labels of kinds, states and reasons (through the `bilaterals.`
 * messages, the raw code when a reason is new), and times in the venue's zone.
 */
import {
  formatShortDate,
  formatTime,
  isMessageKey,
  type Lang,
  type MessageKey,
  venueDate,
} from '../../../platform/i18n/i18n.js';
import { isApiError } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { reasonsOf, type Window } from './bilaterals.client.js';

/** 'principal_in_session: plenary-2' → the sentence for principal_in_session, then the detail. */
export function useReasonText(): (reason: string) => string {
  const { t } = useI18n();
  return (reason: string) => {
    const [code = '', ...rest] = reason.split(':');
    const detail = rest.join(':').trim();
    const key = `bilaterals.reason.${code.trim()}`;
    const text = isMessageKey(key) ? t(key) : code.replaceAll('_', ' ');
    return detail ? `${text} (${detail})` : text;
  };
}

/** A failed call as a sentence: our reasons first, the shared error messages otherwise. */
export function useBilateralsError(): (error: unknown) => string[] {
  const { errorText } = useI18n();
  const reasonText = useReasonText();
  return (error: unknown) => {
    if (!isApiError(error)) return [errorText(error)];
    const reasons = reasonsOf(error);
    return reasons.map((r) =>
      isMessageKey(`bilaterals.reason.${r}`) ? reasonText(r) : errorText(error),
    );
  };
}

export function label(
  t: (key: MessageKey) => string,
  group: 'kind' | 'status' | 'response' | 'flag' | 'published' | 'notice',
  code: string,
): string {
  const key = `bilaterals.${group}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** 17 Oct 10:00–11:30 (venue time), the day once when both ends fall on it. */
export function windowText(lang: Lang, w: Window, timeZone: string): string {
  const sameDay = venueDate(w.start, timeZone) === venueDate(w.end, timeZone);
  const start = `${formatShortDate(lang, w.start, timeZone)} ${formatTime(lang, w.start, timeZone)}`;
  const end = sameDay
    ? formatTime(lang, w.end, timeZone)
    : `${formatShortDate(lang, w.end, timeZone)} ${formatTime(lang, w.end, timeZone)}`;
  return `${start}–${end}`;
}

export function Tag({ tone, children }: { tone: string; children: string }) {
  return <strong className={`bil-tag bil-tag--${tone}`}>{children}</strong>;
}
