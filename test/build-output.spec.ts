import { existsSync } from 'node:fs';

/** `npm test` builds first (pretest), so dist/ is what `npm run build` and the container ship. */
describe('the build output', () => {
  it('leaves test scaffolding out: no fake Soisy server, no specs', () => {
    expect(existsSync('dist/soisy/testing')).toBe(false);
    expect(existsSync('dist/soisy/soisy.gateway.spec.js')).toBe(false);
  });

  it('keeps the shipped commands: the service, the emulator, the demo and the migrations', () => {
    for (const entry of ['dist/main.js', 'dist/emulator/main.js', 'dist/demo/main.js', 'dist/prisma/migrate-cli.js']) {
      expect(existsSync(entry)).toBe(true);
    }
  });
});
