import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblem, problemExample } from '../common/errors/problem-document.dto.js';
import { QuoteQueryDto } from './dto/quote-query.dto.js';
import { QuotesDto } from './dto/quotes.dto.js';
import { QuotesService } from './quotes.service.js';

@ApiTags('quotes')
@Controller('v1/quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Get()
  @ApiOperation({
    summary: 'Simulate the instalments for a price',
    description: 'Soisy\'s cheapest, typical and dearest offers. Answers are cached briefly (QUOTES_CACHE_TTL_SECONDS, default 60 s).',
  })
  @ApiOkResponse({ type: QuotesDto })
  @ApiProblem(400, 'A parameter is missing, malformed or outside the configured limits', {
    amountOutOfRange: problemExample(400, 'REQUEST.INVALID', 'The request has invalid fields.', {
      errors: [{ field: 'amount', message: 'amount must be between 10000 and 1500000 cents' }],
    }),
  })
  @ApiProblem(422, 'Soisy refused the simulation', {
    refused: problemExample(422, 'SOISY.REJECTED', 'Invalid data.'),
  })
  @ApiProblem(502, 'Soisy failed or could not be reached', {
    upstream: problemExample(502, 'SOISY.UPSTREAM_ERROR', 'Soisy failed with HTTP 500.'),
  })
  @ApiProblem(504, 'Soisy did not answer in time', {
    timeout: problemExample(504, 'SOISY.TIMEOUT', 'Soisy did not answer in time.'),
  })
  quote(@Query() query: QuoteQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<QuotesDto> {
    reply.header('cache-control', this.quotes.cacheControl);
    return this.quotes.quote(query);
  }
}
