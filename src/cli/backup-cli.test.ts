import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const BIN = fileURLToPath(new URL('../../bin/yakuba.js', import.meta.url));
const exec = promisify(execFile);

/** Runs the CLI on an embedded database in `dataDir`; resolves with the exit code and output. */
async function yakuba(dataDir: string, ...args: string[]): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.VITEST;
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { env, timeout: 60_000 });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('yakuba backup / restore (CLI)', () => {
  it('backs up one data directory and restores it into another, refusing a second restore', async () => {
    const work = mkdtempSync(join(tmpdir(), 'yakuba-cli-backup-'));
    try {
      const a = join(work, 'a');
      const b = join(work, 'b');
      const file = join(work, 'backup.jsonl.gz');
      expect((await yakuba(a, 'tenant', 'create', '--slug', 'tokushima', '--name-ja', '徳島市', '--name-en', 'Tokushima', '--lg-code', '362018')).code).toBe(0);
      const backup = await yakuba(a, 'backup', '--out', file);
      expect(backup.out).toMatch(/backup of embedded PGlite/);
      expect(backup.code).toBe(0);
      expect(existsSync(file)).toBe(true);
      const restore = await yakuba(b, 'restore', file);
      expect(restore.code, restore.out).toBe(0);
      expect((await yakuba(b, 'tenant', 'list')).out).toContain('tokushima');
      const again = await yakuba(b, 'restore', file);
      expect(again.code).toBe(2);
      expect(again.out).toMatch(/refusing to restore: the database already has 1 tenant/);
      expect((await yakuba(b, 'restore', file, '--force')).code).toBe(0);
      expect((await yakuba(b, 'restore')).code).toBe(2);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
