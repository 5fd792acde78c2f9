import { toOrder } from '../../src/orders/persistence/order-row.js';
import { startRepositoryTier, type RepositoryTier } from './support.js';

/**
 * The raw reads of the storefront's hot path (PrismaService.statement) answer the same domain order
 * as Prisma's query API: decimals, timestamps, enums, booleans and nulls alike.
 */
describe('reading an order by its token', () => {
  let tier: RepositoryTier;

  beforeAll(async () => {
    tier = await startRepositoryTier();
  });
  afterAll(() => tier.t.close());

  it('answers what Prisma reads, field by field, for an order with every kind of column set', async () => {
    const at = new Date('2026-11-29T10:11:12.345Z');
    const { id, token } = await tier.insertOrder({
      status: 'approved', apr: '9.87', instalments: 10, fixedInstalments: 10, zeroInterestRate: false, fiscalCode: 'RSSMRA80A01H501U',
      instalmentAmountCents: 10987, totalRepaymentCents: 109870, additionalDataNeeded: true, netAmountCents: 95000, paymentDayOfMonth: 5,
      redirectUrl: 'https://soisy.example/sign', releaseStatus: 'scheduled', releaseAmountCents: 100000, releaseAt: at, releaseNextAttemptAt: at,
      stepClaim: 'approval', stepClaimId: '00000000-0000-4000-8000-000000000001', stepClaimExpiresAt: at, lastSyncedAt: at, soisyStatus: 'LoanWasApproved',
    });
    const expected = toOrder(await tier.prisma.order.findUniqueOrThrow({ where: { id } }));
    const read = await tier.orders.findByToken(token!);
    expect(read).toEqual(expected);
    expect(read).toMatchObject({ apr: 9.87, releaseAt: at, status: 'approved', releaseStatus: 'scheduled', additionalDataNeeded: true });
  });

  it('answers null for a token no order has', async () => {
    expect(await tier.orders.findByToken('no-such-token')).toBeNull();
  });
});
