import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serveDirectory } from '../../test/e2e/support/static-server.ts';

/** The scan page (bench/scan-page) built as production code and served from 127.0.0.1, a secure context for the camera. */
export async function serveScanPage(): Promise<{ origin: string; close(): Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'kasa-bench-page-'));
  try {
    await build({
      configFile: false,
      root: fileURLToPath(new URL('../scan-page/', import.meta.url)),
      // 'error': the page imports the worker decoder statically to time it, which Vite rightly warns about.
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
    const site = await serveDirectory(outDir);
    return {
      origin: site.origin,
      async close() {
        await site.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}
