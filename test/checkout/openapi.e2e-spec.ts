import SwaggerParser from '@apidevtools/swagger-parser';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { DiscoveryService } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
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

  it('documents every 502 code a loan request or approval can get from Soisy, a dropped connection\'s included', () => {
    for (const step of ['loan-request', 'approval']) {
      const upstream = doc.paths[`/v1/orders/{token}/${step}`].post.responses['502'];
      const examples = (upstream.content?.['application/problem+json'] as { examples: Record<string, { value: { code: string } }> }).examples;
      expect(Object.values(examples).map((example) => example.value.code))
        .toEqual(expect.arrayContaining(['SOISY.UPSTREAM_ERROR', 'SOISY.UPSTREAM_AUTH', 'SOISY.UNEXPECTED_RESPONSE', 'SOISY.UNREACHABLE']));
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

describe('the OpenAPI document against the routes themselves', () => {
  let t: TestApp;
  type Operation = { parameters?: Array<{ name: string; in: string }>; requestBody?: { content: Record<string, { schema: { $ref?: string } }> }; responses: Record<string, { description?: string; content?: Record<string, { example?: unknown; examples?: unknown }> }> };
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { properties?: Record<string, unknown> }>; securitySchemes: Record<string, Record<string, unknown>> } };
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await request(t.server).get('/docs-json')).body;
  });
  afterAll(() => t.close());

  // A class, as Nest's and class-validator's metadata hold it.
  type Class = abstract new (...args: never[]) => unknown;
  /** Every Nest route with the classes its @Query() and @Body() parameters are validated as, read from the decorators. */
  function routes(): Array<{ path: string; method: string; query?: Class; body?: Class; params?: Class }> {
    const found: Array<{ path: string; method: string; query?: Class; body?: Class; params?: Class }> = [];
    for (const wrapper of t.app.get(DiscoveryService).getControllers()) {
      const controller = wrapper.metatype as Class | undefined;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        const route = Reflect.getMetadata(PATH_METADATA, handler);
        if (name === 'constructor' || route === undefined) continue;
        const path = `/${[base, String(route)].filter(Boolean).join('/')}`.replace(/\/+/g, '/').replace(/\/$/, '').replace(/:(\w+)/g, '{$1}');
        const types = Reflect.getMetadata('design:paramtypes', controller.prototype, name) as Class[];
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number }>;
        const of = (kind: RouteParamtypes) => Object.entries(args).filter(([key]) => Number(key.split(':')[0]) === kind).map(([, arg]) => types[arg.index])[0];
        found.push({ path: path || '/', method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number].toLowerCase(), query: of(RouteParamtypes.QUERY), body: of(RouteParamtypes.BODY), params: of(RouteParamtypes.PARAM) });
      }
    }
    return found;
  }
  const validated = (dto: Class) => [...new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((rule) => rule.propertyName))];

  it('documents every validated query parameter of every route', () => {
    const withQuery = routes().filter((route) => route.query);
    expect(withQuery.map((route) => `${route.method} ${route.path}`)).toEqual(expect.arrayContaining(['get /v1/orders', 'get /v1/events', 'get /v1/quotes']));
    for (const { path, method, query } of withQuery) {
      const documented = (doc.paths[path][method].parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
      expect({ path, method, documented: documented.sort() }).toEqual({ path, method, documented: validated(query!).sort() });
    }
  });

  it('documents every validated path parameter of every route', () => {
    const withParams = routes().filter((route) => route.params && validated(route.params).length > 0);
    expect(withParams.length).toBeGreaterThanOrEqual(5);
    for (const { path, method, params } of withParams) {
      const documented = (doc.paths[path][method].parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
      expect({ path, method, documented: documented.sort() }).toEqual({ path, method, documented: validated(params!).sort() });
    }
  });

  it('documents every validated body field of every route that takes a DTO', () => {
    const withBody = routes().filter((route) => route.body && validated(route.body).length > 0);
    expect(withBody.length).toBeGreaterThanOrEqual(5);
    for (const { path, method, body } of withBody) {
      const ref = doc.paths[path][method].requestBody?.content['application/json'].schema.$ref ?? '';
      const documented = Object.keys(doc.components.schemas[ref.replace('#/components/schemas/', '')]?.properties ?? {});
      expect({ path, method, missing: validated(body!).filter((field) => !documented.includes(field)) }).toEqual({ path, method, missing: [] });
    }
  });

  it('documents the list pages\' cursor and limit with their bounds', () => {
    for (const path of ['/v1/orders', '/v1/events']) {
      const parameters = doc.paths[path].get.parameters as unknown as Array<{ name: string; schema: Record<string, unknown>; description?: string }>;
      const limit = parameters.find((parameter) => parameter.name === 'limit');
      const cursor = parameters.find((parameter) => parameter.name === 'cursor');
      expect(limit).toMatchObject({ schema: { minimum: 1, maximum: 100 }, description: expect.stringContaining('Page size') });
      expect(cursor).toMatchObject({ schema: { maxLength: 200 }, description: expect.stringContaining('nextCursor') });
    }
  });

  it('describes the back-office key as an opaque bearer token, not a JWT', () => {
    expect(doc.components.securitySchemes['back-office']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes['back-office']).not.toHaveProperty('bearerFormat');
  });

  it('gives every success response a description and an example', () => {
    const cases: Array<[string, string, string]> = [
      ['/v1/orders/{token}/history', 'get', '200'],
      ['/v1/orders', 'post', '201'],
      ['/v1/orders/{token}/loan-request', 'post', '201'],
      ['/v1/orders/{token}/release', 'post', '202'],
      ['/v1/events/{id}/resend', 'post', '202'],
    ];
    for (const [path, method, status] of cases) {
      const response = doc.paths[path][method].responses[status];
      expect({ path, status, described: Boolean(response?.description), example: response?.content?.['application/json']?.example !== undefined }).toEqual({ path, status, described: true, example: true });
    }
  });
});
