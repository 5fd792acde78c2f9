// The architecture check, run by `npm run lint` (scripts/check-architecture.mjs). The layout it
// enforces is README § Layout: features depend downward on the orders core, never on each other.
// metrics/ is infrastructure (the Soisy client counts its calls), not a feature.
const FEATURES = '(checkout|back-office|callbacks|reconciliation|merchant-events|quotes|widget|health)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'feature-imports-feature',
      comment: 'A feature depends only on orders/, soisy/, common/, config/ and prisma/: shared logic belongs in the core.',
      severity: 'error',
      from: { path: `^src/${FEATURES}/` },
      to: { path: `^src/${FEATURES}/`, pathNot: '^src/$1/' },
    },
    {
      name: 'core-imports-feature',
      comment: 'The orders core sits below the features: it must not know them.',
      severity: 'error',
      from: { path: '^src/(orders|soisy|common|config|prisma)/' },
      to: { path: `^src/${FEATURES}/` },
    },
    {
      name: 'soisy-imports-database-or-orders',
      comment: 'The Soisy gateway speaks Soisy only: no database, no orders.',
      severity: 'error',
      from: { path: '^src/soisy/' },
      to: { path: '^src/(prisma|generated|orders)/' },
    },
    {
      name: 'production-imports-test-scaffolding',
      comment: 'The emulator and the fake Soisy server are tools, not part of the service (the demo command may start the emulator).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(emulator|demo|soisy/testing)/', '\\.spec\\.ts$'] },
      to: { path: '^src/(emulator|soisy/testing)/' },
    },
    {
      name: 'prisma-outside-repositories',
      comment: 'Prisma (its client and row types) stays in repositories, src/prisma and the core\'s persistence: DTOs, services and the lifecycle see the domain Order.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: ['\\.repository\\.ts$', '^src/orders/persistence/', '^src/orders/order-event-writer\\.ts$', '^src/orders/order\\.ts$', '^src/prisma/', '^src/generated/', '^src/common/idempotency/', '^src/health/', '\\.spec\\.ts$'],
      },
      to: { path: '^src/generated/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/prisma/(internal|models)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
