import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Searching stored bytes for secrets: each needle as UTF-8 and as UTF-16LE (SQLite can store either). */

export interface Haystack {
  name: string;
  bytes: Buffer;
}

export function haystackOf(name: string, text: string): Haystack {
  return { name, bytes: Buffer.from(text, 'utf8') };
}

/** "where: which needle" for every needle found; [] when none is. */
export function findNeedles(haystacks: readonly Haystack[], needles: readonly string[], label: (needle: string) => string = (n) => n): string[] {
  const hits: string[] = [];
  for (const needle of new Set(needles)) {
    if (needle === '') continue;
    const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
    for (const haystack of haystacks) {
      if (forms.some((form) => haystack.bytes.includes(form))) hits.push(`${haystack.name}: ${label(needle)}`);
    }
  }
  return hits;
}

/** Every file under `dir`, recursively, as a haystack named by its path. */
export async function filesUnder(dir: string): Promise<Haystack[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return { name: path, bytes: await readFile(path) };
      }),
  );
}
