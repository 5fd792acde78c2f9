import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs the check as `npm test` does, on this Node made to report `version`. */
async function checkAs(version: string, ...args: string[]): Promise<{ code: number; stderr: string }> {
  const pretend = `data:text/javascript,Object.defineProperty(process.versions,'node',{value:'${version}'})`;
  try {
    const { stderr } = await run(process.execPath, ['--import', pretend, 'scripts/check-node-version.mjs', ...args]);
    return { code: 0, stderr };
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
}

describe('the Node version check before install and tests', () => {
  it('stops npm test on Node 20 with one line naming the versions that work', async () => {
    const { code, stderr } = await checkAs('20.20.2');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual(['soisy-bff needs Node ^22.22.3 || ^24.15.0 || >=26 (this is Node 20.20.2): install Node 24 LTS (.nvmrc), e.g. `nvm install`']);
  });

  it.each(['22.12.0', '22.22.2', '23.11.0', '24.14.0'])('refuses Node %s, which the build tools do not accept', async (version) => {
    expect((await checkAs(version)).code).toBe(1);
  });

  it.each(['22.22.3', '24.15.0', '24.22.3', '26.0.0'])('lets Node %s through silently', async (version) => {
    expect(await checkAs(version)).toEqual({ code: 0, stderr: '' });
  });

  it('only warns before npm start, which still runs on Node 20', async () => {
    const { code, stderr } = await checkAs('20.20.2', '--warn');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^warning: soisy-bff needs Node .*starting anyway, unsupported\n$/);
  });

  it('is wired before npm test and npm start, and npm install refuses other Nodes (engine-strict)', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8'));
    expect(pkg.scripts.pretest).toMatch(/^node scripts\/check-node-version\.mjs && /);
    expect(pkg.scripts.prestart).toMatch(/^node scripts\/check-node-version\.mjs --warn && /);
    expect(await readFile('.npmrc', 'utf8')).toMatch(/^engine-strict=true$/m);
  });
});
