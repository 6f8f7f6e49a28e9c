/**
 * Pages of rows fetched as one JSON document. Every field of a result costs the PGlite driver a
 * copy of its bytes into a buffer of its own and a parse of its text: a page of the
 * secretariat's queue is about 1,700 fields, a fifth of the call's time on the embedded
 * database. `json_agg` returns the page as one field, which JSON.parse reads at native speed.
 * The values are mapped back by the Drizzle columns' own `mapFromDriverValue`, as Drizzle maps a
 * result row, so callers get the types a plain select would give them.
 */
import { type Column, getTableColumns, is, SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** What a page may select: table columns, and SQL expressions with an alias (`.as('name')`). */
export type JsonField = Column | SQL.Aliased;
export type JsonFields = Record<string, JsonField>;

type FieldValue<F> = F extends Column
  ? F['_']['notNull'] extends true
    ? F['_']['data']
    : F['_']['data'] | null
  : F extends SQL.Aliased<infer T>
    ? T
    : never;

export type JsonRow<F extends JsonFields> = { [K in keyof F]: FieldValue<F[K]> };

/** A table's columns less some (a generated search column, say), for a page's select list. */
export function columnsWithout<T extends PgTable, O extends keyof T['_']['columns']>(
  table: T,
  ...omit: O[]
): Omit<T['_']['columns'], O> {
  const columns: Record<string, Column> = { ...getTableColumns(table) };
  for (const key of omit) delete columns[key as string];
  return columns as Omit<T['_']['columns'], O>;
}

/**
 * The rows of the subquery `alias` as JSON text in the given order, `[]` when there are none:
 * select it from the subquery (one row comes back, whatever the page holds).
 */
export function jsonAgg(alias: string, order: SQL): SQL<string> {
  return sql<string>`coalesce(json_agg(${sql.identifier(alias)} order by ${order}), '[]')::text`;
}

function nameIn(field: JsonField): string {
  return is(field, SQL.Aliased) ? field.fieldAlias : (field as Column).name;
}

interface Reader {
  key: string;
  name: string;
  column: Column | undefined;
}

/** How to read each field, worked out once per select list (lists are module constants). */
const readers = new WeakMap<JsonFields, Reader[]>();

function readersOf(fields: JsonFields): Reader[] {
  let found = readers.get(fields);
  if (!found) {
    found = Object.entries(fields).map(([key, field]) => {
      const column = is(field, SQL.Aliased) ? undefined : (field as Column);
      // JSON already holds json and jsonb values decoded; other columns map as in a result row.
      const decoded = column?.columnType === 'PgJsonb' || column?.columnType === 'PgJson';
      return { key, name: nameIn(field), column: decoded ? undefined : column };
    });
    readers.set(fields, found);
  }
  return found;
}

/** Reads the text of `jsonAgg` over a subquery that selected `fields`. */
export function readJsonRows<F extends JsonFields>(text: string, fields: F): JsonRow<F>[] {
  const entries = readersOf(fields);
  return (JSON.parse(text) as Record<string, unknown>[]).map((json) => {
    const row: Record<string, unknown> = {};
    for (const { key, name, column } of entries) {
      const value = json[name] ?? null;
      row[key] = value === null || !column ? value : column.mapFromDriverValue(value);
    }
    return row as JsonRow<F>;
  });
}
