import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { corpus } from './corpus.ts';
import { toRgba } from './frame.ts';

/**
 * `npx tsx test/web/scanner/corpus/write-corpus.ts <dir> [per symbology]`: writes the corpus as PNG
 * files to look at. The pictures are regenerated on demand and never committed.
 */
const [dir = 'corpus-pictures', count = '8'] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });
for (const picture of corpus(Number(count))) {
  const png = new PNG({ width: picture.width, height: picture.height });
  png.data = Buffer.from(toRgba(picture.luminance));
  writeFileSync(join(dir, `${picture.className}-${picture.symbology}-${picture.index}.png`), PNG.sync.write(png));
}
console.log(`corpus written to ${dir}`);
