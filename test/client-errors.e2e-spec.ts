import { connect } from 'node:net';
import { startTestApp, type TestApp } from './support/test-app.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Sends bytes no HTTP client library would send, and reads the answer until the server closes. */
function rawRequest(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => (chunks.length > 0 ? undefined : reject(error)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(rest.join('\r\n') || 'null') });
    });
    socket.write(request);
  });
}

describe('errors Node meets before a request exists', () => {
  let testApp: TestApp;
  let port: number;
  beforeAll(async () => {
    testApp = await startTestApp();
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const address = testApp.app.getHttpServer().address();
    if (typeof address !== 'object' || address === null) throw new Error(`the service listens on ${String(address)}, not a TCP port`);
    port = address.port;
  });
  afterAll(() => testApp.close());

  const expectProblem = (answer: RawAnswer, status: number, detail: RegExp) => {
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.body).toEqual({ type: `urn:soisy-bff:problem:http.${status}`, title: expect.any(String), status, detail: expect.stringMatching(detail), code: `HTTP.${status}` });
  };

  it('answers headers over the server\'s limit with a 431 problem document', async () => {
    const answer = await rawRequest(port, `GET /v1/quotes?amount=100000&instalments=12 HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
    expectProblem(answer, 431, /headers or URL are too large/);
  });

  it('answers a URL over the server\'s limit with a 431 problem document, without echoing it', async () => {
    const answer = await rawRequest(port, `GET /v1/orders/${'t'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expectProblem(answer, 431, /too large/);
    expect(JSON.stringify(answer.body)).not.toContain('tttt');
  });

  it.each([
    ['a request line whose protocol is not HTTP', 'GET /health/live XTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n'],
    ['a header name with a space', 'GET /health/live HTTP/1.1\r\nHo st: x\r\n\r\n'],
    ['a body length that is not a number', 'POST /v1/orders HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n'],
  ])('answers %s with a 400 problem document', async (_, request) => {
    expectProblem(await rawRequest(port, request), 400, /not valid HTTP/);
  });

  it('answers chunk extensions over Node\'s limit with a 413 problem document', async () => {
    const request = `POST /v1/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2;ext=${'e'.repeat(20_000)}\r\n{}\r\n0\r\n\r\n`;
    expectProblem(await rawRequest(port, request), 413, /chunk extensions/);
  });

  it('answers a malformed request that follows a good one on a kept-alive connection', async () => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
      // Once the health check has been answered, the same connection carries a malformed request.
      if (text.includes('"status":"ok"') && !text.includes('HTTP/1.1 400')) socket.write('GET /health/live XTTP/1.1\r\nHost: x\r\n\r\n');
    });
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.write('GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n');
    await closed;
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    const second = text.slice(text.indexOf('HTTP/1.1', 1));
    expect(second).toMatch(/^HTTP\/1\.1 400 Bad Request\r\nContent-Type: application\/problem\+json\r\n/);
    expect(second).toContain('"code":"HTTP.400"');
  });

  it('still answers well-formed requests on the same server', async () => {
    const answer = await rawRequest(port, 'GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer.status).toBe(200);
  });
});
