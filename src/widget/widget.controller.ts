import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app-config.js';
import { loadWidgetAsset } from './widget-asset.js';

/**
 * A day in caches, then a week of serving the cached copy while revalidating: the URL is not
 * versioned (merchants paste it once), so a fix must reach every shop within a day, and a
 * revalidation costs a 304 thanks to the ETag.
 */
export const WIDGET_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

@ApiTags('storefront')
@Controller('widget')
export class WidgetController {
  private readonly quoteWidget = loadWidgetAsset('soisy-quote.js');
  private readonly limitsModule: string;

  constructor(config: AppConfig) {
    const { amountMinCents, amountMaxCents, instalmentsMin, instalmentsMax } = config.limits;
    const limits = { amount: { min: amountMinCents, max: amountMaxCents }, instalments: { min: instalmentsMin, max: instalmentsMax } };
    this.limitsModule = `export default ${JSON.stringify(limits)};\n`;
  }

  /**
   * The `<soisy-quote amount="…">` custom element, an ES module with no dependencies. Load it with
   * `<script type="module" src="…/widget/soisy-quote.js">`; the page's origin must be in CORS_ORIGINS
   * (module scripts are fetched with CORS, and the element calls GET /v1/quotes).
   */
  @Get('soisy-quote.js')
  @ApiOperation({ summary: 'The quote widget for product and cart pages (ES module)' })
  @ApiProduces('text/javascript')
  @ApiOkResponse({ description: 'The module\'s source', schema: { type: 'string' } })
  quote(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): string {
    const { body, etag } = this.quoteWidget;
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', WIDGET_CACHE_CONTROL)
      .header('etag', etag)
      // Helmet's default (same-origin) is for documents; this file exists to be embedded elsewhere.
      .header('cross-origin-resource-policy', 'cross-origin');
    if (ifNoneMatch === etag) {
      reply.status(304);
      return '';
    }
    return body;
  }

  /**
   * The order limits the widget checks before asking for a quote (AMOUNT_MIN_CENTS…, INSTALMENTS_MIN…),
   * as an ES module the widget imports: `{amount: {min, max}, instalments: {min, max}}`, cents and counts.
   */
  @Get('soisy-quote-limits.js')
  @ApiOperation({ summary: 'The order limits the quote widget checks (ES module)' })
  @ApiProduces('text/javascript')
  @ApiOkResponse({ description: 'The module\'s source', schema: { type: 'string' } })
  limits(@Res({ passthrough: true }) reply: FastifyReply): string {
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      // Configuration can change with a restart: cached for minutes, not a day.
      .header('cache-control', 'public, max-age=300')
      .header('cross-origin-resource-policy', 'cross-origin');
    return this.limitsModule;
  }
}
