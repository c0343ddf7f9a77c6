/**
 * Import direction (DESIGN.md): modules → core, never core → modules, never one module into another
 * module's internals (only its index.ts manifest). Checked in CI by `npm run lint`.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-never-imports-modules',
      comment: 'The core loops over manifests; it never names a module.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'module-only-through-index',
      comment: 'A module talks to another only through that module\'s index.ts (or events).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'web-never-imports-server',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
    {
      name: 'no-circular-core',
      severity: 'warn',
      from: { path: '^src/core/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
