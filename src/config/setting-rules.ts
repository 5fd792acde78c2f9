import { Transform } from 'class-transformer';
import { IsOptional, ValidateBy, type ValidationArguments } from 'class-validator';

/**
 * One decorator per kind of environment variable, each with one rule and one message that names
 * the problem and what is allowed. class-validator reports every constraint a value fails, so
 * stacking `@IsInt @Min @Max` answered "abc" with "is above its maximum, is below its minimum, must
 * be a whole number"; a single rule per variable gives one true line. Messages never hold the value
 * (it may be a secret).
 */

const PLAIN_INTEGER = /^-?\d+$/;

/**
 * Why `raw` is no whole number in [min, max], or undefined when it is one. Only plain decimal
 * digits count: `1e3`, `0x10`, `1.0` and ` ` are refused, not read by Number() into something else.
 */
export function integerProblem(raw: unknown, min: number, max?: number): string | undefined {
  const allowed = max === undefined ? `${min} or more` : `${min} to ${max}`;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && PLAIN_INTEGER.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value)) return `must be a whole number (digits only), ${allowed}`;
  if (value < min) return `is below its minimum of ${min} (allowed: ${allowed})`;
  if (max !== undefined && value > max) return `is above its maximum of ${max} (allowed: ${allowed})`;
  return undefined;
}

/** Empty or blank: the variable is unset and its default applies. */
const blankAsUnset = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

function rule(name: string, check: (value: unknown) => string | undefined, transform?: (value: unknown) => unknown): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    Transform(({ value }) => {
      const set = blankAsUnset({ value });
      return set === undefined || !transform ? set : transform(set);
    })(target, key);
    ValidateBy({
      name,
      validator: {
        validate: (value: unknown) => check(value) === undefined,
        defaultMessage: (args?: ValidationArguments) => check(args?.value) ?? '',
      },
    })(target, key);
  };
}

/** A whole number in [min, max] (no max: unbounded above); read as a number once valid. */
export function IntegerSetting(min: number, max?: number): PropertyDecorator {
  return rule('integerSetting', (value) => integerProblem(value, min, max), (value) =>
    typeof value === 'string' && PLAIN_INTEGER.test(value.trim()) && integerProblem(value, min, max) === undefined ? Number(value.trim()) : value,
  );
}

/** One of `values`, exactly as written. */
export function OneOfSetting(values: readonly string[]): PropertyDecorator {
  return rule('oneOfSetting', (value) => (values.includes(value as string) ? undefined : `must be one of: ${values.join(', ')}`));
}

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

/** true/false (or 1/0, yes/no, on/off, any case); anything else is refused, not read as false. */
export function BooleanSetting(): PropertyDecorator {
  return rule(
    'booleanSetting',
    (value) => (typeof value === 'boolean' ? undefined : 'must be true or false (or 1/0, yes/no, on/off)'),
    (value) => {
      const word = String(value).trim().toLowerCase();
      return TRUE.includes(word) ? true : FALSE.includes(word) ? false : value;
    },
  );
}

/** An absolute http(s) URL. */
export function UrlSetting(): PropertyDecorator {
  return rule('urlSetting', (value) => (isHttpUrl(value) ? undefined : 'must be an absolute http(s) URL'), (value) => String(value).trim());
}

/** Text matching `pattern`, described by `allowed` in the message. */
export function TextSetting(pattern: RegExp, allowed: string): PropertyDecorator {
  return rule('textSetting', (value) => (typeof value === 'string' && pattern.test(value) ? undefined : `must be ${allowed}`));
}

/**
 * A comma-separated list; empty entries (`a,,b`, a trailing comma) are refused by position, not
 * dropped, so a mistyped list does not silently lose an entry. `entry` checks one entry.
 */
export function ListSetting(what: string, entry: (item: string) => boolean = () => true): PropertyDecorator {
  return rule('listSetting', (value) => listProblem(value, what, entry), (value) => String(value).split(',').map((item) => item.trim()));
}

function listProblem(value: unknown, what: string, entry: (item: string) => boolean): string | undefined {
  if (!Array.isArray(value)) return `must be a comma-separated list of ${what}`;
  const items = value as string[];
  const empty = items.findIndex((item) => item === '');
  if (empty >= 0) return `entry ${empty + 1} is empty (a comma-separated list of ${what}; remove the extra comma)`;
  const bad = items.findIndex((item) => !entry(item));
  return bad >= 0 ? `entry ${bad + 1} is not one of ${what}` : undefined;
}

export function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
