import { join } from 'node:path';
import { DEMO_ROOT, fileFor } from './storefront-server.js';

describe('the demo storefront server', () => {
  it('maps a URL path to a file under demo/, and / to its index.html', () => {
    expect(fileFor(DEMO_ROOT, '/')).toBe(join(DEMO_ROOT, 'index.html'));
    expect(fileFor(DEMO_ROOT, '/js/api.js?v=1')).toBe(join(DEMO_ROOT, 'js', 'api.js'));
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/js/../../src/main.ts', '/%E0%A4%A'])(
    'serves nothing outside demo/ or for a malformed path: %s',
    (path) => {
      expect(fileFor(DEMO_ROOT, path)).toBeUndefined();
    },
  );
});
