/** `POST /shops/{shopId}/orders`: every field optional; answers 200 `{token, redirectUrl}`. */
import type { FastifyInstance } from 'fastify';
import { apiRoute } from '../api-route.js';
import { shopLimits } from '../config.js';
import { type EmulatorContext, funnelUrl } from '../context.js';
import { isValidFiscalCode } from '../fiscal-code.js';
import { messages } from '../messages.js';
import type { Order } from '../state.js';
import { FieldReader, patterns } from '../validation.js';

export function registerCreateOrder(app: FastifyInstance, context: EmulatorContext): void {
  apiRoute(app, context, {
    method: 'POST',
    url: '/shops/:shopId/orders',
    handle: ({ shop: shopConfig, fields }) => {
      const limits = shopLimits(context.options, shopConfig);
      const input = new FieldReader(fields);
      const amount = input.integer('amount', { min: limits.minAmount, max: limits.maxAmount });
      const instalments = input.integer('instalments', {
        min: limits.minInstalments,
        max: limits.maxInstalments,
        rangeMessage: messages.instalments(limits.minInstalments, limits.maxInstalments),
      });
      const text = (field: string) => input.string(field) ?? null;
      const order: Omit<Order, 'token' | 'shopOrderId'> = {
        shopId: shopConfig.id,
        firstname: text('firstname'),
        lastname: text('lastname'),
        fiscalCode: input.string('fiscalCode', { message: messages.fiscalCode, check: (code) => isValidFiscalCode(code, context.options.fiscalCodeCheck) })?.toUpperCase() ?? null,
        vatId: input.string('vatId', { pattern: patterns.italianVatId, message: messages.vatIdInvalid }) ?? null,
        vatCountry: input.string('vatCountry', { pattern: patterns.vatCountry, message: messages.vatCountryInvalid }) ?? null,
        email: input.string('email', { pattern: patterns.email, message: messages.email }) ?? null,
        mobilePhone: text('mobilePhone'),
        countryCallingCode: input.string('countryCallingCode', { pattern: patterns.callingCode }) ?? '+39',
        address: {
          city: text('city'),
          province: input.string('province', { pattern: patterns.province }) ?? null,
          address: text('address'),
          civicNumber: text('civicNumber'),
          postalCode: input.string('postalCode', { pattern: patterns.postalCode }) ?? null,
        },
        loanFinality: 'ecommerce_shop',
        instalmentsNumber: instalments ?? null,
        instalmentsFixed: instalments !== undefined,
        loanAmount: amount ?? null,
        loanNetAmount: null,
        status: 'quote',
        zeroInterestRate: input.boolean('zeroInterestRate') ?? shopConfig.zeroInterestRate,
        errorUrl: text('errorUrl'),
        successUrl: text('successUrl'),
        callbackUrl: text('callbackUrl'),
        orderReference: text('orderReference'),
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        loanDisbursedAt: null,
        loanVerifiedAt: null,
        loanSignedAt: null,
        matchTriggers: [],
        funnelOutcome: null,
      };
      if (!input.valid) return { status: 400, body: { errors: input.errors } };
      const saved: Order = { ...order, ...context.state.newOrderIdentity() };
      context.state.orders.set(saved.token, saved);
      return { status: 200, body: { token: saved.token, redirectUrl: funnelUrl(context, shopConfig.id, saved.token) } };
    },
  });
}
