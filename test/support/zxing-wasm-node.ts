import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule } from 'zxing-wasm/reader';

/**
 * In Node zxing-wasm would fetch its wasm from a CDN; the tests and benchmarks hand it the copy in
 * node_modules instead (the app does the same with a file Vite emits: wasm-decode-worker.ts).
 */
export function useLocalZxingWasm(): void {
  const file = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = readFileSync(file);
  prepareZXingModule({ overrides: { wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) } });
}
