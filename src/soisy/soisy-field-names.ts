import { AppError } from '../common/errors/app-error.js';

/**
 * The gateway names Soisy's field errors after its own input (`amountCents`,
 * `additional.residence`); the merchant sent our DTO's names. Renames them, leaving others as is.
 */
export function withFieldNames(error: unknown, names: Readonly<Record<string, string>>): unknown {
  if (!(error instanceof AppError) || error.fieldErrors.length === 0) return error;
  const fieldErrors = error.fieldErrors.map((fieldError) => ({ ...fieldError, field: names[fieldError.field] ?? fieldError.field }));
  return new AppError(error.kind, error.code, error.detail, error.extensions, fieldErrors);
}

export const GATEWAY_FIELD_NAMES = {
  amountCents: 'amount',
  'additional.residence': 'residence',
  'additional.residenceStartDate': 'residenceStartDate',
  'additional.educationalQualification': 'educationalQualification',
  'additional.children': 'children',
  'additional.salaryType': 'salaryType',
  'additional.salary': 'salary',
} as const;
