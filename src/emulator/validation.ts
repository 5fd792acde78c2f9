/**
 * A small reader that pulls typed values out of lenient input and collects Soisy-style field
 * errors (`{"errors": {"<field>": ["<message>"]}}`) instead of stopping at the first one.
 */
import { asBoolean, asInteger, asString, Fields, INVALID } from './input.js';
import { messages } from './messages.js';

export type FieldErrors = Record<string, string[]>;

interface Common {
  required?: boolean;
  /** Field name used in the error, when Soisy reports it under another spelling. */
  errorKey?: string;
}

export class FieldReader {
  readonly errors: FieldErrors = {};

  constructor(private readonly fields: Fields) {}

  get valid(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  fail(field: string, message: string): undefined {
    (this.errors[field] ??= []).push(message);
    return undefined;
  }

  has(field: string): boolean {
    return this.fields[field] !== undefined;
  }

  integer(field: string, rule: Common & { min?: number; max?: number; rangeMessage?: string } = {}): number | undefined {
    const key = rule.errorKey ?? field;
    const value = asInteger(this.fields[field]);
    if (value === undefined) return rule.required ? this.fail(key, messages.notBlank) : undefined;
    if (value === INVALID) return this.fail(key, messages.integer);
    const { min = -Infinity, max = Infinity } = rule;
    if (value < min || value > max) return this.fail(key, rule.rangeMessage ?? messages.range(min, max));
    return value;
  }

  boolean(field: string, rule: Common = {}): boolean | undefined {
    const value = asBoolean(this.fields[field]);
    if (value === undefined) return rule.required ? this.fail(field, messages.notBlank) : undefined;
    if (value === INVALID) return this.fail(field, messages.boolean);
    return value;
  }

  string(field: string, rule: Common & { pattern?: RegExp; message?: string; check?: (v: string) => boolean } = {}): string | undefined {
    const key = rule.errorKey ?? field;
    const value = asString(this.fields[field]);
    if (value === undefined) return rule.required ? this.fail(key, messages.notBlank) : undefined;
    if (value === INVALID) return this.fail(key, rule.message ?? messages.invalid);
    if (rule.pattern && !rule.pattern.test(value)) return this.fail(key, rule.message ?? messages.invalid);
    if (rule.check && !rule.check(value)) return this.fail(key, rule.message ?? messages.invalid);
    return value;
  }

  /** Matched case-insensitively, answered in the spelling Soisy documents. */
  choice<T extends string>(field: string, choices: readonly T[], rule: Common = {}): T | undefined {
    const value = this.string(field, { ...rule, message: messages.choice });
    if (value === undefined) return undefined;
    const match = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
    return match ?? this.fail(field, messages.choice);
  }
}

export const patterns = {
  province: /^[A-Z]{2}$/,
  postalCode: /^\d{5}$/,
  vatCountry: /^[A-Z]{2}$/,
  italianVatId: /^\d{11}$/,
  monthYear: /^(0[1-9]|1[0-2])\/\d{4}$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  callingCode: /^\+\d{1,4}$/,
};
