import type { SoisyGateway } from '../../soisy/index.js';

/**
 * The second opinion before a Get order 404 expires an order: Soisy's order list, read at most
 * once per run and only if a 404 came. A 404 alone could be a wrong SOISY_BASE_URL (every path
 * unknown) rather than Soisy forgetting an order; a list that answers and lacks the token cannot.
 */
export class OrderListAbsence {
  private listed?: Promise<ReadonlySet<string>>;

  constructor(private readonly gateway: SoisyGateway) {}

  /** True when Soisy's order list does not have the token; throws the list's SoisyError when it fails. */
  async confirms(token: string): Promise<boolean> {
    this.listed ??= this.gateway.listOrders().then((entries) => new Set(entries.map((entry) => entry.token)));
    return !(await this.listed).has(token);
  }
}
