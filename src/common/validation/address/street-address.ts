import { type ValidationArguments, type ValidationOptions, registerDecorator } from 'class-validator';

/**
 * Soisy's forms take the street (`address`) and the civic number (`streetNumber` at approval,
 * `civicNumber` at order creation) apart. Italian streets often carry numbers of their own: dates
 * ("Via 20 Settembre", "Piazza 1° Maggio", "Corso 22 Marzo") and roads ("Strada Statale 16
 * Adriatica", "SS 16"), so digits are fine. Refused is only what breaks Soisy's form:
 * - a comma: Soisy splits on it, and it means a civic number or a locality was appended;
 * - a civic number glued at the end ("Via Roma 12", "Via Roma n. 12/B") while the civic-number
 *   field is empty: the shopper meant it as the civic number. Roads numbered at the end
 *   ("Strada Statale 16", "S.P. 35") are not civic numbers.
 */
export type StreetProblem = 'comma' | 'no_street' | 'civic_number_glued';

// A civic number at the end, optionally introduced by n., nr., n°, num. or civico: 12, 12B, 12/B, 12-14, 12 bis.
const TRAILING_CIVIC = /\s(?:n[°.r]?\.?|num\.?|civico)?\s*\d{1,5}(?:\s*[/-]?\s*(?:bis|ter|[a-z]|\d{1,4}))?$/i;
// Roads named by their number: Strada Statale 16, S.S. 16, SP 35, Traversa 2, km 12.
const NUMBERED_ROAD = /(?:\b(?:strada|statale|provinciale|regionale|comunale|vicinale|traversa|km)|(?:^|\s)s\.?\s?[sprc]\.?)\s*\d{1,5}[a-z]?$/i;

export function streetProblem(street: string, civicNumber: unknown): StreetProblem | undefined {
  if (street.includes(',')) return 'comma';
  if (!/\p{L}/u.test(street)) return 'no_street';
  const civicEmpty = typeof civicNumber !== 'string' || civicNumber.trim() === '';
  if (civicEmpty && TRAILING_CIVIC.test(street) && !NUMBERED_ROAD.test(street)) return 'civic_number_glued';
  return undefined;
}

/** On the street field; `civicNumberField` names the DTO's civic-number field, for the rule and the message. */
export function IsStreet(civicNumberField: string, options?: ValidationOptions): PropertyDecorator {
  const messages: Record<StreetProblem, string> = {
    comma: `$property must be the street only, without commas: put the civic number in ${civicNumberField}`,
    no_street: '$property must name the street, e.g. Via Roma',
    civic_number_glued: `$property ends with a civic number: put it in ${civicNumberField} and the street alone in $property (e.g. Via Roma and 12)`,
  };
  const problemOf = (args?: ValidationArguments) =>
    typeof args?.value === 'string' ? streetProblem(args.value, (args.object as Record<string, unknown>)[civicNumberField]) : 'no_street';
  return (target, propertyName) =>
    registerDecorator({
      name: 'isStreet',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => typeof value === 'string' && problemOf(args) === undefined,
        defaultMessage: (args?: ValidationArguments) => messages[problemOf(args) ?? 'no_street'],
      },
    });
}
