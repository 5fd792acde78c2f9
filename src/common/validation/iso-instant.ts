import { ValidationOptions, isISO8601, registerDecorator } from 'class-validator';

// A date-time with Z or an offset: without one, the instant would depend on the server's zone.
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** What PostgreSQL, Prisma and JavaScript all store and compare the same way. */
export const EARLIEST_INSTANT = new Date('1970-01-01T00:00:00.000Z');
export const LATEST_INSTANT = new Date('9999-12-31T23:59:59.999Z');

/** The instant a strict ISO 8601 date-time with an offset names, within 1970–9999; otherwise undefined. */
export function parseIsoInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !DATE_TIME_WITH_OFFSET.test(value) || !isISO8601(value, { strict: true, strictSeparator: true })) {
    return undefined;
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime()) || instant < EARLIEST_INSTANT || instant > LATEST_INSTANT) return undefined;
  return instant;
}

/**
 * A string that `parseIsoInstant` accepts. The property stays a string: `@Type(() => Date)` would
 * turn `true`, `0` or Unix seconds into 1970 dates before validation ever saw them.
 */
export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => parseIsoInstant(value) !== undefined,
        defaultMessage: () =>
          '$property must be an ISO 8601 date-time with Z or an offset (e.g. 2026-12-01T09:00:00Z), between 1970-01-01 and 9999-12-31',
      },
    });
}

/**
 * The start of a range: not after the instant in `endProperty` (when both are valid instants; each
 * field's own format check reports otherwise). Equal bounds are allowed (an empty range).
 */
export function IsNotAfter(endProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotAfter',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [endProperty],
      options,
      validator: {
        validate: (value: unknown, args) => {
          const start = parseIsoInstant(value);
          const end = parseIsoInstant((args?.object as Record<string, unknown> | undefined)?.[endProperty]);
          return start === undefined || end === undefined || start <= end;
        },
        defaultMessage: () => `$property must not be after ${endProperty}`,
      },
    });
}
