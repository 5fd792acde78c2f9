/**
 * The sigle (two-letter codes) of Italy's 107 provinces, metropolitan cities, free municipal
 * consortia (Sicily), regional decentralisation bodies (Friuli Venezia Giulia) and of Valle
 * d'Aosta, which Italian addresses and Soisy's `province` field use.
 *
 * Source: ISTAT, "Codici statistici delle unità amministrative territoriali" (the province list),
 * which matches ISO 3166-2:IT; in force since the Sardinian reorganisation of 2016–2017 that created
 * Sud Sardegna (SU) and ended Carbonia-Iglesias (CI), Medio Campidano (VS), Ogliastra (OG) and
 * Olbia-Tempio (OT). Written down on 2026-11-29. Sardinia's regional law 9/2023 plans new
 * provinces there: when ISTAT lists them, add their sigle here (and this date).
 */
export const PROVINCE_SIGLE: readonly string[] = [
  // Piemonte
  'AL', 'AT', 'BI', 'CN', 'NO', 'TO', 'VB', 'VC',
  // Valle d'Aosta
  'AO',
  // Lombardia
  'BG', 'BS', 'CO', 'CR', 'LC', 'LO', 'MB', 'MI', 'MN', 'PV', 'SO', 'VA',
  // Trentino-Alto Adige
  'BZ', 'TN',
  // Veneto
  'BL', 'PD', 'RO', 'TV', 'VE', 'VI', 'VR',
  // Friuli Venezia Giulia
  'GO', 'PN', 'TS', 'UD',
  // Liguria
  'GE', 'IM', 'SP', 'SV',
  // Emilia-Romagna
  'BO', 'FC', 'FE', 'MO', 'PC', 'PR', 'RA', 'RE', 'RN',
  // Toscana
  'AR', 'FI', 'GR', 'LI', 'LU', 'MS', 'PI', 'PO', 'PT', 'SI',
  // Umbria
  'PG', 'TR',
  // Marche
  'AN', 'AP', 'FM', 'MC', 'PU',
  // Lazio
  'FR', 'LT', 'RI', 'RM', 'VT',
  // Abruzzo
  'AQ', 'CH', 'PE', 'TE',
  // Molise
  'CB', 'IS',
  // Campania
  'AV', 'BN', 'CE', 'NA', 'SA',
  // Puglia
  'BA', 'BR', 'BT', 'FG', 'LE', 'TA',
  // Basilicata
  'MT', 'PZ',
  // Calabria
  'CS', 'CZ', 'KR', 'RC', 'VV',
  // Sicilia
  'AG', 'CL', 'CT', 'EN', 'ME', 'PA', 'RG', 'SR', 'TP',
  // Sardegna
  'CA', 'NU', 'OR', 'SS', 'SU',
];
