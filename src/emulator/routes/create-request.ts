/** `POST /shops/{shopId}/requests`: the shopper's loan request, one per fiscal code. Answers 201. */
import type { FastifyInstance } from 'fastify';
import { apiRoute } from '../api-route.js';
import { shopLimits } from '../config.js';
import type { EmulatorContext } from '../context.js';
import { isValidFiscalCode } from '../fiscal-code.js';
import { domainError, domainErrors, messages } from '../messages.js';
import { quoteTiers } from '../quotes.js';
import { FieldReader, patterns } from '../validation.js';

export const JOB_DESCRIPTIONS = [
  'student', 'retired', 'unemployed', 'inheritance', 'entrepreneur', 'self_employed', 'seasonal_worker',
  'freelance_professional', 'employee_open_ended_contract', 'employee_fixed_term_contract',
] as const;

export function registerCreateRequest(app: FastifyInstance, context: EmulatorContext): void {
  apiRoute(app, context, {
    method: 'POST',
    url: '/shops/:shopId/requests',
    handle: ({ shop, fields }) => {
      const limits = shopLimits(context.options, shop);
      const input = new FieldReader(fields);
      const amount = input.integer('amount', { required: true, min: limits.minAmount, max: limits.maxAmount });
      const instalments = input.integer('instalments', {
        required: true, min: limits.minInstalments, max: limits.maxInstalments,
        rangeMessage: messages.instalments(limits.minInstalments, limits.maxInstalments),
      });
      if (input.boolean('privacy') !== true && !input.errors.privacy) input.fail('privacy', messages.mustBeTrue);
      input.boolean('marketing');
      const fiscalCode = input.string('fiscalCode', {
        required: true, message: messages.fiscalCode, check: (code) => isValidFiscalCode(code, context.options.fiscalCodeCheck),
      })?.toUpperCase();
      const job = input.choice('jobDescription', JOB_DESCRIPTIONS, { required: true });
      input.string('actualJobEndingDate', { required: job === 'employee_fixed_term_contract', pattern: patterns.monthYear, message: messages.monthYear });
      const vatCountry = input.string('vatCountry', { required: job === 'entrepreneur', pattern: patterns.vatCountry, message: messages.vatCountryInvalid });
      // Partite IVA are checked by shape for Italy (also when the country is missing or wrong), loosely elsewhere.
      const vatIdPattern = vatCountry === undefined || vatCountry === 'IT' ? patterns.italianVatId : /^[A-Z0-9]{2,13}$/;
      input.string('vatId', { required: job === 'entrepreneur', pattern: vatIdPattern, message: messages.vatIdInvalid });
      const zeroInterestRate = input.boolean('zeroInterestRate');
      const orderToken = input.string('orderToken');
      if (!input.valid || amount === undefined || instalments === undefined || fiscalCode === undefined) {
        return { status: 400, body: { errors: input.errors } };
      }

      // Not documented: a request may name its order; the emulator then advances that order.
      const order = orderToken === undefined ? undefined : context.state.findOrder(shop.id, orderToken);
      if (orderToken !== undefined && !order) return { status: 404, body: domainError(domainErrors.orderNotFound) };
      const existing = context.state.findRequest(shop.id, fiscalCode);
      if (existing) {
        const reason = existing.approval ? domainErrors.alreadyEvaluated : domainErrors.requestAlreadyExists;
        return { status: 409, body: { errors: reason } };
      }

      const zero = zeroInterestRate ?? order?.zeroInterestRate ?? shop.zeroInterestRate;
      const offer = quoteTiers(amount, instalments, zero).median;
      const additionalDataNeeded = amount > context.options.additionalDataThreshold;
      context.state.saveRequest({
        shopId: shop.id, fiscalCode, amount, instalments, zeroInterestRate: zero, additionalDataNeeded,
        fields, createdAt: new Date().toISOString(), approval: null,
      });
      if (order?.status === 'quote') {
        order.status = 'request_received';
        context.state.touch(order);
      }
      const body = { apr: offer.apr, fiscalCode, totalRepayment: offer.totalRepaid, instalmentAmount: offer.instalmentAmount, zeroInterestRate: zero, additionalDataNeeded };
      return { status: 201, body };
    },
  });
}
