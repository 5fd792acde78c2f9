/**
 * Soisy's validation messages. Its API answers in Italian (Symfony's Italian translations plus its
 * own texts); domain errors and the 403/500 bodies are in English, as its documentation shows them.
 */
export const messages = {
  notBlank: 'Questo valore non dovrebbe essere vuoto.',
  range: (min: number, max: number) => `Questo valore dovrebbe essere compreso tra ${min} e ${max}.`,
  instalments: (min: number, max: number) => `Il numero di rate deve essere compreso fra ${min} e ${max}`,
  integer: 'Questo valore dovrebbe essere di tipo integer.',
  boolean: 'Questo valore dovrebbe essere di tipo bool.',
  mustBeTrue: 'Questo valore dovrebbe essere uguale a "true".',
  choice: 'Il valore selezionato non è una scelta valida.',
  email: 'Questo valore non è un indirizzo email valido.',
  fiscalCode: 'Codice fiscale non valido',
  exactLength: (length: number) => `Questo valore dovrebbe contenere esattamente ${length} caratteri.`,
  invalid: 'Questo valore non è valido.',
  vatIdNotString: 'La partita IVA deve essere una stringa',
  vatCountryNotString: 'Il codice paese della partita IVA deve essere una stringa',
  vatCountryInvalid: 'Il codice paese della partita IVA non è valido',
  vatIdInvalid: 'La partita IVA non è valida per il paese',
  monthYear: 'Formato data non valido. Il formato corretto è il seguente: MM/YYYY',
} as const;

export const domainErrors = {
  userNotFound: 'User not found',
  alreadyEvaluated: 'User already evaluated for approval',
  salesPointCannotApply: 'This sales point cannot apply for a loan',
  invalidData: 'Invalid data.',
  orderNotFound: 'Order not found',
  shopNotFound: 'Shop not found',
  csvOnly: 'Only text/csv is available for the order list',
  requestAlreadyExists: 'A loan request for this fiscal code already exists',
} as const;

export const accessDenied = { error: 'Access denied' } as const;
export const systemError = { errors: { system: ['System error'] } } as const;

export function domainError(message: string): { errors: { domain: string[] } } {
  return { errors: { domain: [message] } };
}
