/**
 * Soisy's API takes its fields from any body encoding. These parsers never refuse a body for its
 * content type: JSON, form-urlencoded and multipart are decoded, and anything else is read as JSON
 * if it is JSON and as a query string otherwise. An empty JSON body counts as no fields.
 */
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { parse as parseQueryString } from 'node:querystring';

function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  return JSON.parse(text);
}

export async function registerBodyParsers(app: FastifyInstance): Promise<void> {
  await app.register(formbody);
  await app.register(multipart, { attachFieldsToBody: 'keyValues' });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJson(body as string));
    } catch (error) {
      done(Object.assign(error as Error, { statusCode: 400 }), undefined);
    }
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    try {
      done(null, parseJson(text));
    } catch {
      done(null, { ...parseQueryString(text) });
    }
  });
}
