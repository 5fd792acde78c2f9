import { Injectable } from '@nestjs/common';
import { FieldError, ValidationFailed } from './errors/app-error.js';
import { AppConfig, OrderLimits } from '../config/app-config.js';

export interface LimitedFields {
  amount?: number;
  instalments?: number;
}

/**
 * The amount and instalment ranges come from configuration at run time, so they cannot be static
 * decorators. Every route checks them here, after the DTO's own validation and before any
 * database write or Soisy call.
 */
@Injectable()
export class OrderLimitsCheck {
  constructor(private readonly config: AppConfig) {}

  assert(fields: LimitedFields): void {
    const errors = limitErrors(this.config.limits, fields);
    if (errors.length > 0) throw new ValidationFailed(errors);
  }

  /** Whether `assert` would pass. */
  allows(fields: LimitedFields): boolean {
    return limitErrors(this.config.limits, fields).length === 0;
  }
}

export function limitErrors(limits: OrderLimits, { amount, instalments }: LimitedFields): FieldError[] {
  const errors: FieldError[] = [];
  if (amount !== undefined && (amount < limits.amountMinCents || amount > limits.amountMaxCents)) {
    errors.push({ field: 'amount', message: `amount must be between ${limits.amountMinCents} and ${limits.amountMaxCents} cents` });
  }
  if (instalments !== undefined && (instalments < limits.instalmentsMin || instalments > limits.instalmentsMax)) {
    errors.push({ field: 'instalments', message: `instalments must be between ${limits.instalmentsMin} and ${limits.instalmentsMax}` });
  }
  return errors;
}
