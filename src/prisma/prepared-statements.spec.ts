import { Prisma } from '../generated/prisma/client.js';
import { PREPARED, preparedStatementName } from './prepared-statements.js';

describe('preparedStatementName', () => {
  const text = (sql: Prisma.Sql) => ({ sql: sql.text });

  it('names a marked statement by its text: the same text, the same name; another text, another name', () => {
    const a = preparedStatementName(text(Prisma.sql`${PREPARED}SELECT ${1}::int`));
    expect(a).toMatch(/^soisy_[0-9a-f]{32}$/);
    expect(preparedStatementName(text(Prisma.sql`${PREPARED}SELECT ${2}::int`))).toBe(a);
    expect(preparedStatementName(text(Prisma.sql`${PREPARED}SELECT ${2}::bigint`))).not.toBe(a);
  });

  it('leaves every other statement unnamed (parsed per call, as Prisma sends them)', () => {
    expect(preparedStatementName(text(Prisma.sql`SELECT ${1}::int`))).toBeUndefined();
  });
});
