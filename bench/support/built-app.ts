import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { repoRoot, viteConfigFile } from './dist.ts';

export interface BuiltChunk {
  fileName: string;
  /** The module the chunk stands for (its entry, dynamic import or worker), if any. */
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  /** Rendered (tree-shaken, not yet minified) length per module. */
  modules: { id: string; renderedLength: number }[];
  /** True for chunks of a worker bundle, which Vite builds separately. */
  inWorker: boolean;
}

export interface BuiltApp {
  outDir: string;
  chunks: BuiltChunk[];
  read(fileName: string): Promise<Buffer>;
  close(): Promise<void>;
}

function moduleSizes(chunks: BuiltChunk[], inWorker: boolean): Plugin {
  return {
    name: 'kasa-bench-module-sizes',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        chunks.push({
          fileName: item.fileName,
          facadeModuleId: item.facadeModuleId,
          imports: [...item.imports],
          dynamicImports: [...item.dynamicImports],
          modules: Object.entries(item.modules).map(([id, module]) => ({ id, renderedLength: module.renderedLength })),
          inWorker,
        });
      }
    },
  };
}

/**
 * `vite build` with the project's own config into a temp dir (dist/ stays as it is), recording
 * each chunk's modules and imports from the bundle, the worker bundle included.
 */
export async function buildAppWithStats(): Promise<BuiltApp> {
  const outDir = await mkdtemp(join(tmpdir(), 'kasa-bench-bundle-'));
  const chunks: BuiltChunk[] = [];
  try {
    await build({
      configFile: viteConfigFile,
      root: join(repoRoot, 'web'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
      plugins: [moduleSizes(chunks, false)],
      worker: { plugins: () => [moduleSizes(chunks, true)] },
    });
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  return {
    outDir,
    chunks,
    read: (fileName) => readFile(join(outDir, fileName)),
    close: () => rm(outDir, { recursive: true, force: true }),
  };
}
