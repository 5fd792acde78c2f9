import { loadConfig } from './load-config.js';

describe('the expiry of abandoned orders in the configuration', () => {
  it('asks Soisy about orders left 30 days in created/requested, hourly, 20 at a time, by default', () => {
    expect(loadConfig({}).orderExpiry).toEqual({ days: 30, intervalMinutes: 60, batchSize: 20 });
    expect(loadConfig({ ORDER_EXPIRY_DAYS: '7', ORDER_EXPIRY_INTERVAL_MINUTES: '15', ORDER_EXPIRY_BATCH_SIZE: '5' }).orderExpiry)
      .toEqual({ days: 7, intervalMinutes: 15, batchSize: 5 });
  });

  it('refuses to start on an age, interval or batch out of range, naming the variable', () => {
    expect(() => loadConfig({ ORDER_EXPIRY_DAYS: '0' })).toThrow(/^Invalid configuration: ORDER_EXPIRY_DAYS is below its minimum/);
    expect(() => loadConfig({ ORDER_EXPIRY_DAYS: '30d' })).toThrow(/ORDER_EXPIRY_DAYS/);
    expect(() => loadConfig({ ORDER_EXPIRY_INTERVAL_MINUTES: '1441' })).toThrow(/ORDER_EXPIRY_INTERVAL_MINUTES is above its maximum/);
    expect(() => loadConfig({ ORDER_EXPIRY_BATCH_SIZE: '0' })).toThrow(/ORDER_EXPIRY_BATCH_SIZE/);
  });
});
