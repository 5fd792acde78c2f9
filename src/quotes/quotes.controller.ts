import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { QuoteQueryDto } from './dto/quote-query.dto.js';
import { QuoteDocs } from './quotes.api-docs.js';
import { QuotesService } from './quotes.service.js';

@ApiTags('quotes')
@Controller('v1/quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Get()
  @QuoteDocs()
  quote(@Query() query: QuoteQueryDto) {
    return this.quotes.quote(query);
  }
}
