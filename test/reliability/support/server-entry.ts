import { parseConfig } from '../../../server/config.ts';
import { startServer } from '../../../server/start-server.ts';
import { readyMarker } from './ready-marker.ts';

/**
 * Kasa as its own process for the crash test: configured from the environment like
 * server/main.ts, plus a sweep interval, and announcing its origin on stdout once it listens.
 */
const parsed = parseConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`bad configuration: ${parsed.errors.join('; ')}\n`);
  process.exit(1);
}
const sweepIntervalMs = Number(process.env.KASA_TEST_SWEEP_INTERVAL_MS ?? '1000');
const server = await startServer(parsed.config, { sweepIntervalMs });
process.stdout.write(`${readyMarker}${JSON.stringify({ origin: server.origin })}\n`);
