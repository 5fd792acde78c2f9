import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblem, invalidFieldExample, problemExample } from '../common/errors/problem-document.dto.js';
import { QuotesDto } from './dto/quotes.dto.js';

/** OpenAPI documentation of the quotes route, kept apart so the controller reads as code. */
export const QuoteDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Simulate the instalments for a price',
      description: 'Soisy\'s cheapest, typical and dearest offers. Answers are cached briefly (QUOTES_CACHE_TTL_SECONDS, default 60 s).',
    }),
    ApiOkResponse({ type: QuotesDto }),
    ApiProblem(400, 'A parameter is missing, malformed or outside the configured limits', {
      amountOutOfRange: invalidFieldExample('amount', 'amount must be between 10000 and 1500000 cents'),
    }),
    ApiProblem(422, 'Soisy refused the simulation', {
      refused: problemExample(422, 'SOISY.REJECTED', 'Invalid data.'),
    }),
    ApiProblem(502, 'Soisy failed or could not be reached', {
      upstream: problemExample(502, 'SOISY.UPSTREAM_ERROR', 'Soisy failed with HTTP 500.'),
    }),
    ApiProblem(504, 'Soisy did not answer in time', {
      timeout: problemExample(504, 'SOISY.TIMEOUT', 'Soisy did not answer in time.'),
    }),
  );
