import { readOrderListCsv } from './soisy-order-list.js';
import { MalformedSoisyResponse } from './soisy-wire-responses.js';

const HEADER = 'shopOrderId,token,orderReference,status,loanAmount,loanNetAmount,instalmentsNumber,zeroInterestRate,firstname,lastname,email,createdAt,updatedAt,loanDisbursedAt';

describe("reading Soisy's CSV order list", () => {
  it('reads each line into a token, reference, status, amounts in cents and creation time', () => {
    const csv = `${HEADER}\n1,tok1,ORD-1,quote,100000,98000,12,false,Mario,Rossi,m@example.com,2026-11-22T09:00:00.000Z,2026-11-22T09:00:00.000Z,\n`;
    expect(readOrderListCsv(csv)).toEqual([
      { token: 'tok1', orderReference: 'ORD-1', status: 'quote', amountCents: 100000, netAmountCents: 98000, instalments: 12, createdAt: new Date('2026-11-22T09:00:00.000Z') },
    ]);
  });

  it('keeps quoted fields whole: commas and quotes in names, a reference with a comma, CRLF line ends', () => {
    const csv = `${HEADER}\r\n2,tok2,"ORD,2",quote,5000,,,,"Rossi, Mario","D""Angelo",x@example.com,2026-11-22T09:00:00Z,,\r\n`;
    const [entry] = readOrderListCsv(csv);
    expect(entry).toMatchObject({ token: 'tok2', orderReference: 'ORD,2', amountCents: 5000 });
    expect(entry).not.toHaveProperty('netAmountCents');
    expect(Object.values(entry)).not.toContain('Rossi, Mario');
  });

  it('understands both spellings of a status, in any case', () => {
    const lines = ['request_approved', 'request_accepted', 'CANCELED', 'cancelled', 'something_new'].map(
      (status, index) => `${index},tok${index},ORD-${index},${status},100,,,,,,,,,`,
    );
    const statuses = readOrderListCsv([HEADER, ...lines].join('\n')).map((entry) => entry.status);
    expect(statuses).toEqual(['request_accepted', 'request_accepted', 'cancelled', 'cancelled', undefined]);
  });

  it("reads Soisy's Italian local time as well as ISO 8601, and does without a time it cannot read", () => {
    const csv = [HEADER, '1,a,R,quote,100,,,,,,,2026-07-01 10:00:00,,', '2,b,R,quote,100,,,,,,,yesterday,,'].join('\n');
    const [summer, unreadable] = readOrderListCsv(csv);
    expect(summer.createdAt).toEqual(new Date('2026-07-01T08:00:00Z'));
    expect(unreadable.createdAt).toBeUndefined();
  });

  it('skips lines without a token, and leaves an amount out when the cell is not whole cents', () => {
    const csv = [HEADER, '1,,ORD-1,quote,100,,,,,,,,,', '2,tok,ORD-2,quote,12.50,,,,,,,,,'].join('\n');
    expect(readOrderListCsv(csv)).toEqual([{ token: 'tok', orderReference: 'ORD-2', status: 'quote' }]);
  });

  it('reads an empty list, with or without its header, and a byte-order mark', () => {
    expect(readOrderListCsv('')).toEqual([]);
    expect(readOrderListCsv(`\uFEFF${HEADER}\n`)).toEqual([]);
  });

  it('refuses a list without a column it relies on, naming it, or a body that is not text', () => {
    const missing = () => readOrderListCsv('shopOrderId,token,status\n1,tok,quote\n');
    expect(missing).toThrow(MalformedSoisyResponse);
    expect(missing).toThrow(/orderReference/);
    expect(() => readOrderListCsv({ orders: [] })).toThrow(MalformedSoisyResponse);
    expect(() => readOrderListCsv(`${HEADER}\n1,"unterminated\n`)).toThrow(MalformedSoisyResponse);
  });
});
