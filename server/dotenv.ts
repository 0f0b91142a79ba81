import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The few lines of `.env` Kasa needs: KEY=VALUE, optional `export `, # comments, optional single
 * or double quotes around the value. No interpolation or multi-line values.
 */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, key = '', rest = ''] = match;
    const quoted = /^(["'])(.*)\1$/.exec(rest);
    out[key] = quoted ? (quoted[2] ?? '') : rest.replace(/\s+#.*$/, '');
  }
  return out;
}

/** `.env` from the directory, overridden by the real environment. */
export function environmentWithDotEnv(dir: string, env: Record<string, string | undefined>): Record<string, string | undefined> {
  let fromFile: Record<string, string> = {};
  try {
    fromFile = parseDotEnv(readFileSync(join(dir, '.env'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return merged;
}
