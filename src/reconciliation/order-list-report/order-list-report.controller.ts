import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { BackOfficeActor } from '../../common/auth/back-office-actor.js';
import { BackOffice } from '../../common/auth/back-office.decorator.js';
import { ApiProblem, problemExample } from '../../common/errors/problem-document.dto.js';
import { ReconciliationReportDto } from './dto/reconciliation-report.dto.js';
import { REPORT_EXAMPLE, reportView } from './reconciliation-report.view.js';
import { OrderListReportService } from './order-list-report.service.js';

const upstream = {
  upstream: problemExample(502, 'SOISY.UPSTREAM_ERROR', 'Soisy failed with HTTP 500.'),
};

@BackOffice()
@Controller('v1/reconciliation')
export class OrderListReportController {
  constructor(private readonly service: OrderListReportService) {}

  @Get()
  @ApiOperation({ summary: "The latest comparison with Soisy's order list", description: 'Orphans (orders Soisy has that this service does not), mismatches (status or amounts differ; each also on the order\'s '
    + '`statusDetail` unless it holds a detail of another kind, e.g. `ORDER.CANCELLED_BY_MERCHANT`) and `cancelledHereOnly`: orders the merchant cancelled here '
    + 'that Soisy still lists as open, expected since Soisy has no cancel call (ask Soisy partner support to cancel each there). Made every `ORDER_LIST_RECONCILE_INTERVAL_MINUTES` by the scheduler, or on demand.' })
  @ApiOkResponse({ type: ReconciliationReportDto, example: REPORT_EXAMPLE })
  @ApiProblem(404, 'No report has been made yet', { noReport: problemExample(404, 'RECONCILIATION.NO_REPORT', 'No reconciliation report has been made yet; POST /v1/reconciliation/runs makes one.') })
  async latest(): Promise<ReconciliationReportDto> {
    return reportView(await this.service.latest());
  }

  @Post('runs')
  @HttpCode(201)
  @ApiOperation({ summary: "Compare with Soisy's order list now", description: 'Reads Soisy\'s order list once, stores and answers the report (it becomes the latest), and sets `statusDetail` on mismatched orders (unless an order holds a detail of another kind; merchant cancellations Soisy has not cancelled yet are listed in `cancelledHereOnly`, not as mismatches). `requestedBy` is the name of the key used (never the key).' })
  @ApiCreatedResponse({ type: ReconciliationReportDto, example: { ...REPORT_EXAMPLE, requestedBy: 'ops-anna' } })
  @ApiProblem(409, 'Another comparison is running (this or another replica); its report will be the latest', {
    running: problemExample(409, 'RECONCILIATION.RUN_IN_PROGRESS', 'A reconciliation with Soisy\'s order list is running; its report will be the latest. Retry after it (see Retry-After).'),
  }, { 'Retry-After': { description: 'Seconds until the running comparison\'s lease ends at the latest', schema: { type: 'integer', example: 30 } } })
  @ApiProblem(502, 'Soisy failed, refused our credentials or sent an unreadable list; no report was stored', upstream)
  @ApiProblem(504, 'Soisy did not answer in time; no report was stored', { timeout: problemExample(504, 'SOISY.TIMEOUT', 'Soisy did not answer in time.') })
  async run(@BackOfficeActor() actor: string): Promise<ReconciliationReportDto> {
    return reportView(await this.service.runNow({ requestedBy: actor, source: 'api', actor }));
  }
}
