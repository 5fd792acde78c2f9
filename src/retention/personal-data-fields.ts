/**
 * What counts as personal data in stored JSON (event data, received callbacks): the shopper fields
 * of the storefront's requests (create order's customer, loan request, approval), wherever they
 * appear, and free-text fields (notes, reasons, messages) unless their value is a code.
 */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  'fiscalCode', 'email', 'firstname', 'lastname', 'mobilePhone', 'phone', 'countryCallingCode', 'address', 'streetNumber',
  'civicNumber', 'city', 'province', 'postalCode', 'citizenship', 'residence', 'residenceStartDate', 'educationalQualification',
  'children', 'salaryType', 'salary', 'vatId', 'vatCountry', 'jobDescription', 'actualJobEndingDate', 'birthDate', 'customer',
  'successUrl', 'errorUrl', 'callbackUrl',
]);

const FREE_TEXT_KEYS: ReadonlySet<string> = new Set(['note', 'reason', 'message', 'eventMessage', 'comment', 'description']);

/** A code such as `attempts_exhausted` or `SOISY.TIMEOUT`: kept, it says what happened without saying who. */
const CODE = /^[A-Za-z0-9_.:-]{1,64}$/;

export const ERASED = '[erased]';

/**
 * `value` with every personal field's value replaced by "[erased]" (keys kept, so the history still
 * says a field was there), at any depth. Answers the same reference when nothing was personal.
 */
export function withoutPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withoutPersonalData);
    return items.every((item, index) => item === value[index]) ? value : items;
  }
  if (value === null || typeof value !== 'object') return value;
  let changed = false;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = erasedField(key, field);
    if (copy[key] !== field) changed = true;
  }
  return changed ? copy : value;
}

function erasedField(key: string, field: unknown): unknown {
  if (field === null || field === undefined || field === ERASED) return field;
  if (PERSONAL_KEYS.has(key)) return ERASED;
  if (FREE_TEXT_KEYS.has(key) && !(typeof field === 'string' && CODE.test(field))) return ERASED;
  return withoutPersonalData(field);
}

/** The fields of a Soisy callback that carry no personal data; the rest (eventMessage, anything Soisy adds) is erased. */
export const CALLBACK_KEPT_FIELDS: ReadonlySet<string> = new Set(['eventId', 'eventDate', 'orderToken', 'orderReference', 'amount']);

export function callbackWithoutPersonalData(payload: unknown): unknown {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const entries = Object.entries(payload).map(([key, field]) => [key, CALLBACK_KEPT_FIELDS.has(key) || field === null || field === '' ? field : ERASED]);
  const copy = Object.fromEntries(entries);
  return entries.every(([key, field]) => field === (payload as Record<string, unknown>)[key as string]) ? payload : copy;
}
