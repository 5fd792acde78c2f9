import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
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
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
}

class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = fieldNestedTooDeeply(value, MAX_INPUT_DEPTH);
    if (field !== undefined) throw new ValidationFailed([{ field, message: `${field} is nested more deeply than any accepted field` }]);
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

export function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property \S+ should not exist$/, 'is not an accepted field'),
    }));
    return [...(isMissing(error) ? requiredInstead(own, error.property) : own), ...flatten(error.children ?? [], field)];
  });
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
