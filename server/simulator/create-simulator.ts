import { Hono } from 'hono';
import { failureResponse, notFound, WalletApiFailure } from './api-failure.ts';
import { SimClock } from './clock.ts';
import { controlRoutes } from './control-routes.ts';
import { customerPage } from './customer-page.ts';
import { SignedCallLog } from './signed-calls.ts';
import { SimulatorState } from './state.ts';
import { walletRoutes } from './wallet-routes.ts';
import { WriteOverlapRecorder } from './write-overlaps.ts';

export interface SimulatorOptions {
  /** clientId → macKey accepted by the MAC check. */
  clients: Record<string, string>;
  /** Reservation code validity; default 600. */
  codeTtlSeconds?: number;
  /** Mount /__control/* and the /customer demo page. Never enable outside demo mode and tests. */
  controlEnabled: boolean;
  /** Wallet shown by /customer; created with EUR 500.00 (the demo wallet of issue 3) when no wallet has this id yet. */
  demoWalletId?: number;
}

export interface Simulator {
  app: Hono;
  clock: SimClock;
  state: SimulatorState;
  /** Wallet writes for one transaction found in flight together (several Kasa instances must never cause one). */
  overlaps: WriteOverlapRecorder;
  /** The ext parameters each authenticated call was signed with, newest last. */
  signedCalls: SignedCallLog;
}

const demoWalletBalances = { EUR: 50_000 };

export function createSimulator(options: SimulatorOptions): Simulator {
  const clock = new SimClock();
  const state = new SimulatorState(clock, { codeTtlSeconds: options.codeTtlSeconds ?? 600 });
  const overlaps = new WriteOverlapRecorder();
  const signedCalls = new SignedCallLog();
  const app = new Hono();
  app.route('/rest/v1', walletRoutes({ state, clock, clients: options.clients, overlaps, signedCalls }));
  if (options.controlEnabled) {
    app.route('/__control', controlRoutes(state, clock, overlaps));
    if (options.demoWalletId !== undefined) {
      if (!state.wallet(options.demoWalletId)) state.createWallet(demoWalletBalances, { walletId: options.demoWalletId });
      app.get('/customer', customerPage(state, clock, options.demoWalletId));
    }
  }
  app.notFound((c) => failureResponse(c, notFound('Route not found')));
  app.onError((_error, c) => failureResponse(c, new WalletApiFailure(500, 'internal_server_error', 'Unexpected simulator error')));
  return { app, clock, state, overlaps, signedCalls };
}
