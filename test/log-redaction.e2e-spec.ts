import request from 'supertest';
import { approvalBody, createOrder, freshFiscalCode, loanRequestBody, settleCallbacks } from './checkout/support/checkout.js';
import { LogCapture } from './support/log-capture.js';
import { ADMIN_KEY, startStack, type Stack } from './support/stack.js';

describe('Logs carry no personal data and no capability, whatever the request puts where', () => {
  const logs = new LogCapture();
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ LOG_LEVEL: 'debug' }, {}, { logDestination: logs });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('logs URLs with tokens cut to six characters and query values masked, bodies never', async () => {
    const fiscalCode = freshFiscalCode();
    const { email, mobilePhone } = approvalBody() as { email: string; mobilePhone: string };
    const admin = { authorization: `Bearer ${ADMIN_KEY}` };
    const token = await createOrder(stack);
    await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody({ fiscalCode })).expect(201);
    await request(stack.url).post(`/v1/orders/${token}/approval`).send(approvalBody()).expect(200);
    await settleCallbacks(stack);
    const personal = [fiscalCode, email, encodeURIComponent(email), mobilePhone];

    // The newcomer's examples: a token and a fiscal code in query strings.
    await request(stack.url).get(`/v1/events?orderToken=${token}`).set(admin).expect(200);
    await request(stack.url).get(`/v1/quotes?amount=123400&instalments=10&fiscalCode=${fiscalCode}`);
    // Personal data in every other place a caller can put it.
    await request(stack.url).get(`/v1/quotes?amount=123400&instalments=10&email=${encodeURIComponent(email)}&phone=${mobilePhone}&${fiscalCode}=1`);
    await request(stack.url).get(`/v1/orders?cursor=${fiscalCode}&status=${email}`).set(admin);
    await request(stack.url).get(`/v1/orders/${fiscalCode}`);
    // Refused (the history route takes no query), and still logged without the token.
    await request(stack.url).get(`/v1/orders/${token}/history?token=${token}`).set(admin).expect(400);
    await request(stack.url).get(`/v1/nowhere/${encodeURIComponent(email)}/${mobilePhone}`).expect(404);
    await request(stack.url).post(`/v1/orders/${token}/loan-request`).send(loanRequestBody({ fiscalCode, email: 'not-an-email' }));
    await request(stack.url).post('/v1/orders').set('content-type', 'application/json').send(`{"fiscalCode":"${fiscalCode}",`).expect(400);
    await request(stack.url).post(`/v1/soisy/callbacks/${token}`).type('form').send({ orderToken: token, eventId: 'LoanWasApproved' });

    const lines = logs.lines.filter((line) => line.includes('"request completed"'));
    expect(lines.length).toBeGreaterThanOrEqual(12);
    expect(logs.lines.join('\n')).toContain(`/v1/events?orderToken=[redacted]`);
    expect(logs.lines.join('\n')).toContain(`/v1/quotes?amount=123400&instalments=10&fiscalCode=[redacted]`);
    expect(logs.lines.join('\n')).toContain(`/v1/orders/${token.slice(0, 6)}…/history?token=[redacted]`);
    for (const line of logs.lines) {
      for (const value of [...personal, token]) expect(line).not.toContain(value);
    }
  });
});
