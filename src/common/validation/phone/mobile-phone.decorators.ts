import { applyDecorators } from '@nestjs/common';
import { Expose, Transform } from 'class-transformer';
import { type ValidationArguments, type ValidationOptions, registerDecorator } from 'class-validator';
import { isMobilePhone, type MobilePhoneProblem, normaliseCallingCode, parseMobilePhone } from './mobile-phone.js';

/**
 * A DTO's `mobilePhone` and `countryCallingCode` are normalised together, from what the shopper
 * typed (class-transformer hands both transforms the raw request body): the phone becomes the
 * national number, the calling code the number's own. Validation then reads the normalised pair.
 */

const MESSAGES: Record<Exclude<MobilePhoneProblem, 'calling_code'>, string> = {
  format: '$property must be a mobile phone number, e.g. 333 1234567 or +39 333 1234567',
  not_mobile: '$property must be a mobile number (Soisy sends it a text message); this is a landline or service number',
  prefix_mismatch: '$property has an international prefix other than countryCallingCode: make them agree, or leave countryCallingCode out',
};

type Body = Record<string, unknown>;

/** On `mobilePhone`: stores the national number; refuses what is not a mobile number, saying why. */
export function MobilePhoneField(callingCodeField = 'countryCallingCode', options?: ValidationOptions): PropertyDecorator {
  const problemOf = (value: unknown, body: Body): Exclude<MobilePhoneProblem, 'calling_code'> | undefined => {
    const parsed = parseMobilePhone(value, body[callingCodeField]);
    return isMobilePhone(parsed) || parsed === 'calling_code' ? undefined : parsed;
  };
  return applyDecorators(
    Transform(({ value, obj }: { value: unknown; obj: Body }) => {
      const parsed = parseMobilePhone(value, obj[callingCodeField]);
      return isMobilePhone(parsed) ? parsed.nationalNumber : value;
    }),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isMobilePhone',
        target: target.constructor,
        propertyName: String(propertyName),
        options,
        validator: {
          // A bad countryCallingCode is reported on that field, once.
          validate: (value: unknown, args?: ValidationArguments) => problemOf(value, args?.object as Body) === undefined,
          defaultMessage: (args?: ValidationArguments) => MESSAGES[problemOf(args?.value, args?.object as Body) ?? 'format'],
        },
      }),
  );
}

/**
 * On `countryCallingCode`: the calling code of the number in `mobilePhone` (so `+41 79…` sends
 * `+41`), `+39` for an Italian number typed without one; refuses a code no country has.
 */
export function CountryCallingCodeField(phoneField = 'mobilePhone', options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    // Exposed so the transform runs, and the code is filled in, when the request leaves it out.
    Expose(),
    Transform(({ value, obj }: { value: unknown; obj: Body }) => {
      const parsed = parseMobilePhone(obj[phoneField], value);
      if (isMobilePhone(parsed)) return parsed.countryCallingCode;
      return normaliseCallingCode(value) ?? value;
    }),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isCountryCallingCode',
        target: target.constructor,
        propertyName: String(propertyName),
        options,
        validator: {
          validate: (value: unknown) => value === undefined || normaliseCallingCode(value) === value,
          defaultMessage: () => '$property must be a country calling code, e.g. +39',
        },
      }),
  );
}
