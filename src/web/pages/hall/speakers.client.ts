/**
 * The SPA's side of lists of speakers: commands (POST, with the session's CSRF token), the live
 * view through EventSource (same origin, so `connect-src 'self'` allows it), and the timer,
 * counted down in the browser from the last view so it moves between changes.
 */
import { useEffect, useState } from 'react';
import type { SpeakersCommand, SpeakersView } from '../../../features/speakers/speakers.service.js';
import { request } from '../../api.js';

export type { SpeakersCommand, SpeakersView };

const e = encodeURIComponent;
export const speakersPath = (slug: string, session: string) =>
  `/api/editions/${e(slug)}/sessions/${e(session)}/speakers`;

export function sendCommand(
  slug: string,
  session: string,
  command: SpeakersCommand,
): Promise<SpeakersView> {
  return request<SpeakersView>('POST', speakersPath(slug, session), { json: command });
}

export interface ProgrammeSession {
  code: string;
  title: Record<string, string | undefined>;
  startsAt: string;
  status: string;
}

export async function programmeSessions(slug: string): Promise<ProgrammeSession[]> {
  const body = await request<{ sessions: ProgrammeSession[] }>(
    'GET',
    `/api/editions/${e(slug)}/programme`,
  );
  return body.sessions.filter((s) => s.status !== 'cancelled');
}

export interface Live {
  view: SpeakersView | undefined;
  /** performance.now() when the view arrived: the timer counts on from there. */
  receivedAt: number;
  connected: boolean;
  /** Replaces the view with a command's answer, without waiting for the stream. */
  accept(view: SpeakersView): void;
}

/** Follows a list live: the whole view at once, then after every change (EventSource reconnects by itself). */
export function useLiveSpeakers(slug: string, session: string, lang: string): Live {
  const [state, setState] = useState<{ view: SpeakersView | undefined; receivedAt: number }>({
    view: undefined,
    receivedAt: 0,
  });
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!slug || !session) return;
    setState({ view: undefined, receivedAt: 0 });
    const source = new EventSource(`${speakersPath(slug, session)}/events?lang=${e(lang)}`);
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(false));
    source.addEventListener('view', (event) => {
      const view = JSON.parse((event as MessageEvent<string>).data) as SpeakersView;
      setState((old) =>
        old.view && old.view.version > view.version ? old : { view, receivedAt: performance.now() },
      );
      setConnected(true);
    });
    return () => source.close();
  }, [slug, session, lang]);
  return {
    ...state,
    connected,
    accept: (view) =>
      setState((old) =>
        old.view && old.view.version > view.version ? old : { view, receivedAt: performance.now() },
      ),
  };
}

/** Re-renders every `ms` while `active`, for a running timer. */
export function useTick(active: boolean, ms = 250): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const id = window.setInterval(() => setNow(performance.now()), ms);
    return () => window.clearInterval(id);
  }, [active, ms]);
  return now;
}

export interface Clock {
  elapsedMs: number;
  remainingMs: number | null;
  overrunMs: number;
  limitMs: number | null;
  running: boolean;
}

/** The timer now: the view's reading plus the time since it arrived, while it runs. */
export function timerNow(view: SpeakersView, receivedAt: number, now: number): Clock {
  const { timer } = view;
  const elapsedMs = timer.elapsedMs + (timer.running ? Math.max(0, now - receivedAt) : 0);
  const limitMs = timer.limitMs;
  return {
    elapsedMs,
    limitMs,
    running: timer.running,
    remainingMs: limitMs === null ? null : Math.max(0, limitMs - elapsedMs),
    overrunMs: limitMs === null ? 0 : Math.max(0, elapsedMs - limitMs),
  };
}

/** 4:05, 12:00 — minutes and seconds of a duration. */
export function minutesSeconds(ms: number): string {
  const total = Math.floor(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
