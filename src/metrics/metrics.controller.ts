import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { metricsRegistry } from './metrics.js';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  /** Prometheus metrics: HTTP and Soisy call latencies and outcomes, and the process's own. */
  @Get()
  @Header('content-type', metricsRegistry.contentType)
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string' } })
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
