import { createHash } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.js';

const MARK = '/* prepared */';

/**
 * Put first in a raw statement (`$queryRaw`) that runs on a hot path: PostgreSQL then parses and
 * analyses it once per connection (a named prepared statement) instead of on every call. The
 * one-statement writes of create order (issue 10) are long CTEs: parsing and analysing them again
 * for every order is PostgreSQL CPU spent for nothing. Only marked statements are named, so the
 * number of statements a connection keeps stays bounded by the code's variants (not by the query
 * shapes Prisma's query API generates): group commit (StatementBatcher) adds one per shape and batch
 * size, at most 4 shapes × 8 sizes for create order. Named statements need a session per client: no
 * transaction-pooling proxy (PgBouncer in transaction mode) between the service and PostgreSQL,
 * and not on the embedded database (PrismaService: one PGlite session across connections).
 */
export const PREPARED = Prisma.raw(`${MARK}\n`);

const names = new Map<string, string>();

/** adapter-pg's `statementNameGenerator`: a stable name for a marked statement, none for the rest. */
export function preparedStatementName(query: { sql: string }): string {
  if (!query.sql.startsWith(MARK)) return undefined as unknown as string; // unnamed: parsed per call, as before
  let name = names.get(query.sql);
  if (name === undefined) {
    name = `soisy_${createHash('sha256').update(query.sql).digest('hex').slice(0, 32)}`;
    names.set(query.sql, name);
  }
  return name;
}
