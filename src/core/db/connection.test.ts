import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { lockDataDir } from './connection.ts';

describe('embedded data directory lock', () => {
  it('refuses a directory another live process holds, and takes over one a dead process left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yakuba-lock-'));
    writeFileSync(join(dir, 'yakuba.lock'), String(process.ppid)); // a live process that is not us
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    writeFileSync(join(dir, 'yakuba.lock'), dead);
    const unlock = lockDataDir(dir);
    expect(existsSync(join(dir, 'yakuba.lock'))).toBe(true);
    unlock();
    expect(existsSync(join(dir, 'yakuba.lock'))).toBe(false);
  });
});
