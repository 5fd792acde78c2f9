// Stops at once, in one line, on a Node that package.json's `engines.node` does not accept: older
// Nodes get as far as Jest and die there with a cryptic `process.exit called with "1"`, and
// `npm install` (engine-strict, .npmrc) refuses them too. Plain syntax, no dependencies (it runs
// before or without node_modules), so it understands only what engines.node uses: ranges joined by
// `||`, each made of `^x.y.z`, `>=x.y.z`, `>x.y.z`, `<x.y.z`, `<=x.y.z` (x.y.z may be x or x.y).
// `--warn` only prints the line: `npm start` still runs on an older Node, unsupported.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const range = pkg.engines.node;

const parts = (version) => [...version.split('.').map(Number), 0, 0].slice(0, 3);
const compare = (a, b) => a.map((n, i) => n - b[i]).find((d) => d !== 0) ?? 0;
const COMPARATORS = {
  '^': (v, w) => v[0] === w[0] && compare(v, w) >= 0,
  '>=': (v, w) => compare(v, w) >= 0,
  '>': (v, w) => compare(v, w) > 0,
  '<=': (v, w) => compare(v, w) <= 0,
  '<': (v, w) => compare(v, w) < 0,
};
const satisfies = (version, alternative) =>
  alternative.trim().split(/\s+/).every((term) => {
    const [, operator, wanted] = /^(\^|>=|>|<=|<)?\s*(\d+(?:\.\d+){0,2})$/.exec(term) ?? [];
    if (wanted === undefined) throw new Error(`check-node-version: cannot read engines.node "${range}"`);
    return COMPARATORS[operator ?? '>='](version, parts(wanted));
  });

const current = parts(process.versions.node);
if (!range.split('||').some((alternative) => satisfies(current, alternative))) {
  const warnOnly = process.argv.includes('--warn');
  const line = `${pkg.name} needs Node ${range} (this is Node ${process.versions.node}): install Node 24 LTS (.nvmrc), e.g. \`nvm install\``;
  console.error(warnOnly ? `warning: ${line}; starting anyway, unsupported` : line);
  if (!warnOnly) process.exit(1);
}
