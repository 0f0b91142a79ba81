import { fileURLToPath } from 'node:url';
import { chromium, expect, type Page } from '@playwright/test';
import { cameraPermissions, chromiumLaunchOptions } from '../test/e2e/support/browser.ts';
import { checkIdentity, enterCodeByHand, giveCashText, signIn, startCashout } from '../test/e2e/support/cashier.ts';
import { type KasaUnderTest, startKasa } from '../test/e2e/support/serve.ts';
import { walletWithCode } from '../test/e2e/support/wallets.ts';
import { ensureDist } from './support/dist.ts';
import type { ResultRow } from './support/results.ts';
import { runIfStarted } from './support/standalone.ts';
import { ms, summarise } from './support/stats.ts';

const walletLatencyMs = 150;
const repetitions = Number(process.env.BENCH_FLOW_REPS ?? 10);
const amount = '5.00';
const marksScript = fileURLToPath(new URL('./support/flow-marks.js', import.meta.url));

interface Mark {
  name: string;
  at: number;
}

interface ApiTiming {
  path: string;
  start: number;
  end: number;
}

interface Segment {
  /** Hand-over (code submitted, confirm tapped) to the next screen painted. */
  totalMs: number;
  /** Time with a request to the Kasa API in flight. */
  apiMs: number;
  apiRequests: number;
  walletCalls: number;
}

const uiShare = (segment: Segment): number => segment.totalMs - segment.apiMs;
/** What the server and loopback add to the simulator's fixed delay. */
const serverShare = (segment: Segment): number => segment.apiMs - segment.walletCalls * walletLatencyMs;

function firedFaults(kasa: KasaUnderTest): number {
  return kasa.simulator.state.faults().reduce((sum, fault) => sum + fault.fired, 0);
}

/** Wall time covered by at least one of the requests: overlapping requests count once. */
function busyTime(timings: readonly ApiTiming[]): number {
  let busy = 0;
  let until = Number.NEGATIVE_INFINITY;
  for (const { start, end } of [...timings].sort((a, b) => a.start - b.start)) {
    if (end <= until) continue;
    busy += end - Math.max(start, until);
    until = end;
  }
  return busy;
}

async function pageRecords(page: Page): Promise<{ marks: Mark[]; api: ApiTiming[] }> {
  return page.evaluate(() => {
    const marks = (window as unknown as { __flowMarks: Mark[] }).__flowMarks.splice(0);
    const api = performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.startsWith('/api/'))
      .map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime, end: (entry as PerformanceResourceTiming).responseEnd }));
    performance.clearResourceTimings();
    return { marks, api };
  });
}

function segment(records: { marks: Mark[]; api: ApiTiming[] }, from: string, to: string, walletCalls: number): Segment {
  const start = records.marks.find((mark) => mark.name === from)?.at;
  const end = records.marks.find((mark) => mark.name === to)?.at;
  if (start === undefined || end === undefined) throw new Error(`page marks ${from} → ${to} missing: ${records.marks.map((mark) => mark.name).join(', ')}`);
  const inside = records.api.filter((timing) => timing.start >= start && timing.start <= end);
  return { totalMs: end - start, apiMs: busyTime(inside), apiRequests: inside.length, walletCalls };
}

async function oneCashout(page: Page, kasa: KasaUnderTest): Promise<{ reserve: Segment; confirm: Segment }> {
  const { code } = walletWithCode(kasa.simulator, 100_00);
  await startCashout(page, amount);
  await pageRecords(page);
  const beforeReserve = firedFaults(kasa);
  await enterCodeByHand(page, code);
  await expect(page.getByTestId('verify-screen')).toBeVisible();
  const afterReserve = firedFaults(kasa);
  await checkIdentity(page);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('give-cash-screen')).toContainText(giveCashText(amount));
  const afterConfirm = firedFaults(kasa);
  // The painted marks land one frame after the screens appear.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  const records = await pageRecords(page);
  await page.getByTestId('new-cashout').click();
  await expect(page.getByTestId('amount-display')).toBeVisible();
  return {
    reserve: segment(records, 'code-submitted', 'verify-screen-painted', afterReserve - beforeReserve),
    confirm: segment(records, 'confirm-clicked', 'give-cash-screen-painted', afterConfirm - afterReserve),
  };
}

function describeSegments(label: string, segments: readonly Segment[]): string {
  const total = summarise(segments.map((s) => s.totalMs));
  const ui = summarise(segments.map(uiShare));
  const server = summarise(segments.map(serverShare));
  const calls = [...new Set(segments.map((s) => `${s.apiRequests} API / ${s.walletCalls} Wallet`))].join(', ');
  return `  ${label}: total median ${ms(total.median)} · UI median ${ms(ui.median)} p95 ${ms(ui.p95)} · server+loopback median ${ms(server.median)} · requests ${calls}`;
}

export async function runFlowBench(): Promise<ResultRow[]> {
  await ensureDist();
  const kasa = await startKasa();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    kasa.simulator.state.addFault({ endpoint: 'any', kind: 'latency', ms: walletLatencyMs, count: 1_000_000 });
    const context = await browser.newContext({ baseURL: kasa.origin, permissions: cameraPermissions });
    await context.addInitScript({ path: marksScript });
    const page = await context.newPage();
    await page.goto(kasa.origin);
    await signIn(page, kasa.accounts.cashier);
    await oneCashout(page, kasa);
    const runs: { reserve: Segment; confirm: Segment }[] = [];
    for (let i = 0; i < repetitions; i++) runs.push(await oneCashout(page, kasa));

    const reserve = runs.map((run) => run.reserve);
    const confirm = runs.map((run) => run.confirm);
    const both: Segment[] = runs.map((run) => ({
      totalMs: run.reserve.totalMs + run.confirm.totalMs,
      apiMs: run.reserve.apiMs + run.confirm.apiMs,
      apiRequests: run.reserve.apiRequests + run.confirm.apiRequests,
      walletCalls: run.reserve.walletCalls + run.confirm.walletCalls,
    }));
    console.log(`flow: ${repetitions} cash-outs of €${amount}, every Wallet call delayed ${walletLatencyMs} ms, code typed by hand`);
    console.log(describeSegments('code submitted → verify screen painted', reserve));
    console.log(describeSegments('confirm tapped → "Give €…" painted', confirm));
    console.log(describeSegments('both', both));

    const ui = summarise(both.map(uiShare));
    const total = summarise(both.map((s) => s.totalMs));
    const server = summarise(both.map(serverShare));
    const walletCalls = summarise(both.map((s) => s.walletCalls)).median;
    return [
      {
        benchmark: 'flow',
        metric: `code → "Give €…" (human verify step excluded), ${walletLatencyMs} ms per Wallet call`,
        value: `median ${ms(total.median, 0)} = ${walletCalls} × ${walletLatencyMs} ms Wallet + ${ms(server.median, 0)} server/loopback + ${ms(ui.median, 0)} UI`,
      },
      {
        benchmark: 'flow',
        metric: "UI's own share beyond network time (median / p95)",
        value: `${ms(ui.median)} / ${ms(ui.p95)}`,
        measured: ui.median,
        target: { comparison: 'at most', limit: 50, unit: 'ms' },
      },
    ];
  } finally {
    await browser.close();
    await kasa.close();
  }
}

await runIfStarted(import.meta.url, runFlowBench);
