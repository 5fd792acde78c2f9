import { Transform } from 'class-transformer';

/**
 * Normalisation at the edge, before validation: what a shopper's browser or autofill adds around a
 * value (spaces, case) is removed when the meaning cannot change. Non-strings pass through
 * untouched, so validation still refuses them with its own message.
 */

type Normaliser = (text: string) => string;

function whenString(normalise: Normaliser): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalise(value) : value));
}

export const trimmed: Normaliser = (text) => text.trim();
export const upperCased: Normaliser = (text) => text.trim().toUpperCase();
/** Domains are case-insensitive, the local part is not (RFC 5321 § 2.4): only the domain is lower-cased. */
export const normalisedEmail: Normaliser = (text) => text.trim().replace(/@[^@]*$/, (domain) => domain.toLowerCase());

/** Spaces around removed: names, cities, streets, civic numbers, CAP. */
export const Trim = (): PropertyDecorator => whenString(trimmed);
/** Spaces around removed and upper-cased: country codes, province sigle. */
export const UpperCase = (): PropertyDecorator => whenString(upperCased);
export const NormaliseEmail = (): PropertyDecorator => whenString(normalisedEmail);
/** Applies one identifier's own normaliser (e.g. `normaliseCodiceFiscale`). */
export const Normalise = (normalise: Normaliser): PropertyDecorator => whenString(normalise);
