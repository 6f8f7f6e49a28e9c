/**
 * Change notifications for screens that follow a list live. A notification says only WHICH
 * channel changed and its new version; the receiver reads the new view from the database, so a
 * lost or duplicated notification costs a read, never a wrong screen.
 *
 * Two hubs, chosen by driver:
 * - in-process: PGlite's data folder is held by one process (db/lock.ts), so every writer and
 *   every screen are in this process;
 * - PostgreSQL LISTEN/NOTIFY: several Plenary processes may serve one database (the chair's
 *   request on one, the hall screen on another). One dedicated connection per process LISTENs
 *   on `plenary_live`; a publisher NOTIFYs `{channel, version, origin}`. Local listeners are
 *   called at once; the process ignores its own notifications when they come back.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface LivePayload {
  /** The new version of what changed; -1 when unknown (after a reconnect: re-read everything). */
  version: number;
}

export type LiveListener = (payload: LivePayload) => void;

export interface LiveHub {
  publish(channel: string, payload: LivePayload): Promise<void>;
  subscribe(channel: string, listener: LiveListener): () => void;
  /** Resolves once notifications published from now on will reach this process's listeners. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** The PostgreSQL channel every Plenary process LISTENs on. */
export const PG_CHANNEL = 'plenary_live';

class Listeners {
  private readonly byChannel = new Map<string, Set<LiveListener>>();

  add(channel: string, listener: LiveListener): () => void {
    let set = this.byChannel.get(channel);
    if (!set) {
      set = new Set();
      this.byChannel.set(channel, set);
    }
    set.add(listener);
    return () => {
      const current = this.byChannel.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.byChannel.delete(channel);
    };
  }

  get size(): number {
    return this.byChannel.size;
  }

  emit(channel: string, payload: LivePayload): void {
    for (const listener of [...(this.byChannel.get(channel) ?? [])]) {
      try {
        listener(payload);
      } catch {
        // One broken screen must not keep the others from hearing of the change.
      }
    }
  }

  emitAll(payload: LivePayload): void {
    for (const channel of [...this.byChannel.keys()]) this.emit(channel, payload);
  }
}

export function createInProcessHub(): LiveHub {
  const listeners = new Listeners();
  return {
    async publish(channel, payload) {
      listeners.emit(channel, payload);
    },
    subscribe: (channel, listener) => listeners.add(channel, listener),
    async ready() {},
    async close() {},
  };
}

export interface PgHubOptions {
  /** How to open the dedicated LISTEN connection (not from the pool: it is held for good). */
  connection: pg.ClientConfig;
  /** Runs `SELECT pg_notify($1, $2)` on the application's pool. */
  notify(channel: string, payload: string): Promise<void>;
  /** First reconnect delay; doubles up to 5 s. */
  retryMs?: number;
  onError?(error: unknown): void;
}

/**
 * LISTEN/NOTIFY hub. The LISTEN connection opens with the first subscriber and closes with the
 * last one, so commands and tests that never follow a list hold no extra connection.
 */
export function createPgHub(options: PgHubOptions): LiveHub {
  const origin = randomUUID();
  const listeners = new Listeners();
  const baseRetry = options.retryMs ?? 250;
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let retryMs = baseRetry;
  let closed = false;

  const report = (error: unknown) => options.onError?.(error);

  function onNotification(message: pg.Notification) {
    if (message.channel !== PG_CHANNEL || !message.payload) return;
    let parsed: { channel?: unknown; version?: unknown; origin?: unknown };
    try {
      parsed = JSON.parse(message.payload);
    } catch {
      return;
    }
    if (parsed.origin === origin || typeof parsed.channel !== 'string') return;
    listeners.emit(parsed.channel, {
      version: typeof parsed.version === 'number' ? parsed.version : -1,
    });
  }

  function connect(): Promise<void> {
    if (connecting) return connecting;
    const next = new pg.Client(options.connection);
    const attempt = (async () => {
      next.on('notification', onNotification);
      next.on('error', (error) => {
        report(error);
        drop(next);
      });
      next.on('end', () => drop(next));
      await next.connect();
      await next.query(`LISTEN ${PG_CHANNEL}`);
      if (closed || listeners.size === 0) {
        await next.end().catch(() => {});
        return;
      }
      client = next;
      retryMs = baseRetry;
    })();
    connecting = attempt.then(
      () => {
        connecting = null;
      },
      (error: unknown) => {
        connecting = null;
        report(error);
        next.end().catch(() => {});
        scheduleReconnect();
      },
    );
    return connecting;
  }

  /** The connection broke: reconnect, then tell every listener to re-read (it may have missed changes). */
  function drop(broken: pg.Client) {
    if (client !== broken) return;
    client = null;
    broken.removeAllListeners('notification');
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (closed || retryTimer || listeners.size === 0) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (closed || listeners.size === 0) return;
      void connect().then(() => {
        if (client) listeners.emitAll({ version: -1 });
      });
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 5_000);
  }

  async function disconnect() {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const current = client;
    client = null;
    if (current) {
      current.removeAllListeners('notification');
      await current.end().catch(() => {});
    }
  }

  return {
    async publish(channel, payload) {
      // Screens in this process hear at once; other processes through the server.
      listeners.emit(channel, payload);
      try {
        await options.notify(
          PG_CHANNEL,
          JSON.stringify({ channel, version: payload.version, origin }),
        );
      } catch (error) {
        // The change is committed; screens elsewhere catch up on their next notification.
        report(error);
      }
    },
    subscribe(channel, listener) {
      const remove = listeners.add(channel, listener);
      if (!client && !closed) void connect();
      return () => {
        remove();
        if (listeners.size === 0) void disconnect();
      };
    },
    async ready() {
      if (!client && !closed && listeners.size > 0) await connect();
    },
    async close() {
      closed = true;
      await connecting;
      await disconnect();
    },
  };
}

/**
 * The hub for a database: in-process on PGlite; LISTEN/NOTIFY on PostgreSQL, with a dedicated
 * connection opened with the pool's own settings.
 */
export function createLiveHub(
  database: { driver: 'pglite' | 'postgres'; db: unknown },
  onError?: (error: unknown) => void,
): LiveHub {
  if (database.driver !== 'postgres') return createInProcessHub();
  const pool = (database.db as { $client: pg.Pool }).$client;
  const { max: _max, ...connection } = pool.options;
  return createPgHub({
    connection: connection as pg.ClientConfig,
    notify: async (channel, payload) => {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    ...(onError ? { onError } : {}),
  });
}
