/** class-validator decorators for Italian identifiers and dates. */
export { IsCodiceFiscale, isValidCodiceFiscale, codiceFiscaleCheckCharacter } from './codice-fiscale.js';
export { IsPartitaIva, isValidPartitaIva } from './partita-iva.js';
export { IsMonthYear, parseMonthYear, currentItalianMonth, setMonthYearClock, type MonthYear, type MonthYearBounds } from './month-year.js';
