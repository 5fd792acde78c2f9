import { Injectable } from '@nestjs/common';
import { Answer } from '../common/http/answer.js';
import { AppConfig } from '../config/app-config.js';
import { OrderLimitsCheck } from '../common/order-limits.js';
import { GATEWAY_FIELD_NAMES, LoanQuote, SoisyGateway, withFieldNames } from '../soisy/index.js';
import type { QuoteQueryDto } from './dto/quote-query.dto.js';
import type { QuoteDto, QuotesDto } from './dto/quotes.dto.js';
import { QuotesCache } from './quotes.cache.js';

@Injectable()
export class QuotesService {
  /** Lets browsers and CDNs keep the answer as long as we do. */
  readonly cacheControl: string;

  constructor(
    private readonly soisy: SoisyGateway,
    private readonly cache: QuotesCache<QuotesDto>,
    private readonly limits: OrderLimitsCheck,
    config: AppConfig,
  ) {
    this.cacheControl = `public, max-age=${config.quotesCacheTtlSeconds}`;
  }

  /** The offers, with the cache-control that lets browsers and CDNs keep them as long as this service does. */
  async quote(query: QuoteQueryDto): Promise<Answer<QuotesDto>> {
    return this.answer(await this.offers(query));
  }

  /**
   * The answer `quote` would give, when it is already cached and `query` is within the limits;
   * undefined otherwise (then `quote` is the way: it refuses, or asks Soisy). Synchronous: no
   * Soisy call, no database, nothing that could outlive the request.
   */
  cachedAnswer(query: QuoteQueryDto): Answer<QuotesDto> | undefined {
    if (!this.limits.allows(query)) return undefined;
    const offers = this.cache.peek(cacheKey(query));
    return offers && this.answer(offers);
  }

  private answer(offers: QuotesDto): Answer<QuotesDto> {
    return new Answer(200, offers, { 'cache-control': this.cacheControl });
  }

  private offers(query: QuoteQueryDto): Promise<QuotesDto> {
    this.limits.assert(query);
    const { amount, instalments, zeroInterestRate } = query;
    return this.cache.get(cacheKey(query), async () => {
      try {
        const quotes = await this.soisy.getLoanQuotes({ amountCents: amount, instalments, zeroInterestRate });
        return { min: toQuote(quotes.min), median: toQuote(quotes.median), max: toQuote(quotes.max) };
      } catch (error) {
        throw withFieldNames(error, GATEWAY_FIELD_NAMES);
      }
    });
  }
}

/** One cache entry per question: amount, term and the interest-free choice (absent: the shop's setting). */
function cacheKey({ amount, instalments, zeroInterestRate }: QuoteQueryDto): string {
  return `${amount}:${instalments}:${zeroInterestRate ?? ''}`;
}

export function toQuote(quote: LoanQuote): QuoteDto {
  return {
    instalmentAmount: quote.instalmentAmountCents,
    totalRepayment: quote.totalRepaidCents,
    apr: quote.apr,
    interestRate: quote.interestRate,
    interest: quote.interestCents,
    fee: quote.feeCents,
  };
}
