/**
 * The PGlite client as Drizzle gets it: Drizzle's parsers set once on the client instead of
 * passed with every query.
 *
 * Drizzle asks PGlite to return dates, timestamps and intervals (and their arrays) as text, by
 * passing nine parsers with every query. PGlite then merges them into a copy of its own 359
 * parsers, for every result: about 0.2 ms and 100 KB of garbage per query
 * (bench/accreditation.bench.ts), three times per API request. Here the same nine parsers are
 * set on the client once, and a query whose parsers are exactly those goes without them. The
 * rows are the same; if PGlite's parsers ever differ from Drizzle's, the query keeps its own.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { types } from '@electric-sql/pglite';

type Parser = (value: string) => unknown;
type QueryOptions = { parsers?: Record<number, Parser> } & Record<string, unknown>;

/** The types Drizzle reads as text: timestamp, timestamptz, interval, date; numeric[], and the
 * arrays of the four. */
export const AS_TEXT_TYPES: readonly number[] = [
  types.TIMESTAMP,
  types.TIMESTAMPTZ,
  types.INTERVAL,
  types.DATE,
  1231,
  1115,
  1185,
  1187,
  1182,
];

const asText: Parser = (value) => value;

/** Sets the text parsers on the client (after its array types are known). */
function readDatesAsText(client: PGlite): void {
  const parsers = (client as unknown as { parsers?: Record<number, Parser> }).parsers;
  if (!parsers) return;
  for (const type of AS_TEXT_TYPES) parsers[type] = asText;
}

/** The options less parsers that the client already applies, or the options as they were. */
function withoutKnownParsers(client: PGlite, options: QueryOptions | undefined) {
  const given = options?.parsers;
  if (!given) return options;
  const own = (client as unknown as { parsers?: Record<number, Parser> }).parsers;
  if (!own) return options;
  const keys = Object.keys(given);
  if (keys.length !== AS_TEXT_TYPES.length) return options;
  for (const key of keys) {
    const type = Number(key);
    // Drizzle's own parsers return the text as it is; ours must be the ones in place.
    if (!AS_TEXT_TYPES.includes(type) || own[type] !== asText || given[type]?.('x') !== 'x')
      return options;
  }
  const { parsers: _, ...rest } = options;
  return rest;
}

type Queryable = Pick<PGlite, 'query'>;

/** A view of a client or transaction whose `query` drops the parsers the client applies. */
function wrap<T extends Queryable>(client: PGlite, target: T, inTransaction: boolean): T {
  return new Proxy(target, {
    get(object, property) {
      if (property === 'query') {
        return (query: string, params?: unknown[], options?: QueryOptions) =>
          object.query(query, params, withoutKnownParsers(client, options) as never);
      }
      if (property === 'transaction' && !inTransaction) {
        return <R>(callback: (tx: Transaction) => Promise<R>) =>
          client.transaction((tx) => callback(wrap(client, tx, true)));
      }
      // PGlite keeps its state in private fields: its methods must run on the object itself.
      const value = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

/** The client to hand to Drizzle. */
export function forDrizzle(client: PGlite): PGlite {
  readDatesAsText(client);
  return wrap(client, client, false);
}
