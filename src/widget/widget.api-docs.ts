import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';

/** OpenAPI documentation of the widget's files, kept apart so the controller reads as code. */

const javascript = () => applyDecorators(ApiProduces('text/javascript'), ApiOkResponse({ description: 'The module\'s source', schema: { type: 'string' } }));

export const QuoteWidgetDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'The quote widget for product and cart pages (ES module)',
      description: 'The `<soisy-quote amount="…">` custom element, an ES module with no dependencies. Load it with `<script type="module" src="…/widget/soisy-quote.js">`; the page\'s origin must be in CORS_ORIGINS (module scripts are fetched with CORS, and the element calls GET /v1/quotes).',
    }),
    javascript(),
  );

export const WidgetLimitsDocs = () =>
  applyDecorators(
    ApiOperation({
      summary: 'The order limits the quote widget checks (ES module)',
      description: 'The order limits the widget checks before asking for a quote (AMOUNT_MIN_CENTS…, INSTALMENTS_MIN…), as an ES module the widget imports: `{amount: {min, max}, instalments: {min, max}}`, cents and counts.',
    }),
    javascript(),
  );
