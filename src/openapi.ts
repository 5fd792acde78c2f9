import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

const DESCRIPTION = `Lets a merchant's storefront offer Soisy instalment payments without holding Soisy credentials.

Storefront routes need no credentials (the order token is the capability). Back-office routes need
\`Authorization: Bearer <API key>\`. Every error is \`application/problem+json\` (RFC 9457); validation
errors list \`errors: [{field, message}]\`. Amounts are integer euro cents.

Any route may answer 503 with \`Retry-After\` (seconds): \`DATABASE.UNAVAILABLE\` while the database
is unreachable or too busy to answer in time, \`SERVICE.SHUTTING_DOWN\` when this instance is stopping (another one takes the
retry). Send the same request again after that delay, with the same \`Idempotency-Key\` where the
route takes one. A request whose headers or body arrive too slowly is answered 408
\`REQUEST.TIMEOUT\` and its connection closed.

**Merchant events** (webhooks the service sends, README § Merchant events): every order status change
and release outcome is POSTed as JSON to the merchant's configured endpoints, body
\`MerchantEventPayloadDto\` (\`{id, type, createdAt, data}\`, \`data\` the order as
\`GET /v1/orders/{token}\` shows it), signed with the Standard Webhooks headers \`webhook-id\`,
\`webhook-timestamp\` and \`webhook-signature\`; any 2xx acknowledges it, anything else is retried.
The back office lists, inspects and resends them under \`/v1/events\`.`;

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('soisy-bff')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    // addSecurity, not addBearerAuth: that one adds `bearerFormat: JWT`, and the keys are opaque strings.
    .addSecurity('back-office', { type: 'http', scheme: 'bearer', description: 'A back-office API key (ADMIN_API_KEYS), an opaque string' })
    .addTag('quotes', 'Instalment simulations for product and cart pages')
    .addTag('storefront', 'Browser code for the storefront: the quote widget')
    .addTag('orders', 'Checkout: create an order, request the loan, get it approved')
    .addTag('back-office', 'For the merchant\'s back office (API key): list orders, release suspended orders, re-sync')
    .addTag('callbacks', 'Where Soisy reports an order\'s progress (per-order secret in the URL)')
    .addTag('operations', 'Liveness, readiness and metrics')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** The explorer at `/docs` and the document at `/docs-json` (and `/docs-yaml`). */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    swaggerOptions: { persistAuthorization: true, tryItOutEnabled: true },
  });
}
