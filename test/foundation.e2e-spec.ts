import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { query } from './support/database.js';
import { startTestApp, TestApp } from './support/test-app.js';

describe('the service on a real PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports itself live', async () => {
    const res = await request(t.server).get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('reports itself ready once every migration is applied', async () => {
    const res = await request(t.server).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.details.database).toMatchObject({ status: 'up' });
  });

  it('reports itself not ready when a migration is missing from the database', async () => {
    const [latest] = await query<{ migration_name: string }>(
      t.db.url,
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
    );
    await query(t.db.url, `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, [
      latest.migration_name,
    ]);
    try {
      const res = await request(t.server).get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await query(t.db.url, `UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = $1`, [
        latest.migration_name,
      ]);
    }
  });

  it('serves a valid OpenAPI 3 document at /docs-json', async () => {
    const res = await request(t.server).get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeDefined();
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
  });

  it('serves the OpenAPI explorer at /docs', async () => {
    const res = await request(t.server).get('/docs').redirects(1);
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
  });

  it('answers an unknown route with a 404 problem document', async () => {
    const res = await request(t.server).get('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not found', type: expect.stringMatching(/^urn:/) });
    expect(res.body.detail).toEqual(expect.any(String));
  });

  it('answers a malformed JSON body with a 400 problem document and no stack trace', async () => {
    const res = await request(t.server)
      .post('/health/live')
      .set('content-type', 'application/json')
      .send('{"amount": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await request(t.server)
      .post('/health/live')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ padding: 'x'.repeat(100_000) }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('exposes Prometheus metrics labelled by route template, not by raw URL', async () => {
    await request(t.server).get('/health/live');
    const res = await request(t.server).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"\} [1-9]/);
    expect(res.text).toContain('process_cpu_seconds_total');
  });

  it('answers a malformed URL with a problem document that does not echo it', async () => {
    const res = await request(t.server).get('/v1/orders/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(res.body)).not.toContain('%E0%A4%A');
  });

  it('lets the route, not the router, judge a long path parameter', async () => {
    expect((await request(t.server).get(`/v1/orders/${'a'.repeat(120)}`)).body.code).toBe('ORDER.NOT_FOUND');
    const tooLong = await request(t.server).get(`/v1/orders/${'a'.repeat(200)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);
  });

  it('sends security headers', async () => {
    const res = await request(t.server).get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('rate limits on the public API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 problem+json once a client exceeds its requests per minute, but never limits health', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await request(t.server).get('/v1/anything')).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
    const limited = await request(t.server).get('/v1/anything');
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.body).toMatchObject({ status: 429, detail: expect.stringMatching(/at most 3 per minute/) });
    expect((await request(t.server).get('/health/live')).status).toBe(200);
  });

  it('does not let a client pick its own address with X-Forwarded-For', async () => {
    const res = await request(t.server).get('/v1/anything').set('x-forwarded-for', '203.0.113.9');
    expect(res.status).toBe(429);
  });
});

describe('input no database can store', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['a form field', '/v1/soisy/callbacks/secret', 'application/x-www-form-urlencoded', 'orderToken=%00&eventId=LoanWasApproved', 'orderToken'],
    ['a nested JSON field', '/v1/orders', 'application/json', JSON.stringify({ amount: 100000, orderReference: 'A', customer: { email: 'a\u0000@b.it' } }), 'customer.email'],
    ['a path parameter', '/v1/orders/a%00b/loan-request', 'application/json', '{}', 'token'],
  ])('refuses a NUL character in %s with 400 naming it', async (_what, path, type, body, field) => {
    const res = await request(t.server).post(path).set('content-type', type).send(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field, message: 'must not contain NUL characters' }]);
  });
});
