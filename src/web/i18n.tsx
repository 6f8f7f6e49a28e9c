/**
 * The reader's language in the SPA. The choice is remembered in the `plenary_lang` cookie that
 * the server also reads (so API texts such as displayName come back in the same language).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import {
  errorMessage,
  isLang,
  type Lang,
  type MessageKey,
  type MessageParams,
  t as translate,
} from '../platform/i18n/i18n.js';
import { isApiError } from './api.js';

const COOKIE = 'plenary_lang';

function initialLang(): Lang {
  const fromQuery = new URLSearchParams(window.location.search).get('lang');
  if (isLang(fromQuery)) return fromQuery;
  const fromCookie = document.cookie
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === COOKIE)?.[1];
  if (isLang(fromCookie)) return fromCookie;
  for (const tag of navigator.languages ?? []) {
    const base = tag.split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** A sentence for any thrown error: API codes translated, anything else generic. */
  errorText: (error: unknown) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie too; the Cookie Store API is not in every browser
    document.cookie = `${COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    setLangState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    // biome-ignore lint/suspicious/noDocumentCookie: as above
    document.cookie = `${COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
  }, [lang]);
  const t = useCallback(
    (key: MessageKey, params?: MessageParams) => translate(lang, key, params),
    [lang],
  );
  const errorText = useCallback(
    (error: unknown) => errorMessage(lang, isApiError(error) ? error.code : 'unknown'),
    [lang],
  );
  return (
    <I18nContext.Provider value={{ lang, setLang, t, errorText }}>{children}</I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
