import pg from 'pg';
import { Prisma } from '../generated/prisma/client.js';
import { isUniqueViolation } from './unique-violation.js';

const known = (code: string, meta?: Record<string, unknown>) => new Prisma.PrismaClientKnownRequestError('failed', { code, clientVersion: 'test', meta });

describe('isUniqueViolation', () => {
  it('recognises the query API\'s P2002 and a raw query\'s P2010 over a unique violation', () => {
    expect(isUniqueViolation(known('P2002'))).toBe(true);
    expect(isUniqueViolation(known('P2010', { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation' } } }))).toBe(true);
    expect(isUniqueViolation(known('P2010', { driverAdapterError: { cause: { kind: 'postgres', originalCode: '23505' } } }))).toBe(true);
  });

  it('recognises node-postgres\' own unique violation (PrismaService.statement), and only that SQLSTATE', () => {
    const database = (code: string) => Object.assign(new pg.DatabaseError('duplicate key value violates unique constraint', 0, 'error'), { code });
    expect(isUniqueViolation(database('23505'))).toBe(true);
    expect(isUniqueViolation(database('23503'))).toBe(false);
  });

  it('does not take another raw query failure, or any other error, for one', () => {
    expect(isUniqueViolation(known('P2010', { driverAdapterError: { cause: { kind: 'postgres', originalCode: '23503' } } }))).toBe(false);
    expect(isUniqueViolation(known('P2010'))).toBe(false);
    expect(isUniqueViolation(new Error('duplicate key'))).toBe(false);
  });
});
