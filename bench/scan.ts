import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { renderBarcode, type Symbology } from '../test/e2e/support/barcode-image.ts';
import { cycle } from '../web/scanner/pass-cycle.ts';
import { cameraPermissions, chromiumLaunchOptions } from '../test/e2e/support/browser.ts';
import type { DecodeCost, ReadTiming, ScannerName } from './scan-page/state.ts';
import { serveScanPage } from './support/bench-page.ts';
import type { ResultRow } from './support/results.ts';
import { type CodeTransform, writeMarkedVideo } from './support/scan-video.ts';
import { runIfStarted } from './support/standalone.ts';
import { ms, summarise } from './support/stats.ts';

/** A 28-digit code, the shape of the real reservation codes seen so far. */
const code = '7301234567890123456789012345';
const repetitions = Number(process.env.BENCH_SCAN_REPS ?? 20);
const variantRepetitions = Number(process.env.BENCH_SCAN_VARIANT_REPS ?? 8);
/** One second of background before the code, then 1.5 s of code: long enough for a 500 ms polling reader to get two tries. */
const blankFrames = 30;
const codeFrames = 45;
const readLimitMs = 5_000;
const variantLimitMs = 3_000;
const decodeSamples = 50;
const liveFrames = 90;
const coldRounds = 5;
/** How long after the camera opens each reader starts, spread evenly (golden-ratio steps) over one polling period and more. */
const offsetSpanMs = 600;
const offsetFor = (repetition: number): number => Math.round(((repetition * 0.618_034) % 1) * offsetSpanMs);

interface ScanCase {
  label: string;
  symbology: Symbology;
  transform: CodeTransform;
  repetitions: number;
  limitMs: number;
  /** Whether this case also times the decoder alone. */
  decodeCost: boolean;
}

const symbologies: { label: string; symbology: Symbology }[] = [
  { label: 'QR', symbology: 'qrcode' },
  { label: 'Code 128', symbology: 'code128' },
];

const variants: { label: string; transform: CodeTransform }[] = [
  { label: 'slightly blurred (σ≈1 px)', transform: { softenPasses: 2 } },
  { label: 'low contrast (50 %)', transform: { contrast: 0.5 } },
  { label: 'rotated 15°', transform: { rotationDegrees: 15 } },
];

const cases: ScanCase[] = [
  ...symbologies.map(({ label, symbology }) => ({ label, symbology, transform: {}, repetitions, limitMs: readLimitMs, decodeCost: true })),
  ...variants.flatMap((variant) =>
    symbologies.map(({ label, symbology }) => ({
      label: `${label} ${variant.label}`,
      symbology,
      transform: variant.transform,
      repetitions: variantRepetitions,
      limitMs: variantLimitMs,
      decodeCost: false,
    })),
  ),
];

const scanners: ScannerName[] = ['kasa', 'naive'];

interface CaseResult {
  scanCase: ScanCase;
  timings: Record<ScannerName, ReadTiming[]>;
  cost?: DecodeCost;
}

async function runCase(origin: string, dir: string, scanCase: ScanCase): Promise<CaseResult> {
  const videoFile = join(dir, 'camera.y4m');
  await writeMarkedVideo(videoFile, await renderBarcode(code, scanCase.symbology), { blankFrames, codeFrames, transform: scanCase.transform });
  const browser = await chromium.launch(chromiumLaunchOptions(videoFile));
  try {
    const context = await browser.newContext({ permissions: cameraPermissions });
    const page = await context.newPage();
    await page.goto(origin);
    const timings: Record<ScannerName, ReadTiming[]> = { kasa: [], naive: [] };
    // Alternating the two readers keeps any drift of the machine from favouring either.
    for (let i = 0; i < scanCase.repetitions; i++) {
      for (const scanner of scanners) timings[scanner].push(await timeRead(page, scanner, scanCase.limitMs, offsetFor(i)));
    }
    const cost = scanCase.decodeCost
      ? await page.evaluate(([samples, frames, rounds]) => window.scanBench.decodeCost(samples, frames, rounds), [decodeSamples, liveFrames, coldRounds] as const)
      : undefined;
    return { scanCase, timings, ...(cost && { cost }) };
  } finally {
    await browser.close();
    await rm(videoFile, { force: true });
  }
}

function timeRead(page: Page, scanner: ScannerName, limitMs: number, offsetMs: number): Promise<ReadTiming> {
  return page.evaluate(([name, limit, offset]) => window.scanBench.timeRead(name, limit, offset), [scanner, limitMs, offsetMs] as const);
}

function latencies(timings: readonly ReadTiming[]): number[] {
  return timings.flatMap((timing) => (timing.outcome === 'read' && timing.text === code && timing.latencyMs !== undefined ? [timing.latencyMs] : []));
}

function describeReads(timings: readonly ReadTiming[]): string {
  const values = latencies(timings);
  const stats = summarise(values);
  const failures = timings.filter((timing) => timing.outcome !== 'read' || timing.text !== code).map((timing) => timing.outcome === 'read' ? 'misread' : timing.outcome);
  const size = timings[0] ? `${timings[0].width}×${timings[0].height}` : '?';
  const failed = failures.length > 0 ? `, not read: ${failures.join(' ')}` : '';
  const each = values.map((value) => Math.round(value)).join(' ');
  const arrivals = timings.flatMap((timing) => (timing.arrivalAfterStartMs === undefined ? [] : [timing.arrivalAfterStartMs]));
  const spread = arrivals.length > 0 ? `; code came ${ms(Math.min(...arrivals), 0)}–${ms(Math.max(...arrivals), 0)} after start` : '';
  return `${values.length}/${timings.length} read at ${size}; mean ${ms(stats.mean, 0)}, median ${ms(stats.median, 0)}, p95 ${ms(stats.p95, 0)}${failed}${spread} [${each}]`;
}

function rowsFor(result: CaseResult): ResultRow[] {
  const { scanCase, timings, cost } = result;
  const kasa = summarise(latencies(timings.kasa));
  const naive = summarise(latencies(timings.naive));
  const read = (scanner: ScannerName): string => `${latencies(timings[scanner]).length}/${timings[scanner].length}`;
  const rows: ResultRow[] = [];
  if (scanCase.decodeCost) {
    const ratio = kasa.mean / naive.mean;
    rows.push(
      { benchmark: 'scan', metric: `${scanCase.label}: Kasa, code in view → decoded`, value: `${read('kasa')} · mean ${ms(kasa.mean, 0)} · median ${ms(kasa.median, 0)} · p95 ${ms(kasa.p95, 0)}` },
      { benchmark: 'scan', metric: `${scanCase.label}: naive @zxing/browser`, value: `${read('naive')} · mean ${ms(naive.mean, 0)} · median ${ms(naive.median, 0)} · p95 ${ms(naive.p95, 0)}` },
      { benchmark: 'scan', metric: `${scanCase.label}: Kasa / naive (mean)`, value: Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a', measured: ratio, target: { comparison: 'at most', limit: 0.33, unit: '' } },
    );
  } else {
    rows.push({
      benchmark: 'scan',
      metric: `${scanCase.label}: read within ${scanCase.limitMs / 1000} s`,
      value: `Kasa ${read('kasa')} (median ${ms(kasa.median, 0)}) · naive ${read('naive')} (median ${ms(naive.median, 0)})`,
    });
  }
  if (cost) {
    const withCode = summarise(cost.decodeWithCode);
    const withoutCode = summarise(cost.decodeWithoutCode);
    const worker = summarise([...cost.workerWithCode, ...cost.workerWithoutCode]);
    const worst = Math.max(withCode.p95, withoutCode.p95);
    rows.push(
      {
        benchmark: 'scan',
        metric: `${scanCase.label}: decode per 1280×720 frame in the worker, passes in turn (median / p95)`,
        value: `code ${ms(withCode.median)} / ${ms(withCode.p95)} · none ${ms(withoutCode.median)} / ${ms(withoutCode.p95)}`,
        measured: worst,
        target: { comparison: 'at most', limit: 20, unit: 'ms' },
      },
      {
        benchmark: 'scan',
        metric: `${scanCase.label}: decode per frame in the worker, by pass (median with code / without)`,
        value: cycle
          .map((pass, turn) => {
            const ofPass = (times: number[]): number[] => times.filter((_, index) => index % cycle.length === turn);
            return `${turn + 1}. ${pass.name} ${ms(summarise(ofPass(cost.decodeWithCode)).median)} / ${ms(summarise(ofPass(cost.decodeWithoutCode)).median)}`;
          })
          .join(' · '),
      },
      { benchmark: 'scan', metric: `${scanCase.label}: worker round trip per frame (median / p95)`, value: `${ms(worker.median)} / ${ms(worker.p95)}` },
      { benchmark: 'scan', metric: `${scanCase.label}: fresh worker, first code frame → read (median)`, value: ms(summarise(cost.coldRead).median) },
    );
  }
  return rows;
}

function report(result: CaseResult): void {
  console.log(`scan ${result.scanCase.label} (load average ${loadavg()[0]?.toFixed(2)})`);
  for (const scanner of scanners) console.log(`  ${scanner.padEnd(5)} ${describeReads(result.timings[scanner])}`);
  const { cost } = result;
  if (!cost) return;
  const line = (label: string, values: number[]): string => {
    const stats = summarise(values);
    return `  ${label}: n=${stats.count} median ${ms(stats.median)} p95 ${ms(stats.p95)}`;
  };
  console.log(line('decode, frame with code', cost.decodeWithCode) + (cost.decodedText === code ? '' : ` (decoded ${JSON.stringify(cost.decodedText)}!)`));
  console.log(line('decode, frame without code', cost.decodeWithoutCode));
  console.log(line('worker round trip, with code', cost.workerWithCode));
  console.log(line('worker round trip, without code', cost.workerWithoutCode));
  console.log(line('fresh worker, first code frame → read', cost.coldRead));
}

export async function runScanBench(): Promise<ResultRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'kasa-bench-scan-'));
  const site = await serveScanPage();
  try {
    const rows: ResultRow[] = [];
    for (const scanCase of cases) {
      const result = await runCase(site.origin, dir, scanCase);
      report(result);
      rows.push(...rowsFor(result));
    }
    return rows;
  } finally {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await runIfStarted(import.meta.url, runScanBench);
