import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const viteConfigFile = join(repoRoot, 'vite.config.ts');
export const distDir = join(repoRoot, 'dist');

/** What the built PWA is made from: a change to any of these makes dist/ stale. */
const sources = ['web', 'shared', 'vite.config.ts', 'package-lock.json'];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** Builds the PWA into dist/ (as `npm run build` does) when it is missing or older than its sources. */
export async function ensureDist(): Promise<void> {
  const index = join(distDir, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const changed = Math.max(...sources.map((source) => newestChange(join(repoRoot, source))));
  if (built >= changed) return;
  console.log(built === 0 ? 'dist/ is missing: running vite build' : 'dist/ is older than its sources: running vite build');
  await build({ configFile: viteConfigFile, root: join(repoRoot, 'web'), logLevel: 'warn' });
}
