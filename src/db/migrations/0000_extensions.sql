-- Extensions the schema relies on: btree_gist for exclusion constraints against double bookings,
-- pg_trgm for search in languages written without spaces. Both ship with PGlite and PostgreSQL 15+.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
