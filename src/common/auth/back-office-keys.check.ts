import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';

/**
 * Says once at start that the back office is closed, or which key names may act. (The guard itself
 * is instantiated once per module that uses it, so a warning there would repeat.)
 */
@Injectable()
export class BackOfficeKeysCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('BackOffice');

  constructor(private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    if (this.config.backOfficeKeys.length === 0) {
      this.logger.warn('ADMIN_API_KEYS is empty: every back-office route answers 401');
      return;
    }
    // The names only (never a key): who can act, as events and reports will name them.
    this.logger.log({ names: this.config.backOfficeKeys.map(({ name }) => name) }, 'Back-office keys configured');
  }
}
