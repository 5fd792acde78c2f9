import { Controller, Get, Headers } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Answer } from '../common/http/answer.js';
import { IgnoresQuery } from '../common/http/request-shape.interceptor.js';
import { AppConfig } from '../config/app-config.js';
import { loadWidgetAsset } from './widget-asset.js';
import { QuoteWidgetDocs, WidgetLimitsDocs } from './widget.api-docs.js';

/**
 * A day in caches, then a week of serving the cached copy while revalidating: the URL is not
 * versioned (merchants paste it once), so a fix must reach every shop within a day, and a
 * revalidation costs a 304 thanks to the ETag.
 */
export const WIDGET_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

@ApiTags('storefront')
// Pages load the scripts with cache-busting parameters (`?v=3`); they are not this route's to refuse.
@IgnoresQuery()
@Controller('widget')
export class WidgetController {
  private readonly quoteWidget = loadWidgetAsset('soisy-quote.js');
  private readonly limitsModule: string;

  constructor(config: AppConfig) {
    const { amountMinCents, amountMaxCents, instalmentsMin, instalmentsMax } = config.limits;
    const limits = { amount: { min: amountMinCents, max: amountMaxCents }, instalments: { min: instalmentsMin, max: instalmentsMax } };
    this.limitsModule = `export default ${JSON.stringify(limits)};\n`;
  }

  // The `<soisy-quote>` element (widget.api-docs.ts says how to load it), revalidated by its ETag.
  @Get('soisy-quote.js')
  @QuoteWidgetDocs()
  quote(@Headers('if-none-match') ifNoneMatch: string | undefined): Answer<string> {
    const { body, etag } = this.quoteWidget;
    const headers = {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': WIDGET_CACHE_CONTROL,
      etag,
      // Helmet's default (same-origin) is for documents; this file exists to be embedded elsewhere.
      'cross-origin-resource-policy': 'cross-origin',
    };
    return ifNoneMatch === etag ? new Answer(304, '', headers) : new Answer(200, body, headers);
  }

  // The configured order limits as an ES module the widget imports.
  @Get('soisy-quote-limits.js')
  @WidgetLimitsDocs()
  limits(): Answer<string> {
    return new Answer(200, this.limitsModule, {
      'content-type': 'text/javascript; charset=utf-8',
      // Configuration can change with a restart: cached for minutes, not a day.
      'cache-control': 'public, max-age=300',
      'cross-origin-resource-policy': 'cross-origin',
    });
  }
}
