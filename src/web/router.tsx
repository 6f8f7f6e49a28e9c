/**
 * A tiny router on the History API: the location is state, links push entries, and a route
 * table matches `/portal/members/:id` patterns in order.
 */
import {
  type AnchorHTMLAttributes,
  createContext,
  type MouseEvent,
  type ReactNode,
  useContext,
  useEffect,
  useState,
} from 'react';

export interface Location {
  pathname: string;
  search: string;
}

const LocationContext = createContext<Location>({ pathname: '/', search: '' });

const current = (): Location => ({
  pathname: window.location.pathname,
  search: window.location.search,
});

const listeners = new Set<() => void>();

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
  if (!options.replace) window.scrollTo(0, 0);
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return <LocationContext.Provider value={location}>{children}</LocationContext.Provider>;
}

export function useLocation(): Location {
  return useContext(LocationContext);
}

/** The query string as a record, and a setter that replaces the history entry. */
export function useSearchParams(): [URLSearchParams, (next: Record<string, string>) => void] {
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  const set = (next: Record<string, string>) => {
    const out = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value !== '') out.set(key, value);
    const qs = out.toString();
    navigate(qs ? `${pathname}?${qs}` : pathname, { replace: true });
  };
  return [params, set];
}

/** Matches a pattern like `/portal/members/:id`; returns the parameters or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(h);
    else if (w !== h) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An ordinary link that the router follows without reloading (modified clicks open as usual). */
export function Link({ href, onClick, children, ...rest }: LinkProps) {
  const { pathname } = useLocation();
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target
    )
      return;
    event.preventDefault();
    navigate(href);
  };
  const isCurrent = href.split('?')[0] === pathname;
  return (
    <a href={href} onClick={handle} aria-current={isCurrent ? 'page' : undefined} {...rest}>
      {children}
    </a>
  );
}
