import { type ValidationArguments, type ValidationOptions, registerDecorator } from 'class-validator';

/**
 * Soisy's forms take the street (`address`) and the civic number (`streetNumber` at approval,
 * `civicNumber` at order creation) apart. Italian streets often carry numbers of their own: dates
 * ("Via 20 Settembre", "Piazza 1° Maggio", "Corso 22 Marzo") and roads ("Strada Statale 16
 * Adriatica", "SS 16"), so digits are fine. Refused is only what breaks Soisy's form:
 * - a comma: Soisy splits on it, and it means a civic number or a locality was appended;
 * - a civic number glued at the end ("Via Roma 12", "Via Roma n. 12/B") while the civic-number
 *   field is empty: the shopper meant it as the civic number. Roads numbered at the end
 *   ("Strada Statale 16", "S.P. 35") are not civic numbers;
 * - the same civic number in both fields ("Via Roma 12" and 12): Soisy would print it twice.
 */
export type StreetProblem = 'comma' | 'no_street' | 'civic_number_glued' | 'civic_number_repeated';

// A civic number at the end, optionally introduced by n., nr., n°, num. or civico: 12, 12B, 12/B, 12-14, 12 bis.
const TRAILING_CIVIC = /\s(?:n[°.r]?\.?|num\.?|civico)?\s*\d{1,5}(?:\s*[/-]?\s*(?:bis|ter|[a-z]|\d{1,4}))?$/i;
// Roads named by their number: Strada Statale 16, S.S. 16, SP 35, Traversa 2, km 12.
const NUMBERED_ROAD = /(?:\b(?:strada|statale|provinciale|regionale|comunale|vicinale|traversa|km)|(?:^|\s)s\.?\s?[sprc]\.?)\s*\d{1,5}[a-z]?$/i;

export function streetProblem(street: string, civicNumber: unknown): StreetProblem | undefined {
  if (street.includes(',')) return 'comma';
  if (!/\p{L}/u.test(street)) return 'no_street';
  const civicEmpty = typeof civicNumber !== 'string' || civicNumber.trim() === '';
  const trailing = NUMBERED_ROAD.test(street) ? undefined : TRAILING_CIVIC.exec(street)?.[0];
  if (trailing === undefined) return undefined;
  if (civicEmpty) return 'civic_number_glued';
  if (bareCivic(trailing) === bareCivic(civicNumber as string)) return 'civic_number_repeated';
  return undefined;
}

/** "n. 12/B" → "12/b": the number as written, without its introducing word, spaces or case. */
function bareCivic(civic: string): string {
  return civic.trim().replace(/^(?:n[°.r]?\.?|num\.?|civico)\s*/i, '').replace(/\s+/g, '').toLowerCase();
}

/** On the street field; `civicNumberField` names the DTO's civic-number field, for the rule and the message. */
export function IsStreet(civicNumberField: string, options?: ValidationOptions): PropertyDecorator {
  const messages: Record<StreetProblem, string> = {
    comma: `$property must be the street only, without commas: put the civic number in ${civicNumberField}`,
    no_street: '$property must name the street, e.g. Via Roma',
    civic_number_glued: `$property ends with a civic number: put it in ${civicNumberField} and the street alone in $property (e.g. Via Roma and 12)`,
    civic_number_repeated: `$property repeats the civic number given in ${civicNumberField}: leave it out of $property (e.g. Via Roma and 12)`,
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
