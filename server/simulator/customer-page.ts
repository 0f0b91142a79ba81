import bwipjs from 'bwip-js/node';
import type { Context } from 'hono';
import { formatCents } from '../../shared/money.ts';
import type { SimClock } from './clock.ts';
import type { SimulatorState } from './state.ts';

/**
 * The demo "customer phone": the demo wallet's available balance and a fresh reservation code as
 * QR, Code 128 and text. Self-contained (no scripts, no external resources) so it works offline
 * on a second screen; every load issues a new code.
 */
export function customerPage(state: SimulatorState, clock: SimClock, walletId: number) {
  return (c: Context): Response => {
    const wallet = state.wallet(walletId);
    if (!wallet) return c.text(`Demo wallet ${walletId} does not exist`, 404);
    const issued = state.issueCode(walletId);
    const ttl = Math.max(1, issued.expiresAt - clock.nowSeconds());
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'");
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.html(renderPage(wallet.available, issued.code, ttl));
  };
}

/**
 * Scanners need a light quiet zone around a code (four modules for QR, ten for Code 128), or a
 * camera pointed at this page reads neither: bwip-js adds none by default. Its padding is in
 * points: a QR module is 2 points, a Code 128 module 1; a point is `scale` drawing units.
 */
export const qrSymbol = { bcid: 'qrcode', scale: 4, paddingwidth: 8, paddingheight: 8 } as const;
export const barSymbol = { bcid: 'code128', scale: 2, height: 18, paddingwidth: 10, paddingheight: 2 } as const;
const qrUnitsPerModule = 2 * qrSymbol.scale;
const barUnitsPerModule = barSymbol.scale;

/**
 * Draws a symbol with every module a whole number of CSS pixels wide and its edges snapped to
 * pixels: scaled to a fractional width, the antialiased edges of neighbouring modules blur into
 * grey and a reader misses the code on some screen widths.
 */
export function crispSymbol(svg: string, unitsPerModule: number, maxWidth: string): string {
  const viewBoxWidth = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  if (!Number.isInteger(viewBoxWidth / unitsPerModule)) throw new Error('bwip-js drew a symbol of a fractional module count');
  const modules = viewBoxWidth / unitsPerModule;
  const width = `width:${maxWidth};width:round(down,${maxWidth},${modules}px);height:auto`;
  return svg.replace('<svg ', `<svg shape-rendering="crispEdges" style="${width}" `);
}

function renderPage(available: Record<string, number>, code: string, ttlSeconds: number): string {
  const balances = Object.entries(available)
    .map(([currency, cents]) => `<li>${escapeHtml(currency)} ${escapeHtml(formatCents(cents))}</li>`)
    .join('');
  const qr = crispSymbol(bwipjs.toSVG({ ...qrSymbol, text: code }), qrUnitsPerModule, 'min(70vw,320px)');
  const code128 = crispSymbol(bwipjs.toSVG({ ...barSymbol, text: code }), barUnitsPerModule, 'min(92vw,520px)');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${ttlSeconds}">
<title>Paysera demo wallet</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;padding:1rem;text-align:center;background:#fff;color:#111}
ul{list-style:none;padding:0;font-size:1.4rem;font-weight:600}
.qr svg,.bar svg{display:block;margin:0 auto}
.bar{margin-top:1.5rem}
.code{font-family:ui-monospace,monospace;font-size:1.1rem;letter-spacing:.05em;word-break:break-all}
a{display:inline-block;margin-top:1rem;padding:.8rem 1.4rem;border-radius:.5rem;background:#0a5fd8;color:#fff;text-decoration:none}
</style>
</head>
<body>
<h1>Demo wallet</h1>
<p>Available</p>
<ul>${balances}</ul>
<p>Show this reservation code to the cashier</p>
<div class="qr" role="img" aria-label="Reservation code as QR code">${qr}</div>
<div class="bar" role="img" aria-label="Reservation code as Code 128 barcode">${code128}</div>
<p class="code" id="code">${escapeHtml(code)}</p>
<a href="/customer">New code</a>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
