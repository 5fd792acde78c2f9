import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the checkout in the OpenAPI document', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, { tags: string[]; responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }> }>>; components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>>; required?: string[] }> } };
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await request(t.server).get('/docs-json')).body;
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI document', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('lists every checkout route under its tag, with its success and problem responses', () => {
    const routes: Array<[string, string, string, string[]]> = [
      ['/v1/quotes', 'get', 'quotes', ['200', '400', '502', '504']],
      ['/v1/orders', 'post', 'orders', ['201', '400', '409', '422', '502', '504']],
      ['/v1/orders/{token}/loan-request', 'post', 'orders', ['201', '400', '404', '409', '502', '504']],
      ['/v1/orders/{token}/approval', 'post', 'orders', ['200', '400', '404', '409', '502', '504']],
      ['/v1/orders/{token}', 'get', 'orders', ['200', '404']],
    ];
    for (const [path, method, tag, statuses] of routes) {
      const operation = doc.paths[path][method];
      expect(operation.tags).toEqual([tag]);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(statuses));
      expect(operation.responses['404'] ?? operation.responses['400']).toHaveProperty(['content', 'application/problem+json']);
    }
  });

  it('documents every operation the same way: a short summary and a description', () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods as Record<string, { summary?: string; description?: string }>)) {
        const short = operation.summary !== undefined && operation.summary.length > 0 && operation.summary.length <= 60;
        expect({ path, method, short, described: Boolean(operation.description) }).toEqual({ path, method, short: true, described: true });
      }
    }
  });

  it('derives the request schemas from the validation rules, with examples', () => {
    const loanRequest = doc.components.schemas.LoanRequestDto;
    expect(loanRequest.required).toEqual(expect.arrayContaining(['instalments', 'privacy', 'fiscalCode', 'jobDescription']));
    expect(loanRequest.properties.jobDescription.enum).toContain('employee_fixed_term_contract');
    expect(loanRequest.properties.fiscalCode.example).toBe('RSSMRA85T10A562S');
    expect(doc.components.schemas.OrderCustomerDto.properties.province.pattern).toBeDefined();
    expect(doc.components.schemas.CreateOrderDto.properties.amount.type).toBe('integer');
  });

  it('documents the 409 a loan request or approval gets while another one for the order is running, with Retry-After', () => {
    for (const step of ['loan-request', 'approval']) {
      const conflict = doc.paths[`/v1/orders/{token}/${step}`].post.responses['409'];
      const examples = (conflict.content?.['application/problem+json'] as { examples: Record<string, { value: { code: string } }> }).examples;
      expect(Object.values(examples).map((example) => example.value.code)).toContain('ORDER.STEP_IN_PROGRESS');
      expect(conflict.headers).toHaveProperty('Retry-After');
    }
  });

  it('documents the spellings shoppers type, which the service normalises, with the errors that tell them what to change', () => {
    const approval = doc.components.schemas.ApprovalDto.properties;
    expect(new RegExp(String(approval.province.pattern)).test('mi ')).toBe(true);
    expect(new RegExp(String(approval.postalCode.pattern)).test('20121 ')).toBe(true);
    expect(new RegExp(String(doc.components.schemas.LoanRequestDto.properties.vatCountry.pattern)).test('it')).toBe(true);
    expect(approval.mobilePhone.example).toBe('+39 333 123 4567');
    expect(approval.address.example).toBe('Via 20 Settembre');
    const examples = JSON.stringify(doc.paths['/v1/orders/{token}/approval'].post.responses['400']);
    expect(examples).toContain('mobilePhone must be a mobile number');
    expect(examples).toContain('address ends with a civic number: put it in streetNumber');
  });
});
