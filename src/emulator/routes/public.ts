/** Loan quotes and shop info: called by storefront widgets from browsers, so no token. */
import type { FastifyInstance } from 'fastify';
import { apiRoute } from '../api-route.js';
import { shopLimits } from '../config.js';
import type { EmulatorContext } from '../context.js';
import { asBoolean, asInteger, INVALID } from '../input.js';
import { domainError, domainErrors } from '../messages.js';
import { quoteTiers } from '../quotes.js';

const shopNotFound = { status: 404, body: domainError(domainErrors.shopNotFound) };
const invalidData = { status: 400, body: domainError(domainErrors.invalidData) };

export function registerPublicRoutes(app: FastifyInstance, context: EmulatorContext): void {
  apiRoute(app, context, {
    method: 'GET',
    url: '/shops/:shopId/loan-quotes',
    public: true,
    handle: ({ shop, fields }) => {
      if (!shop) return shopNotFound;
      const limits = shopLimits(context.options, shop);
      const amount = asInteger(fields.amount);
      const instalments = asInteger(fields.instalments);
      const zeroInterestRate = asBoolean(fields.zeroInterestRate);
      if (amount === undefined || amount === INVALID || amount < limits.minAmount || amount > limits.maxAmount) return invalidData;
      if (instalments === undefined || instalments === INVALID) return invalidData;
      if (instalments < limits.minInstalments || instalments > limits.maxInstalments) return invalidData;
      if (zeroInterestRate === INVALID) return invalidData;
      return { status: 200, body: quoteTiers(amount, instalments, zeroInterestRate ?? shop.zeroInterestRate) };
    },
  });

  apiRoute(app, context, {
    method: 'GET',
    url: '/shops/:shopId',
    public: true,
    handle: ({ shop }) => {
      if (!shop) return shopNotFound;
      const limits = shopLimits(context.options, shop);
      return {
        status: 200,
        body: { active: shop.active, maxLoanInstalmentsNumber: limits.maxInstalments, zeroInterestRate: shop.zeroInterestRate },
      };
    },
  });
}
