/** class-validator decorators and normalisers for Italian identifiers and dates. */
export { IsCodiceFiscale, isValidCodiceFiscale, codiceFiscaleCheckCharacter, normaliseCodiceFiscale } from './codice-fiscale.js';
export { IsPartitaIva, isValidPartitaIva, normalisePartitaIva } from './partita-iva.js';
export { IsItalianProvince, isItalianProvince, normaliseProvince } from './province.js';
export { IsMonthYear, parseMonthYear, currentItalianMonth, setMonthYearClock, type MonthYear, type MonthYearBounds } from './month-year.js';
