#!/usr/bin/env node
// Entry of the `yakuba` command: runs the TypeScript CLI through tsx, so no separate build step is needed.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli.ts');
