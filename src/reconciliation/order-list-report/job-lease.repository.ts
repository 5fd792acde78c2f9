import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../prisma/prisma.service.js';

/**
 * One holder at a time for a named job, across replicas, without holding a transaction (or a
 * session advisory lock, which a pooled connection cannot keep) across the Soisy call: a row whose
 * lease is taken over only once it has expired, so a holder that died frees it by itself.
 */
@Injectable()
export class JobLeaseRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** True when `holder` now holds `name` until `until`; false while another holder's lease runs. */
  async acquire(name: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const won = await this.prisma.$queryRaw<Array<{ holder: string }>>`
      INSERT INTO job_leases (name, holder, "leaseUntil") VALUES (${name}, ${holder}::uuid, ${until})
      ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, "leaseUntil" = EXCLUDED."leaseUntil"
      WHERE job_leases."leaseUntil" <= ${now}
      RETURNING holder`;
    return won.length === 1;
  }

  /** When the running lease ends (for Retry-After), or undefined when none runs. */
  async heldUntil(name: string, now: Date): Promise<Date | undefined> {
    const lease = await this.prisma.jobLease.findUnique({ where: { name } });
    return lease && lease.leaseUntil > now ? lease.leaseUntil : undefined;
  }

  /** Frees the lease if `holder` still has it (a holder whose lease expired and was taken frees nothing). */
  async release(name: string, holder: string): Promise<void> {
    await this.prisma.jobLease.deleteMany({ where: { name, holder } });
  }
}
