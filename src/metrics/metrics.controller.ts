import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MetricsDocs } from './metrics.api-docs.js';
import { metricsRegistry } from './metrics.js';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('content-type', metricsRegistry.contentType)
  @MetricsDocs()
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
