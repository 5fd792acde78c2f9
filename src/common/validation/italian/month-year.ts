import { ValidationArguments, ValidationOptions, registerDecorator } from 'class-validator';

/** `MM/YYYY`, as Soisy takes job-ending and residence-start dates. */
const MONTH_YEAR = /^(0[1-9]|1[0-2])\/(\d{4})$/;
const MIN_YEAR = 1900;
// Soisy is Italian: "this month" turns over at midnight in Rome, not in UTC.
const ITALIAN_MONTH = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' });

export interface MonthYear {
  month: number;
  year: number;
}

export interface MonthYearBounds {
  notBefore?: 'currentMonth';
  notAfter?: 'currentMonth';
  /** The clock for "current"; defaults to the module clock (see setMonthYearClock). */
  now?: () => Date;
}

let moduleClock: () => Date = () => new Date();

/** Tests pin "now" here; pass nothing to go back to the real clock. */
export function setMonthYearClock(now?: () => Date): void {
  moduleClock = now ?? (() => new Date());
}

export function parseMonthYear(value: unknown): MonthYear | undefined {
  const match = typeof value === 'string' ? MONTH_YEAR.exec(value) : null;
  if (!match || Number(match[2]) < MIN_YEAR) return undefined;
  return { month: Number(match[1]), year: Number(match[2]) };
}

export function currentItalianMonth(now: Date): MonthYear {
  const parts = ITALIAN_MONTH.formatToParts(now);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return { month: part('month'), year: part('year') };
}

type Problem = 'format' | 'past' | 'future' | undefined;

function problemWith(value: unknown, bounds: MonthYearBounds): Problem {
  const parsed = parseMonthYear(value);
  if (!parsed) return 'format';
  const current = currentItalianMonth((bounds.now ?? moduleClock)());
  const order = parsed.year * 12 + parsed.month - (current.year * 12 + current.month);
  if (bounds.notBefore === 'currentMonth' && order < 0) return 'past';
  if (bounds.notAfter === 'currentMonth' && order > 0) return 'future';
  return undefined;
}

const MESSAGES: Record<Exclude<Problem, undefined>, string> = {
  format: '$property must be a month as MM/YYYY',
  past: '$property must not be a month in the past',
  future: '$property must not be a month in the future',
};

export function IsMonthYear(bounds: MonthYearBounds = {}, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMonthYear',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => problemWith(value, bounds) === undefined,
        defaultMessage: (args?: ValidationArguments) => MESSAGES[problemWith(args?.value, bounds) ?? 'format'],
      },
    });
}
