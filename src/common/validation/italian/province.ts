import { type ValidationOptions, registerDecorator } from 'class-validator';
import { PROVINCE_SIGLE } from './province-sigle.js';

const SIGLE = new Set(PROVINCE_SIGLE);

/** `mi `, `Mi` → `MI`: the spelling Soisy requires (two upper-case letters). */
export function normaliseProvince(text: string): string {
  return text.trim().toUpperCase();
}

/** One of the current Italian province sigle (see province-sigle.ts), already normalised. */
export function isItalianProvince(value: unknown): boolean {
  return typeof value === 'string' && SIGLE.has(value);
}

export function IsItalianProvince(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isItalianProvince',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => isItalianProvince(value),
        defaultMessage: () => '$property must be the two-letter code (sigla) of an Italian province, e.g. MI or RM',
      },
    });
}
