/**
 * `POST /shops/{shopId}/requests/{fiscalCode}`: Soisy evaluates the loan request once.
 * Sandbox rule: approved (201) up to the approval limit, refused (422, `approved: false`) above.
 */
import type { FastifyInstance } from 'fastify';
import { apiRoute } from '../api-route.js';
import { readAdditionalData, readApproval } from '../approval-rules.js';
import { shopLimits } from '../config.js';
import { type EmulatorContext, funnelUrl } from '../context.js';
import { emitEvent } from '../lifecycle.js';
import { domainError, domainErrors } from '../messages.js';
import { netAmount } from '../quotes.js';
import { FieldReader } from '../validation.js';

export function registerApproval(app: FastifyInstance, context: EmulatorContext): void {
  apiRoute(app, context, {
    method: 'POST',
    url: '/shops/:shopId/requests/:fiscalCode',
    aliases: { civicNumber: 'streetNumber', streetNumber: 'streetNumber' },
    handle: ({ shop, params, fields }) => {
      const request = context.state.findRequest(shop.id, params.fiscalCode);
      const reader = new FieldReader(fields);
      const input = readApproval(reader, shopLimits(context.options, shop));
      if (request?.additionalDataNeeded) readAdditionalData(reader);
      if (!input || !reader.valid) return { status: 400, body: { errors: reader.errors } };
      if (!request) return { status: 400, body: domainError(domainErrors.userNotFound) };
      if (request.approval) return { status: 400, body: domainError(domainErrors.alreadyEvaluated) };
      if (!shop.active) return { status: 400, body: domainError(domainErrors.salesPointCannotApply) };
      const order = context.state.findOrder(shop.id, input.orderToken);
      if (!order) return { status: 404, body: domainError(domainErrors.orderNotFound) };

      const approved = input.amount <= context.options.approvalLimit;
      const zeroInterestRate = input.zeroInterestRate ?? request.zeroInterestRate;
      const net = netAmount(input.amount, zeroInterestRate);
      Object.assign(order, {
        firstname: input.firstname, lastname: input.lastname, email: input.email, mobilePhone: input.mobilePhone,
        fiscalCode: request.fiscalCode, loanFinality: input.loanFinality, loanAmount: input.amount,
        instalmentsNumber: input.instalments, zeroInterestRate, loanNetAmount: net,
        address: { city: input.city, province: input.province, address: input.address, civicNumber: input.streetNumber, postalCode: input.postalCode },
      });
      request.approval = { approved, orderToken: order.token, at: new Date().toISOString() };
      emitEvent(context, order, approved ? 'LoanWasApproved' : 'UserWasRejected');

      const body = {
        approved,
        redirectUrl: funnelUrl(context, shop.id, order.token),
        approvalMessageApiFull: approved ? 'Congratulations, your monthly payment has been approved.' : '',
        approvalMessageApiSemiFull: approved ? "Congratulations, your monthly payment has been approved. We've sent you an email with the instructions to complete your payment." : '',
        email: input.email, lastname: input.lastname, firstname: input.firstname, fiscalCode: request.fiscalCode,
        mobilePhone: input.mobilePhone, city: input.city, address: input.address, province: input.province,
        postalCode: input.postalCode, streetNumber: input.streetNumber, citizenship: input.citizenship,
        amount: input.amount, netAmount: net, instalments: input.instalments, zeroInterestRate,
        orderToken: order.token, paymentDayOfMonth: context.options.paymentDayOfMonth,
      };
      return { status: approved ? 201 : 422, body };
    },
  });
}
