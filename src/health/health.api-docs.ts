import { applyDecorators } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';

/** OpenAPI documentation of the probes (their responses are terminus's), kept apart like every route's. */
export const LivenessDocs = () => applyDecorators(ApiOperation({ summary: 'Liveness', description: 'The process is up and serving HTTP.' }));

export const ReadinessDocs = () =>
  applyDecorators(ApiOperation({ summary: 'Readiness', description: 'Not shutting down, and the database answers and its schema is current: safe to route traffic here.' }));
