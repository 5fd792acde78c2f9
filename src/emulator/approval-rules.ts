/** The fields of a request approval, and the extra ones required when Soisy asked for additional data. */
import type { Limits } from './config.js';
import { messages } from './messages.js';
import { FieldReader, patterns } from './validation.js';

export const CITIZENSHIPS = ['italian', 'eu', 'outside_eu'] as const;
export const RESIDENCES = ['rent', 'home_ownership', 'home_ownership_mortgage', 'home_business', 'with_relatives'] as const;
export const QUALIFICATIONS = ['middle_school', 'diploma', 'graduation', 'master', 'doctorate'] as const;
export const CHILDREN = ['0', '1', '2', '3', '4', '5+'] as const;
export const SALARY_TYPES = ['net-monthly', 'gross-yearly'] as const;

export interface ApprovalInput {
  amount: number;
  instalments: number;
  loanFinality: string;
  email: string;
  lastname: string;
  firstname: string;
  mobilePhone: string;
  countryCallingCode: string;
  city: string;
  province: string;
  address: string;
  streetNumber: string;
  postalCode: string;
  citizenship: string;
  zeroInterestRate: boolean | undefined;
  orderToken: string;
}

/** Undefined when a field is missing or wrong; the reader then holds the field errors. */
export function readApproval(input: FieldReader, limits: Limits): ApprovalInput | undefined {
  const required = { required: true };
  const values = {
    amount: input.integer('amount', { required: true, min: limits.minAmount, max: limits.maxAmount }),
    instalments: input.integer('instalments', {
      required: true, min: limits.minInstalments, max: limits.maxInstalments,
      rangeMessage: messages.instalments(limits.minInstalments, limits.maxInstalments),
    }),
    // Documented as required with one possible value: a client that leaves it out means that value.
    loanFinality: input.string('loanFinality') ?? 'ecommerce_shop',
    email: input.string('email', { required: true, pattern: patterns.email, message: messages.email }),
    lastname: input.string('lastname', required),
    firstname: input.string('firstname', required),
    mobilePhone: input.string('mobilePhone', required),
    countryCallingCode: input.string('countryCallingCode', { pattern: patterns.callingCode }) ?? '+39',
    city: input.string('city', required),
    province: input.string('province', { required: true, pattern: patterns.province }),
    address: input.string('address', required),
    streetNumber: input.string('streetNumber', required),
    postalCode: input.string('postalCode', { required: true, pattern: patterns.postalCode }),
    citizenship: input.choice('citizenship', CITIZENSHIPS, required),
    zeroInterestRate: input.boolean('zeroInterestRate'),
    orderToken: input.string('orderToken', required),
  };
  return input.valid ? (values as ApprovalInput) : undefined;
}

export function readAdditionalData(input: FieldReader): void {
  const required = { required: true };
  input.choice('residence', RESIDENCES, required);
  input.string('residenceStartDate', { required: true, pattern: patterns.monthYear, message: messages.monthYear });
  input.choice('educationalQualification', QUALIFICATIONS, required);
  input.choice('children', CHILDREN, required);
  input.choice('salaryType', SALARY_TYPES, required);
  input.integer('salary', { required: true, min: 0 });
}
