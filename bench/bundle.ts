import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BuiltApp, type BuiltChunk, buildAppWithStats } from './support/built-app.ts';
import { repoRoot } from './support/dist.ts';
import type { ResultRow } from './support/results.ts';
import { runIfStarted } from './support/standalone.ts';

const initialTargetKb = 35;
const topCount = 12;

/** The files index.html loads before any script runs: module scripts, modulepreloads and stylesheets. */
function htmlAssets(html: string): string[] {
  const files: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const attribute = (name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
    const isModuleScript = tag.startsWith('<script') && attribute('type') === 'module';
    const rel = attribute('rel');
    const url = isModuleScript ? attribute('src') : rel === 'modulepreload' || rel === 'stylesheet' ? attribute('href') : undefined;
    if (url !== undefined && !/^[a-z]+:/i.test(url)) files.push(url.replace(/^\//, ''));
  }
  return files;
}

/** `start` and every chunk it pulls in through static imports; dynamic imports are not followed. */
function staticClosure(chunks: ReadonlyMap<string, BuiltChunk>, start: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (fileName: string): void => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const fileName of start) visit(fileName);
  return [...seen];
}

async function gzipBytes(app: BuiltApp, files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += gzipSync(await app.read(file), { level: 9 }).length;
  return total;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function shortId(id: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(id);
  return inPackage ? `${inPackage[1]}: ${inPackage[2]}` : relative(repoRoot, id.replace(/^\0/, ''));
}

function packageOf(id: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
  return inPackage?.[1] ?? relative(repoRoot, id).split('/').slice(0, 2).join('/');
}

function topModules(chunks: readonly BuiltChunk[], group: (id: string) => string): string[] {
  const sizes = new Map<string, number>();
  for (const chunk of chunks) for (const module of chunk.modules) sizes.set(group(module.id), (sizes.get(group(module.id)) ?? 0) + module.renderedLength);
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  return [...sizes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topCount)
    .map(([name, size]) => `    ${kb(size).padStart(9)}  ${((size / total) * 100).toFixed(0).padStart(3)} %  ${name}`);
}

function chunkFor(app: BuiltApp, sourcePath: string): BuiltChunk | undefined {
  return app.chunks.find((chunk) => chunk.facadeModuleId?.endsWith(sourcePath));
}

export async function runBundleBench(): Promise<ResultRow[]> {
  const app = await buildAppWithStats();
  try {
    const byFile = new Map(app.chunks.filter((chunk) => !chunk.inWorker).map((chunk) => [chunk.fileName, chunk]));
    const html = (await app.read('index.html')).toString('utf8');
    const loadedByHtml = htmlAssets(html);
    const initialFiles = [...staticClosure(byFile, loadedByHtml.filter((file) => file.endsWith('.js'))), ...loadedByHtml.filter((file) => file.endsWith('.css'))];
    const initialBytes = await gzipBytes(app, initialFiles);
    const initial = new Set(initialFiles);

    /** A lazily loaded part: its chunk and whatever it statically imports that the first load did not bring. */
    const lazy = (chunk: BuiltChunk | undefined): string[] => (chunk ? staticClosure(byFile, [chunk.fileName]).filter((file) => !initial.has(file)) : []);
    const scannerFiles = lazy(chunkFor(app, 'web/scanner/index.ts'));
    const workerChunks = (source: string): string[] => app.chunks.filter((chunk) => chunk.inWorker && chunk.facadeModuleId?.endsWith(source)).map((chunk) => chunk.fileName);
    const workerPathFiles = [...lazy(chunkFor(app, 'web/scanner/worker-decoder.ts')), ...workerChunks('web/scanner/wasm-decode-worker.ts')];
    const libraryWorkerFiles = workerChunks('web/scanner/library-decode-worker.ts');
    const wasmFiles = (await readdir(join(app.outDir, 'assets'))).filter((file) => file.endsWith('.wasm')).map((file) => `assets/${file}`);
    const fallbackFiles = lazy(chunkFor(app, 'web/scanner/main-thread-decoder.ts'));
    const deferredFiles = lazy(chunkFor(app, 'web/screens/deferred.ts'));
    const scannerBytes = await gzipBytes(app, [...scannerFiles, ...workerPathFiles]);
    const wasmBytes = await gzipBytes(app, wasmFiles);
    const wasmRawBytes = (await Promise.all(wasmFiles.map((file) => app.read(file)))).reduce((sum, bytes) => sum + bytes.length, 0);
    const libraryWorkerBytes = await gzipBytes(app, libraryWorkerFiles);
    const fallbackBytes = await gzipBytes(app, fallbackFiles);
    const deferredBytes = await gzipBytes(app, deferredFiles);
    const deskFiles = lazy(chunkFor(app, 'web/screens/desk.ts'));
    const deskBytes = await gzipBytes(app, deskFiles);
    const adminFiles = lazy(chunkFor(app, 'web/screens/admin.ts'));
    const adminBytes = await gzipBytes(app, adminFiles);
    const languageSizes: string[] = [];
    for (const language of ['lv', 'et', 'ru']) {
      const files = [...lazy(chunkFor(app, `web/i18n/${language}.ts`)), ...lazy(chunkFor(app, `web/i18n/${language}-errors.ts`))];
      languageSizes.push(`${language} ${kb(await gzipBytes(app, files))}`);
    }

    const initialChunks = initialFiles.flatMap((file) => byFile.get(file) ?? []);
    const scannerChunks = app.chunks.filter((chunk) => [...scannerFiles, ...workerPathFiles].includes(chunk.fileName));
    console.log('bundle: gzip -9 of the built files');
    console.log(`  initial (sign-in and amount screens): ${kb(initialBytes)} — ${initialFiles.join(', ')}`);
    console.log(`  after sign-in (deferred screens): ${kb(deferredBytes)} — ${deferredFiles.join(', ')}`);
    console.log(`  cash desk (shift screens, when first opened): ${kb(deskBytes)} — ${deskFiles.join(', ')}`);
    console.log(`  admin (accounts and locations, when first opened): ${kb(adminBytes)} — ${adminFiles.join(', ')}`);
    console.log(`  languages loaded when chosen: ${languageSizes.join(' · ')}`);
    console.log(`  scanner, worker path: ${kb(scannerBytes)} — ${[...scannerFiles, ...workerPathFiles].join(', ')}`);
    console.log(`  zxing-cpp wasm: ${kb(wasmBytes)} (${kb(wasmRawBytes)} as served without compression) — ${wasmFiles.join(', ')}`);
    console.log(`  scanner, @zxing/library worker (no WebAssembly): ${kb(libraryWorkerBytes)} — ${libraryWorkerFiles.join(', ')}`);
    console.log(`  scanner, main-thread fallback: ${kb(fallbackBytes)} — ${fallbackFiles.join(', ')}`);
    console.log('  initial: largest modules (rendered length before minifying, share of the initial code)');
    for (const line of topModules(initialChunks, shortId)) console.log(line);
    console.log('  initial: by package');
    for (const line of topModules(initialChunks, packageOf)) console.log(line);
    console.log('  scanner (worker path): by package');
    for (const line of topModules(scannerChunks, packageOf)) console.log(line);

    const largest = topModules(initialChunks, packageOf)[0]?.trim().replace(/\s+/g, ' ');
    return [
      {
        benchmark: 'bundle',
        metric: 'initial JS+CSS, gzip -9 (sign-in + amount)',
        value: `${kb(initialBytes)} in ${initialFiles.length} files`,
        measured: initialBytes / 1024,
        target: { comparison: 'at most', limit: initialTargetKb, unit: 'KB' },
      },
      { benchmark: 'bundle', metric: 'initial: largest package', value: largest ?? 'n/a' },
      { benchmark: 'bundle', metric: 'deferred screens chunk, gzip -9 (after sign-in)', value: kb(deferredBytes) },
      { benchmark: 'bundle', metric: 'cash desk screens chunk, gzip -9 (when a shift screen opens)', value: kb(deskBytes) },
      { benchmark: 'bundle', metric: 'admin screens chunk, gzip -9 (when an admin opens accounts or locations)', value: kb(adminBytes) },
      { benchmark: 'bundle', metric: 'lazy language, strings + error texts, gzip -9', value: languageSizes.join(' · ') },
      { benchmark: 'bundle', metric: 'lazy scanner, zxing-cpp worker path (JS), gzip -9', value: `${kb(scannerBytes)} in ${scannerFiles.length + workerPathFiles.length} files` },
      { benchmark: 'bundle', metric: 'zxing-cpp wasm (lazy, precached), gzip -9', value: `${kb(wasmBytes)} (${kb(wasmRawBytes)} uncompressed) in ${wasmFiles.length} file` },
      { benchmark: 'bundle', metric: 'lazy @zxing/library worker (no WebAssembly), gzip -9', value: kb(libraryWorkerBytes) },
      { benchmark: 'bundle', metric: 'lazy main-thread decoder (fallback), gzip -9', value: kb(fallbackBytes) },
    ];
  } finally {
    await app.close();
  }
}

await runIfStarted(import.meta.url, runBundleBench);
