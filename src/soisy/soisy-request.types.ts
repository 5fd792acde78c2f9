import type { Cents, OrderToken } from './soisy.types.js';

/** Types of the "advanced" flow: loan request, then approval, keeping the shopper on the merchant's site. */

export const JOB_DESCRIPTIONS = [
  'student',
  'retired',
  'unemployed',
  'inheritance',
  'entrepreneur',
  'self_employed',
  'seasonal_worker',
  'freelance_professional',
  'employee_open_ended_contract',
  'employee_fixed_term_contract',
] as const;
export type JobDescription = (typeof JOB_DESCRIPTIONS)[number];

export const CITIZENSHIPS = ['italian', 'eu', 'outside_eu'] as const;
export type Citizenship = (typeof CITIZENSHIPS)[number];

export const RESIDENCES = ['rent', 'home_ownership', 'home_ownership_mortgage', 'home_business', 'with_relatives'] as const;
export type Residence = (typeof RESIDENCES)[number];

export const EDUCATIONAL_QUALIFICATIONS = ['middle_school', 'diploma', 'graduation', 'master', 'doctorate'] as const;
export type EducationalQualification = (typeof EDUCATIONAL_QUALIFICATIONS)[number];

export const CHILDREN = ['0', '1', '2', '3', '4', '5+'] as const;
export type Children = (typeof CHILDREN)[number];

export const SALARY_TYPES = ['net-monthly', 'gross-yearly'] as const;
export type SalaryType = (typeof SALARY_TYPES)[number];

export interface LoanRequestInput {
  amountCents: Cents;
  instalments: number;
  privacy: boolean;
  marketing?: boolean;
  fiscalCode: string;
  jobDescription: JobDescription;
  /** MM/YYYY; required by Soisy for a fixed-term contract. */
  actualJobEndingDate?: string;
  /** Required by Soisy for an entrepreneur, with `vatCountry`. */
  vatId?: string;
  vatCountry?: string;
  zeroInterestRate?: boolean;
}

export interface LoanRequestFigures {
  /** TAEG, percent. */
  apr: number;
  instalmentAmountCents: Cents;
  totalRepaymentCents: Cents;
  zeroInterestRate: boolean;
  /** When true, the approval must carry `additional`. */
  additionalDataNeeded: boolean;
}

export interface ApprovalAdditionalData {
  residence: Residence;
  /** MM/YYYY */
  residenceStartDate: string;
  educationalQualification: EducationalQualification;
  children: Children;
  salaryType: SalaryType;
  /** Whole euros, as Soisy asks (not cents). */
  salary: number;
}

export interface ApprovalInput {
  orderToken: OrderToken;
  amountCents: Cents;
  instalments: number;
  email: string;
  firstname: string;
  lastname: string;
  /** National number, without the prefix (that is `countryCallingCode`). */
  mobilePhone: string;
  countryCallingCode?: string;
  /** Street only: no commas, no civic number (digits in the street's name are fine). */
  address: string;
  streetNumber: string;
  city: string;
  province: string;
  postalCode: string;
  citizenship: Citizenship;
  zeroInterestRate?: boolean;
  additional?: ApprovalAdditionalData;
}

/** A refusal is a business outcome the merchant acts on (offer another payment method), not an error. */
export type ApprovalOutcome =
  | { approved: true; redirectUrl: string; netAmountCents: Cents; paymentDayOfMonth: number }
  | { approved: false };
