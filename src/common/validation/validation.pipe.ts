import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldError, ValidationFailed } from '../errors/app-error.js';

/**
 * Deeper than any request the routes accept (`customer.fiscalCode` is two levels). class-transformer
 * recurses once per level, so a small body nested thousands of levels deep would overflow the stack
 * (a 500) before validation could refuse it.
 */
const MAX_INPUT_DEPTH = 16;

/**
 * Validation at the edge: unknown fields refused, types converted, every failure reported as
 * `{field, message}` with the field's dotted path (e.g. `customer.fiscalCode`).
 */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Every constraint runs and `flatten` picks one message per field: class-validator's own
    // stop-at-first-error checks the decorator nearest the property first (often a range check),
    // so `limit=abc` would read "must not be greater than 100".
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
}

class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = fieldNestedTooDeeply(value, MAX_INPUT_DEPTH);
    if (field !== undefined) throw new ValidationFailed([{ field, message: `${field} is nested more deeply than any accepted field` }]);
    if (metadata.type === 'query') refuseRepeatedParameters(value, metadata.metatype);
    return super.transform(value, metadata);
  }
}

/** The top-level field under which `value` is nested deeper than `maxDepth`; walked without recursion. */
export function fieldNestedTooDeeply(value: unknown, maxDepth: number): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const pending: Array<{ node: unknown; depth: number; field: string }> = Object.entries(value).map(([field, node]) => ({ node, depth: 1, field }));
  for (let item = pending.pop(); item; item = pending.pop()) {
    if (item.node === null || typeof item.node !== 'object') continue;
    if (item.depth >= maxDepth) return item.field;
    for (const child of Object.values(item.node)) pending.push({ node: child, depth: item.depth + 1, field: item.field });
  }
  return undefined;
}

/**
 * A query parameter given twice (`?limit=2&limit=3`) arrives as a list; no query field takes one
 * (none is declared `@IsArray`), so say so instead of letting the list fail a number check.
 */
function refuseRepeatedParameters(value: unknown, metatype: ArgumentMetadata['metatype']): void {
  if (value === null || typeof value !== 'object' || !metatype) return;
  const lists = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(metatype, '', true, false)
      .filter((rule) => rule.name === 'isArray' || rule.each)
      .map((rule) => rule.propertyName),
  );
  const repeated = Object.entries(value).filter(([name, given]) => Array.isArray(given) && !lists.has(name));
  if (repeated.length > 0) throw new ValidationFailed(repeated.map(([name]) => ({ field: name, message: `${name} must be given once` })));
}

/**
 * Constraints that say what kind of value a field takes. When one fails, its message is the one
 * that names the problem; a range or length check failing on a value of the wrong kind is noise.
 */
const TYPE_CONSTRAINTS = new Set([
  'whitelistValidation', 'isDefined', 'nestedValidation', 'isInt', 'isNumber', 'isNumberString', 'isString', 'isBoolean',
  'isEnum', 'isIn', 'isDate', 'isDateString', 'isArray', 'isObject', 'isNotEmptyObject',
]);

/** class-validator's default says "integer number"; cents fields say their unit in their DTO. */
const MESSAGE_REWRITES: Array<[RegExp, string]> = [
  [/^property \S+ should not exist$/, 'is not an accepted field'],
  [/^(\S+) must be an integer number$/, '$1 must be an integer'],
];

/** One `{field, message}` per failing field (its most telling constraint), with nested fields' dotted paths. */
export function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const message = mostTelling(error.constraints ?? {});
    const own = message === undefined ? [] : [{ field, message: MESSAGE_REWRITES.reduce((text, [from, to]) => text.replace(from, to), message) }];
    return [...(isMissing(error) ? requiredInstead(own, error.property) : own), ...flatten(error.children ?? [], field)];
  });
}

/**
 * A failed type constraint first; otherwise the first failed constraint in class-validator's order
 * (the decorator nearest the property), as `stopAtFirstError` reported it before.
 */
function mostTelling(constraints: Record<string, string>): string | undefined {
  const failed = Object.entries(constraints);
  return (failed.find(([name]) => TYPE_CONSTRAINTS.has(name)) ?? failed[0])?.[1];
}

function isMissing(error: ValidationError): boolean {
  return error.value === undefined || error.value === null;
}

/**
 * A missing field fails whichever constraint class-validator checks first (often "must be shorter
 * than …"), which misleads the caller; say it is required, unless the message already explains why.
 */
function requiredInstead(own: FieldError[], property: string): FieldError[] {
  return own.map((error) => (/required/i.test(error.message) ? error : { field: error.field, message: `${property} is required` }));
}
