import { userInfo } from 'node:os';
import { type Role, roles } from '../../shared/api.ts';
import { environmentWithDotEnv } from '../dotenv.ts';
import { openConfiguredStore } from '../store/open-store.ts';
import { AccountError, type Accounts, createAccounts } from './accounts.ts';
import { parseUserArgs, type UserCommand, usage } from './cli-args.ts';
import { readSecretLine } from './stdin-line.ts';

const exitFailed = 1;
const exitUsage = 2;

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseUserArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n\n${usage}\n`);
    return exitUsage;
  }
  if (parsed.command.kind === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  try {
    // Read like the server reads them, .env included, so that account changes join the same keyed audit chain.
    const env = environmentWithDotEnv(process.cwd(), process.env);
    const store = await openConfiguredStore({
      databaseUrl: env.DATABASE_URL?.trim() || null,
      dataDir: env.DATA_DIR?.trim() || './data',
      auditKey: env.AUDIT_KEY?.trim() || null,
    });
    try {
      process.stdout.write(await run(parsed.command, createAccounts(store, { actor: `cli:${cliUser()}` })));
      return 0;
    } finally {
      await store.close();
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return exitFailed;
  }
}

async function run(command: Exclude<UserCommand, { kind: 'help' }>, accounts: Accounts): Promise<string> {
  switch (command.kind) {
    case 'add': {
      const user = await accounts.add(command.username, command.role, await password(`Password for ${command.username}: `));
      return `Added ${user.username} (${user.role}).\n`;
    }
    case 'list':
      return formatList(await accounts.list());
    case 'disable':
      await accounts.disable(command.username);
      return `Disabled ${command.username} and ended their sessions.\n`;
    case 'passwd':
      await accounts.setPassword(command.username, await password(`New password for ${command.username}: `));
      return `Changed the password of ${command.username} and ended their sessions.\n`;
  }
}

/** The operating-system account running the CLI, for the audit log; shells do not always export USER. */
function cliUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER || 'unknown';
  }
}

async function password(prompt: string): Promise<string> {
  const line = await readSecretLine(prompt);
  if (line === null) throw new AccountError('No password on stdin: pipe it in or type it when asked.');
  return line;
}

function formatList(users: readonly { username: string; role: Role; disabled: boolean; createdAt: number }[]): string {
  if (users.length === 0) return 'No users yet.\n';
  const width = Math.max(...users.map((user) => user.username.length), 'username'.length);
  const roleWidth = Math.max(...roles.map((role) => role.length));
  const header = `${'username'.padEnd(width)}  ${'role'.padEnd(roleWidth)}  ${'state'.padEnd(8)}  created\n`;
  return (
    header +
    users
      .map((user) => `${user.username.padEnd(width)}  ${user.role.padEnd(roleWidth)}  ${(user.disabled ? 'disabled' : 'active').padEnd(8)}  ${new Date(user.createdAt).toISOString()}\n`)
      .join('')
  );
}

process.exitCode = await main(process.argv.slice(2));
