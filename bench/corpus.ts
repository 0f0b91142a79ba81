import { degradationClasses } from '../test/web/scanner/corpus/classes.ts';
import { corpus } from '../test/web/scanner/corpus/corpus.ts';
import { corpusReaders } from './support/corpus-readers.ts';
import type { ResultRow } from './support/results.ts';
import { runIfStarted } from './support/standalone.ts';
import { ms, summarise } from './support/stats.ts';

/**
 * Read rate on the generated corpus of hard pictures (test/web/scanner/corpus), per degradation
 * class, for Kasa's pipeline and the decoders it is measured against, side by side on the same
 * pictures. `BENCH_CORPUS_PICTURES` pictures of each symbology per class (default 4).
 */
const perSymbology = Number(process.env.BENCH_CORPUS_PICTURES ?? 4);

export async function runCorpusBench(): Promise<ResultRow[]> {
  const readers = corpusReaders();
  const reads = new Map<string, Map<string, number>>(readers.map((reader) => [reader.name, new Map()]));
  const times = new Map<string, number[]>(readers.map((reader) => [reader.name, []]));
  const pictures = new Map<string, number>();
  for (const picture of corpus(perSymbology)) {
    pictures.set(picture.className, (pictures.get(picture.className) ?? 0) + 1);
    for (const reader of readers) {
      const start = performance.now();
      const text = await reader.read(picture.luminance, picture.width, picture.height);
      times.get(reader.name)?.push(performance.now() - start);
      const byClass = reads.get(reader.name);
      if (text === picture.code) byClass?.set(picture.className, (byClass.get(picture.className) ?? 0) + 1);
    }
  }
  const count = (reader: string, className?: string): number => {
    const byClass = reads.get(reader) ?? new Map<string, number>();
    return className === undefined ? [...byClass.values()].reduce((sum, value) => sum + value, 0) : (byClass.get(className) ?? 0);
  };
  const [kasa, stock, wasm] = readers.map((reader) => reader.name) as [string, string, string];
  const side = (className?: string): string => {
    const total = className === undefined ? [...pictures.values()].reduce((sum, value) => sum + value, 0) : (pictures.get(className) ?? 0);
    return readers.map((reader) => `${reader.name} ${count(reader.name, className)}/${total}`).join(' · ');
  };

  const rows: ResultRow[] = degradationClasses.map((degradation) => ({
    benchmark: 'corpus',
    metric: `read: ${degradation.name} (${degradation.describe}); Kasa − stock`,
    value: side(degradation.name),
    measured: count(kasa, degradation.name) - count(stock, degradation.name),
    target: { comparison: 'at least', limit: 0, unit: 'pictures' },
  }));
  rows.push(
    {
      benchmark: 'corpus',
      metric: 'read: all classes; Kasa − zxing-wasm defaults',
      value: side(),
      measured: count(kasa) - count(wasm),
      target: { comparison: 'at least', limit: 0, unit: 'pictures' },
    },
    {
      benchmark: 'corpus',
      metric: 'decode time per corpus picture in Node (median / p95; Kasa: up to 4 passes)',
      value: readers.map((reader) => {
        const stats = summarise(times.get(reader.name) ?? []);
        return `${reader.name} ${ms(stats.median, 0)} / ${ms(stats.p95, 0)}`;
      }).join(' · '),
    },
  );
  console.log(`corpus: ${perSymbology} pictures of each symbology per class`);
  for (const row of rows) console.log(`  ${row.metric}: ${row.value}`);
  return rows;
}

await runIfStarted(import.meta.url, runCorpusBench);
