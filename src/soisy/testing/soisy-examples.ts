import type { ApprovalInput, LoanRequestInput } from '../soisy-request.types.js';
import type { CreateOrderInput } from '../soisy.types.js';

/** Inputs and Soisy answers shared by the gateway specs. */

export const ORDER_INPUT: CreateOrderInput = {
  amountCents: 120_000,
  instalments: 12,
  orderReference: 'ORD-1',
  callbackUrl: 'https://bff.example/v1/soisy/callbacks/s3cr3t',
  successUrl: 'https://shop.example/ok',
  customer: { email: 'mario@example.com', fiscalCode: 'RSSMRA85T10A562S', civicNumber: '12', address: 'Via Roma', province: 'MI' },
};

export const LOAN_REQUEST_INPUT: LoanRequestInput = {
  amountCents: 120_000,
  instalments: 12,
  privacy: true,
  fiscalCode: 'RSSMRA85T10A562S',
  jobDescription: 'employee_fixed_term_contract',
  actualJobEndingDate: '12/2030',
};

export const APPROVAL_INPUT: ApprovalInput = {
  orderToken: 'tok-order-1',
  amountCents: 120_000,
  instalments: 12,
  email: 'mario@example.com',
  firstname: 'Mario',
  lastname: 'Rossi',
  mobilePhone: '3491234567',
  address: 'Via Roma',
  streetNumber: '12',
  city: 'Milano',
  province: 'MI',
  postalCode: '20100',
  citizenship: 'italian',
  additional: { residence: 'rent', residenceStartDate: '01/2015', educationalQualification: 'diploma', children: '0', salaryType: 'net-monthly', salary: 1800 },
};

const QUOTE = { fee: 0, interest: 1_500, interestRate: 5.5, totalRepaid: 121_500, apr: 5.64, instalmentAmount: 10_125 };
export const QUOTES_REPLY = { min: QUOTE, median: QUOTE, max: QUOTE };

export const APPROVED_REPLY = {
  approved: true,
  redirectUrl: 'https://shop.sandbox.soisy.it/partnershop#/loan-request?token=tok-order-1',
  fiscalCode: 'RSSMRA85T10A562S',
  amount: 120_000,
  netAmount: 114_000,
  instalments: 12,
  paymentDayOfMonth: 15,
};
