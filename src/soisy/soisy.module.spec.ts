import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfigModule } from '../config/app-config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { SOISY_RETRY_POLICY } from './soisy-retry.js';
import { SoisyGateway } from './soisy.gateway.js';
import { SoisyModule } from './soisy.module.js';
import { FakeSoisyServer } from './testing/fake-soisy-server.js';
import { instantRetries, TEST_AUTH_TOKEN } from './testing/gateway-under-test.js';

describe('SoisyModule', () => {
  it('wires the gateway to the configured Soisy and lets a test replace the retry policy', async () => {
    Logger.overrideLogger(false);
    const soisy = await FakeSoisyServer.start();
    try {
      const config = { soisy: { baseUrl: soisy.baseUrl, shopId: 'my-shop', authToken: TEST_AUTH_TOKEN, connectTimeoutMs: 1_000, timeoutMs: 1_000 } } as AppConfig;
      const sleeps: number[] = [];
      const moduleRef = await Test.createTestingModule({ imports: [AppConfigModule.forRoot(config), SoisyModule] })
        .overrideProvider(SOISY_RETRY_POLICY)
        .useValue(instantRetries(sleeps))
        .compile();
      soisy.reply({ status: 503 }, { status: 204 });
      await expect(moduleRef.get(SoisyGateway).getOrder('tok')).rejects.toMatchObject({ code: 'SOISY.UNEXPECTED_RESPONSE' });
      expect(soisy.requests.map((request) => request.path)).toEqual(['/api/shops/my-shop/orders/tok', '/api/shops/my-shop/orders/tok']);
      expect(sleeps).toEqual([50]);
      await moduleRef.close();
    } finally {
      await soisy.stop();
    }
  });
});
