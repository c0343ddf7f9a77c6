import { describe, expect, it } from 'vitest';
import { validateManifests, type Manifest } from './manifest.ts';

const noop = async () => {};
const m = (id: string, mounts?: Manifest['mounts']): Manifest => ({ id, title: { ja: id, en: id }, ...(mounts ? { mounts } : {}) });

describe('validateManifests: mounts outside /api/{id}', () => {
  it('accepts a standard path and the tenant root', () => {
    expect(() => validateManifests([m('opendata', [{ prefix: '/api/3', routes: noop }, { prefix: '', routes: noop }])])).not.toThrow();
  });
  it('refuses a prefix mounted twice, inside a core path or inside another module', () => {
    expect(() => validateManifests([m('a', [{ prefix: '/api/3', routes: noop }]), m('b', [{ prefix: '/api/3', routes: noop }])])).toThrow(/registered twice/);
    expect(() => validateManifests([m('a', [{ prefix: '/api/admin/x', routes: noop }])])).toThrow(/core path/);
    expect(() => validateManifests([m('a', [{ prefix: '/api/b/x', routes: noop }]), m('b')])).toThrow(/inside module "b"/);
    expect(() => validateManifests([m('a', [{ prefix: 'api/3', routes: noop }])])).toThrow(/not a path/);
  });
});
