import { ValidationFailed } from '../common/errors/app-error.js';
import { decodeCursor, encodeCursor } from './order-cursor.js';

describe('the order list cursor', () => {
  it('gives back the position it was made from', () => {
    const position = { createdAt: new Date('2026-11-22T10:00:00.123Z'), id: '0b3c4f2e-9d7a-4c1e-8f00-1234567890ab' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuses anything it did not write as a 400 on the cursor field', () => {
    const forged = Buffer.from(JSON.stringify({ t: 'yesterday', i: 'x' })).toString('base64url');
    const at = (t: string) => Buffer.from(JSON.stringify({ t, i: '0b3c4f2e-9d7a-4c1e-8f00-1234567890ab' })).toString('base64url');
    const outOfRange = [at('-271821-04-20T00:00:00.000Z'), at('+275760-09-13T00:00:00.000Z'), at('0001-01-01T00:00:00.000Z'), at('1764576000')];
    for (const raw of ['abc', '', forged, Buffer.from('[]').toString('base64url'), ...outOfRange]) {
      expect(() => decodeCursor(raw)).toThrow(ValidationFailed);
    }
  });
});
