import type { ApprovalInput, LoanRequestInput } from './soisy-request.types.js';
import type { Cents, CreateOrderInput, LoanQuoteQuery } from './soisy.types.js';

/**
 * The one place that knows how Soisy spells each field, call by call, in both directions:
 * our names → Soisy's for requests, Soisy's error keys → ours for 400 field errors.
 * Soisy's own pages disagree (`instalments` vs `installments`, `civicNumber` vs `streetNumber`);
 * each call sends the spelling its source page documents (see SOISY_API.md).
 */

export type WireBody = Record<string, string | number | boolean>;
/** Soisy's error key → the gateway caller's field name. Keys not listed are passed through. */
export type ErrorKeyMap = Readonly<Record<string, string>>;

export function quotesQuery(query: LoanQuoteQuery): WireBody {
  return compact({
    amount: cents(query.amountCents),
    instalments: query.instalments,
    zeroInterestRate: query.zeroInterestRate,
  });
}

export const QUOTES_ERROR_KEYS: ErrorKeyMap = {
  amount: 'amountCents',
  instalments: 'instalments',
  installments: 'instalments',
  zeroInterestRate: 'zeroInterestRate',
};

export function createOrderBody(input: CreateOrderInput): WireBody {
  const customer = input.customer ?? {};
  return compact({
    amount: cents(input.amountCents),
    instalments: input.instalments,
    orderReference: input.orderReference,
    successUrl: input.successUrl,
    errorUrl: input.errorUrl,
    callbackUrl: input.callbackUrl,
    zeroInterestRate: input.zeroInterestRate,
    email: customer.email,
    firstname: customer.firstname,
    lastname: customer.lastname,
    fiscalCode: customer.fiscalCode,
    mobilePhone: customer.mobilePhone,
    countryCallingCode: customer.countryCallingCode,
    address: customer.address,
    civicNumber: customer.civicNumber,
    city: customer.city,
    province: customer.province,
    postalCode: customer.postalCode,
  });
}

const CUSTOMER_FIELDS = ['email', 'firstname', 'lastname', 'fiscalCode', 'mobilePhone', 'countryCallingCode', 'address', 'city', 'province', 'postalCode'];
export const CREATE_ORDER_ERROR_KEYS: ErrorKeyMap = {
  ...QUOTES_ERROR_KEYS,
  ...Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, `customer.${field}`])),
  civicNumber: 'customer.civicNumber',
  streetNumber: 'customer.civicNumber',
};

export function loanRequestBody(input: LoanRequestInput): WireBody {
  return compact({
    amount: cents(input.amountCents),
    installments: input.instalments,
    privacy: input.privacy,
    marketing: input.marketing,
    fiscalCode: input.fiscalCode,
    jobDescription: input.jobDescription,
    actualJobEndingDate: input.actualJobEndingDate,
    vatId: input.vatId,
    vatCountry: input.vatCountry,
    zeroInterestRate: input.zeroInterestRate,
  });
}

export const LOAN_REQUEST_ERROR_KEYS: ErrorKeyMap = { amount: 'amountCents', instalments: 'instalments', installments: 'instalments' };

export function approvalBody(input: ApprovalInput): WireBody {
  const additional = input.additional;
  return compact({
    amount: cents(input.amountCents),
    installments: input.instalments,
    loanFinality: 'ecommerce_shop',
    orderToken: input.orderToken,
    email: input.email,
    firstname: input.firstname,
    lastname: input.lastname,
    mobilePhone: input.mobilePhone,
    countryCallingCode: input.countryCallingCode,
    address: input.address,
    streetNumber: input.streetNumber,
    city: input.city,
    province: input.province,
    postalCode: input.postalCode,
    citizenship: input.citizenship,
    zeroInterestRate: input.zeroInterestRate,
    residence: additional?.residence,
    residenceStartDate: additional?.residenceStartDate,
    educationalQualification: additional?.educationalQualification,
    children: additional?.children,
    salaryType: additional?.salaryType,
    salary: additional?.salary,
  });
}

const ADDITIONAL_FIELDS = ['residence', 'residenceStartDate', 'educationalQualification', 'children', 'salaryType', 'salary'];
export const APPROVAL_ERROR_KEYS: ErrorKeyMap = {
  ...LOAN_REQUEST_ERROR_KEYS,
  civicNumber: 'streetNumber',
  streetNumber: 'streetNumber',
  ...Object.fromEntries(ADDITIONAL_FIELDS.map((field) => [field, `additional.${field}`])),
};

export function matchTriggerBody(amountCents: Cents): WireBody {
  return { amount: cents(amountCents) };
}

export const MATCH_TRIGGER_ERROR_KEYS: ErrorKeyMap = { amount: 'amountCents' };

/** Absent optional fields are omitted rather than sent empty, so Soisy applies its own defaults. */
function compact(fields: Record<string, string | number | boolean | undefined>): WireBody {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as WireBody;
}

/** A float or negative amount reaching Soisy would be a money bug: refuse it before it leaves. */
function cents(value: Cents): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new TypeError('An amount must be a whole, non-negative number of cents.');
  return value;
}
