import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/core';
// The "max" metadata tells mobiles from landlines. Passed explicitly (core API): the package's own
// "max" entry imports a .json file, which Jest's ESM mode warns about on every test file.
import metadata from 'libphonenumber-js/max/metadata';

/**
 * A shopper's mobile number as Soisy takes it: the national number (digits, no trunk prefix) in
 * `mobilePhone` and the country's calling code (`+39`) in `countryCallingCode`. Soisy texts this
 * number during its funnel, so only numbers that can receive an SMS are accepted.
 *
 * Parsed with libphonenumber-js (Google's metadata, "max" set, so the number's type is known).
 * Accepted spellings: `333 1234567`, `+39 333 1234567`, `0039…`, `39…` (the prefix without `+`),
 * with spaces, dots, dashes, slashes or brackets. Numbers of other countries are accepted when
 * written with their prefix (`+41 79 123 45 67`, `0041…`) or with `countryCallingCode`; Soisy then
 * gets that country's calling code. Without either, a number is read as Italian.
 */
export interface MobilePhone {
  /** Digits only, without the country prefix, e.g. `3331234567`. */
  nationalNumber: string;
  /** `+` and the calling code, e.g. `+39`. */
  countryCallingCode: string;
}

/** Why a number was not accepted: each maps to a message telling the shopper what to change. */
export type MobilePhoneProblem = 'format' | 'not_mobile' | 'prefix_mismatch' | 'calling_code';

export const DEFAULT_CALLING_CODE = '+39';

// Formatting shoppers type; letters (vanity numbers, "ext. 12") are not a mobile number.
const TYPED_PHONE = /^[+\d\s().\-/]{1,40}$/;
const FORMATTING = /[\s().\-/]/g;
// Many countries share +1 or +7: the set only says whether a calling code exists.
const CALLING_CODES = new Set(getCountries(metadata).map((country) => getCountryCallingCode(country, metadata)));
// A country can only tell landlines from mobiles for some numbers (e.g. +1): those are accepted.
const MOBILE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/** `+39` from `+39`, `39` or `0039` (spaces around ignored); undefined when no country has it. */
export function normaliseCallingCode(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(?:\+|00)?(\d{1,3})$/.exec(value.trim());
  return match && CALLING_CODES.has(match[1]) ? `+${match[1]}` : undefined;
}

/**
 * The mobile number `raw` names, read with `callingCode` (the request's `countryCallingCode`, if
 * any) as its country when it carries no prefix of its own; otherwise why it cannot be used.
 */
export function parseMobilePhone(raw: unknown, callingCode?: unknown): MobilePhone | MobilePhoneProblem {
  const given = callingCode === undefined || callingCode === null ? undefined : normaliseCallingCode(callingCode);
  if (callingCode !== undefined && callingCode !== null && given === undefined) return 'calling_code';
  if (typeof raw !== 'string' || !TYPED_PHONE.test(raw.trim())) return 'format';
  // 00 is the international prefix from Italy (and most of Europe): 0039… is +39….
  const compact = raw.replace(FORMATTING, '').replace(/^00/, '+');
  if (!/^\+?\d{6,17}$/.test(compact)) return 'format';
  const phone = parsePhoneNumberFromString(compact, { defaultCallingCode: (given ?? DEFAULT_CALLING_CODE).slice(1) }, metadata);
  if (!phone?.isValid()) return 'format';
  const countryCallingCode = `+${phone.countryCallingCode}`;
  if (given !== undefined && compact.startsWith('+') && countryCallingCode !== given) return 'prefix_mismatch';
  if (!MOBILE_TYPES.has(phone.getType() ?? '')) return 'not_mobile';
  return { nationalNumber: phone.nationalNumber, countryCallingCode };
}

export function isMobilePhone(result: MobilePhone | MobilePhoneProblem): result is MobilePhone {
  return typeof result === 'object';
}
