import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/store/sqlite.ts';

// What every store does is in store-contract.ts; this is what only the SQLite one has: a file in DATA_DIR.
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kasa-store-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('file', () => {
  it('uses kasa.sqlite inside dataDir, or the given file name', async () => {
    await openSqliteStore({ dataDir: dir }).close();
    const named = openSqliteStore({ dataDir: join(dir, 'sub'), fileName: 'shop.sqlite' });
    await named.close();
    expect(existsSync(join(dir, 'sub', 'shop.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'kasa.sqlite'))).toBe(true);
  });

});
