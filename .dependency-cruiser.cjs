/**
 * Import direction (DESIGN.md): modules → core, never core → modules, never one module into another
 * module's internals (only its index.ts manifest). Checked in CI by `npm run lint`.
 * Code shared by browser and server (docs/adr/002): a module's engine/ and the pure files of
 * src/core/ja; the web may import only those, and they import nothing else (no Node built-ins).
 */
const SHARED_CORE = '^src/core/ja/(wareki|dates|kana|normalize|date-input)\\.ts$';
// wanakana: romaji → kana for the garbage dictionary search (pure, no Node built-ins).
const SHARED_NPM = '^node_modules/((@types/)?json-logic-js|wanakana)/';

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
      comment: 'The web may import only shared code: modules\' engine/ and the pure core/ja files (ADR 002).',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: ['^src/modules/[^/]+/engine/', SHARED_CORE] },
    },
    {
      name: 'shared-code-no-node',
      comment: 'Shared code runs in the browser: no Node built-ins (ADR 002).',
      severity: 'error',
      from: { path: ['^src/modules/[^/]+/engine/', SHARED_CORE] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'engine-imports-only-shared',
      comment: 'An engine imports its own files, the pure core/ja files, json-logic-js and wanakana, nothing else (ADR 002).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/engine/' },
      to: { dependencyTypesNot: ['core'], pathNot: ['^src/modules/$1/engine/', SHARED_CORE, SHARED_NPM] },
    },
    {
      name: 'shared-core-imports-only-shared-core',
      comment: 'The pure core/ja files stay pure: they import only each other (ADR 002).',
      severity: 'error',
      from: { path: SHARED_CORE },
      to: { dependencyTypesNot: ['core'], pathNot: [SHARED_CORE] },
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
