import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';

/** OpenAPI documentation of the metrics route, kept apart like every route's. */
export const MetricsDocs = () =>
  applyDecorators(
    ApiOperation({ summary: 'Prometheus metrics', description: 'HTTP and Soisy call latencies and outcomes, and the process\'s own.' }),
    ApiProduces('text/plain'),
    ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string' } }),
  );
