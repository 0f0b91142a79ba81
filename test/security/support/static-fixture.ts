import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for the built PWA: an index.html and one hashed asset under `root`, and beside the
 * root a file that no request may ever reach, whatever its path says.
 */
export interface StaticFixture {
  root: string;
  assetPath: string;
  /** Content of the file outside the root; a response containing it is a traversal. */
  outsideSecret: string;
  close(): Promise<void>;
}

export async function createStaticFixture(): Promise<StaticFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'kasa-static-'));
  const root = join(dir, 'dist');
  const outsideSecret = `outside-the-root-${Date.now()}`;
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Kasa</title><div id="app"></div>');
  await writeFile(join(root, 'assets', 'app-3f2a1b.js'), 'console.log("kasa");');
  await writeFile(join(dir, 'secret.txt'), outsideSecret);
  await writeFile(join(dir, 'kasa.sqlite'), outsideSecret);
  return { root, assetPath: '/assets/app-3f2a1b.js', outsideSecret, close: () => rm(dir, { recursive: true, force: true }) };
}
