import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api.js';
import { useI18n } from './i18n.js';
import { useSession } from './session.js';
import type { Edition } from './types.js';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when its dependencies (or the language) change; stale answers are dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const { lang } = useI18n();
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what load depends on
  useEffect(() => {
    const run = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => {
        if (run === latest.current) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (run === latest.current) setState({ data: undefined, error, loading: false });
      },
    );
  }, [...deps, lang, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

const EDITION_KEY = 'plenary_edition';
/** The demo conference; the secretariat can choose another (remembered in this browser). */
export const DEFAULT_EDITION = 'seoul-2013';

/** The conference the signed-in user works on: the focal point's own, or the secretariat's choice. */
export function useEditionSlug(): [string, (slug: string) => void] {
  const { user } = useSession();
  const [chosen, setChosen] = useState<string>(
    () =>
      new URLSearchParams(window.location.search).get('edition') ??
      window.localStorage.getItem(EDITION_KEY) ??
      DEFAULT_EDITION,
  );
  const choose = useCallback((slug: string) => {
    window.localStorage.setItem(EDITION_KEY, slug);
    setChosen(slug);
  }, []);
  return [user?.delegation?.editionSlug ?? chosen, choose];
}

export function useEdition(slug: string): Loaded<Edition> {
  return useLoad(() => api.edition(slug), [slug]);
}
