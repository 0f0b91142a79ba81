import { type Role, roles } from '../../shared/api.ts';

export type UserCommand =
  | { kind: 'help' }
  | { kind: 'add'; username: string; role: Role }
  | { kind: 'list' }
  | { kind: 'disable'; username: string }
  | { kind: 'passwd'; username: string };

export type ParsedArgs = { ok: true; command: UserCommand } | { ok: false; message: string };

export const usage = `Usage: npm run user -- <command>

  add <username> --role <role>   create a user; the role is ${roles.join(', ')}
  list                           list users
  disable <username>             disable a user and sign them out
  passwd <username>              set a new password and sign the user out

add and passwd read the password from the first line of stdin, e.g.
  printf 'secret-pass-123\\n' | npm run user -- add anna --role cashier
The database is in $DATA_DIR (default ./data).`;

export function parseUserArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      return { ok: false, message: 'Name a command.' };
    case 'help':
    case '--help':
    case '-h':
      return { ok: true, command: { kind: 'help' } };
    case 'list':
      return rest.length === 0 ? { ok: true, command: { kind: 'list' } } : { ok: false, message: 'list takes no arguments.' };
    case 'disable':
    case 'passwd':
      return rest.length === 1 && rest[0] !== undefined && !rest[0].startsWith('-')
        ? { ok: true, command: { kind: command, username: rest[0] } }
        : { ok: false, message: `${command} takes exactly one username.` };
    case 'add':
      return parseAdd(rest);
    default:
      return { ok: false, message: `Unknown command "${command}".` };
  }
}

function parseAdd(args: readonly string[]): ParsedArgs {
  let username: string | undefined;
  let role: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--role') {
      role = args[index + 1];
      index += 1;
    } else if (arg.startsWith('--role=')) {
      role = arg.slice('--role='.length);
    } else if (arg.startsWith('-') || username !== undefined) {
      return { ok: false, message: `Unexpected argument "${arg}".` };
    } else {
      username = arg;
    }
  }
  if (username === undefined) return { ok: false, message: 'add needs a username.' };
  if (role === undefined) return { ok: false, message: `add needs --role (${roles.join(', ')}).` };
  if (!isRole(role)) return { ok: false, message: `The role must be one of: ${roles.join(', ')}.` };
  return { ok: true, command: { kind: 'add', username, role } };
}

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
