import bwipjs from 'bwip-js/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barSymbol, crispSymbol, qrSymbol } from '../../../server/simulator/customer-page.ts';
import { startSimulator } from '../../../server/simulator/index.ts';
import type { RunningSimulator } from '../../../server/simulator/index.ts';
import { clients, createTransactionKey, walletCall } from './signed-fetch.ts';

const demoWalletId = 777;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ clients, controlEnabled: true, demoWalletId, codeTtlSeconds: 90 });
});

afterAll(async () => {
  await sim.close();
});

async function page(): Promise<{ response: Response; html: string; code: string }> {
  const response = await fetch(`${sim.origin}/customer`);
  const html = await response.text();
  const code = /<p class="code" id="code">(\d{28})<\/p>/.exec(html)?.[1] ?? '';
  return { response, html, code };
}

describe('GET /customer', () => {
  it('shows the demo wallet balance and a fresh, valid code as QR, Code 128 and text', async () => {
    const before = sim.clock.nowSeconds();
    const { response, html, code } = await page();
    const after = sim.clock.nowSeconds();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(code).toMatch(/^\d{28}$/);
    expect(sim.state.code(code)).toMatchObject({ walletId: demoWalletId, used: false });
    expect(sim.state.code(code)?.expiresAt).toBeGreaterThanOrEqual(before + 90);
    expect(sim.state.code(code)?.expiresAt).toBeLessThanOrEqual(after + 90);
    expect(html).toContain('EUR 500.00');
    expect(html.match(/<svg[\s>]/g)).toHaveLength(2);
    expect(html).toContain(bwipjs.toSVG({ ...qrSymbol, text: code }).replace(/^<svg [^>]*>/, ''));
    expect(html).toContain(bwipjs.toSVG({ ...barSymbol, text: code }).replace(/^<svg [^>]*>/, ''));
    expect(Number(/<meta http-equiv="refresh" content="(\d+)">/.exec(html)?.[1])).toBeGreaterThanOrEqual(89);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href)="https?:/i);
  });

  it('issues a new code on every load', async () => {
    const first = await page();
    const second = await page();
    expect(second.code).not.toBe(first.code);
    expect(sim.state.code(first.code)?.used).toBe(false);
  });

  it('a code from the page reserves against the demo wallet, and the page shows what is left', async () => {
    const { code } = await page();
    const key = await createTransactionKey(sim, 2550);
    expect((await walletCall(sim, 'PUT', `/rest/v1/transaction/${key}/reserve`, { code })).body).toMatchObject({ wallet: demoWalletId });
    expect((await page()).html).toContain('EUR 474.50');
  });

  it('is absent when no demo wallet is configured', async () => {
    const plain = await startSimulator({ clients, controlEnabled: true });
    try {
      expect((await fetch(`${plain.origin}/customer`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('the symbols on the page', () => {
  const code = '2941198148893542039133853353';
  /** The smallest x a path of the symbol draws at, in drawing units. */
  const leftEdge = (svg: string): number => Math.min(...[...svg.matchAll(/[ML](\d+) /g)].map((match) => Number(match[1])));

  it('leave the quiet zone a scanner needs: four QR modules, ten Code 128 modules', () => {
    const qrModule = 2 * qrSymbol.scale;
    expect(leftEdge(bwipjs.toSVG({ ...qrSymbol, text: code }))).toBe(4 * qrModule);
    // A Code 128 bar is stroked along its centre line, half a bar width right of its left edge.
    const bar = bwipjs.toSVG({ ...barSymbol, text: code });
    const barWidth = Number(/stroke-width="(\d+)"/.exec(bar)?.[1]);
    expect(leftEdge(bar) - barWidth / 2).toBe(10 * barSymbol.scale);
  });

  it('are drawn with crisp edges at a whole number of pixels per module', () => {
    const qr = crispSymbol(bwipjs.toSVG({ ...qrSymbol, text: code }), 2 * qrSymbol.scale, 'min(70vw,320px)');
    expect(qr).toMatch(/^<svg shape-rendering="crispEdges" style="width:min\(70vw,320px\);width:round\(down,min\(70vw,320px\),29px\);height:auto" viewBox="0 0 232 232"/);
    const bar = crispSymbol(bwipjs.toSVG({ ...barSymbol, text: code }), barSymbol.scale, 'min(92vw,520px)');
    expect(bar).toMatch(/^<svg shape-rendering="crispEdges" style="[^"]*,209px\);height:auto" viewBox="0 0 418 /);
  });

  it('refuses a drawing that is not a whole number of modules wide', () => {
    expect(() => crispSymbol('<svg viewBox="0 0 233 232" xmlns="http://www.w3.org/2000/svg"></svg>', 8, '10px')).toThrow(/fractional/);
  });
});

