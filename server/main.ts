import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseConfig } from './config.ts';
import { environmentWithDotEnv } from './dotenv.ts';
import { startServer, type RunningServer } from './start-server.ts';

export { startServer } from './start-server.ts';
export type { RunningServer, StartOptions } from './start-server.ts';

function banner(server: RunningServer): string {
  const lines = ['', `  Kasa is running at ${server.origin}`];
  if (server.demoAccounts && server.customerPageUrl) {
    lines.push(
      '',
      '  DEMO MODE: payouts go to the embedded Paysera simulator, no real money moves.',
      `  Customer phone page (open on a second screen): ${server.customerPageUrl}`,
      `  Cashier:    ${server.demoAccounts.cashier.username}  password ${server.demoAccounts.cashier.password}`,
      `  Supervisor: ${server.demoAccounts.supervisor.username}  password ${server.demoAccounts.supervisor.password}`,
      `  Admin:      ${server.demoAccounts.admin.username}  password ${server.demoAccounts.admin.password}`,
      '  The passwords change on every start.',
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const parsed = parseConfig(environmentWithDotEnv(process.cwd(), process.env));
  if (!parsed.ok) {
    process.stderr.write(`Kasa cannot start, the configuration is not valid:\n${parsed.errors.map((e) => `  ${e}\n`).join('')}`);
    process.exit(1);
  }
  const staticRoot = existsSync('dist') ? 'dist' : undefined;
  const server = await startServer(parsed.config, staticRoot === undefined ? {} : { staticRoot });
  if (staticRoot === undefined) server.log.warn('no dist/ directory: serving the API only; run `npm run build` for the app');
  process.stdout.write(banner(server));

  const shutdown = (signal: string) => {
    server.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

// Imported (tests, the E2E server script) it only exports startServer; run directly it starts Kasa.
const entry = process.argv[1];
if (entry !== undefined && existsSync(entry) && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`Kasa failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
