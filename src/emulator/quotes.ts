/**
 * Deterministic loan quotes. Soisy prices each shopper individually; the emulator uses a fixed
 * rate table so that tests can predict every figure. See README.md § Rate table.
 */
export interface Quote {
  fee: number;
  interest: number;
  /** TAN, % per year. */
  interestRate: number;
  totalRepaid: number;
  /** TAEG, % per year. */
  apr: number;
  instalmentAmount: number;
}

export type Tier = 'min' | 'median' | 'max';

/** TAN (% per year) of each tier; `zeroInterestRate` makes every tier 0 % to the shopper. */
export const RATE_TABLE: Record<Tier, number> = { min: 5.9, median: 9.9, max: 13.9 };

/** Share of the amount the merchant pays Soisy; the zero-rate option costs the merchant more. */
export const MERCHANT_FEE = { standard: 0.02, zeroInterestRate: 0.05 };

function annuityInstalment(amount: number, monthlyRate: number, instalments: number): number {
  if (monthlyRate === 0) return amount / instalments;
  return (amount * monthlyRate) / (1 - Math.pow(1 + monthlyRate, -instalments));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function quote(amount: number, instalments: number, tan: number): Quote {
  if (tan === 0) {
    return { fee: 0, interest: 0, interestRate: 0, totalRepaid: amount, apr: 0, instalmentAmount: Math.ceil(amount / instalments) };
  }
  const instalmentAmount = Math.round(annuityInstalment(amount, tan / 100 / 12, instalments));
  const totalRepaid = instalmentAmount * instalments;
  // With no fee the TAEG is the TAN compounded monthly.
  const apr = (Math.pow(1 + tan / 100 / 12, 12) - 1) * 100;
  return { fee: 0, interest: totalRepaid - amount, interestRate: tan, totalRepaid, apr: round2(apr), instalmentAmount };
}

export function quoteTiers(amount: number, instalments: number, zeroInterestRate: boolean): Record<Tier, Quote> {
  const tan = (tier: Tier) => (zeroInterestRate ? 0 : RATE_TABLE[tier]);
  return {
    min: quote(amount, instalments, tan('min')),
    median: quote(amount, instalments, tan('median')),
    max: quote(amount, instalments, tan('max')),
  };
}

export function netAmount(amount: number, zeroInterestRate: boolean): number {
  const share = zeroInterestRate ? MERCHANT_FEE.zeroInterestRate : MERCHANT_FEE.standard;
  return amount - Math.round(amount * share);
}
