import { classify } from './webhook-sender.js';

describe('classify', () => {
  it.each([
    [Object.assign(new Error('aborted'), { name: 'TimeoutError' }), 'timeout'],
    [Object.assign(new Error('headers'), { code: 'UND_ERR_HEADERS_TIMEOUT' }), 'timeout'],
    [Object.assign(new Error('connect'), { code: 'UND_ERR_CONNECT_TIMEOUT' }), 'timeout'],
    [Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), 'connection_refused'],
    [Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }), 'connection_reset'],
    [Object.assign(new Error('fetch failed'), { cause: { code: 'ENOTFOUND' } }), 'dns'],
    [Object.assign(new Error('bad cert'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), 'tls'],
    [new Error('something else'), 'network'],
  ])('names %s as %s, without its message', (error, expected) => {
    expect(classify(error)).toBe(expected);
  });
});
