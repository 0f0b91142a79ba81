import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: `initdb` into a temporary folder and
 * `postgres` on a free loopback port, removed again by `stop()`. PostgreSQL refuses to run as root,
 * so as root both run as the `postgres` OS user (Debian's package creates it). No server is assumed
 * to be running and nothing outside the temporary folder is touched.
 */
export interface PgCluster {
  /** Superuser URL of the `postgres` database; make a database per test file with `createDatabase`. */
  adminUrl: string;
  port: number;
  /** A fresh, empty database; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface PgClusterOptions {
  /** Off for tests (speed); on for benchmarks, where it is part of what is measured. */
  fsync?: boolean;
  maxConnections?: number;
}

const osUser = 'postgres';

export function findPgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  const bin = newest === undefined ? '' : join(root, newest, 'bin');
  if (!bin || !existsSync(join(bin, 'initdb'))) {
    throw new Error('PostgreSQL is not installed: the tests need its initdb and postgres (Debian: apt-get install -y postgresql).');
  }
  return bin;
}

/** As root, the uid and gid to run PostgreSQL's programs with; otherwise they run as the caller. */
function postgresIdentity(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', osUser]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', osUser]).toString().trim());
  return { uid, gid };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited at start-up:\n${output()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s: ${String(error)}\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = findPgBin();
  const dir = mkdtempSync(join(tmpdir(), 'kasa-pg-'));
  const identity = postgresIdentity();
  if ('uid' in identity) chownSync(dir, identity.uid, identity.gid);
  const dataDir = join(dir, 'data');
  // cwd: a root-only working directory would make PostgreSQL's programs fail to start.
  const run = { ...identity, cwd: dir, env: { ...process.env, LC_ALL: 'C.UTF-8' } };
  try {
    execFileSync(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'], { ...run, stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`initdb failed: ${stderr}`);
  }
  const port = await freePort();
  const settings = [
    ['listen_addresses', '127.0.0.1'],
    ['port', String(port)],
    ['unix_socket_directories', dir],
    ['fsync', options.fsync ? 'on' : 'off'],
    ['synchronous_commit', options.fsync ? 'on' : 'off'],
    ['full_page_writes', options.fsync ? 'on' : 'off'],
    ['max_connections', String(options.maxConnections ?? 300)],
    ['shared_buffers', '64MB'],
  ];
  const args = ['-D', dataDir, ...settings.flatMap(([name, value]) => ['-c', `${name}=${value}`])];
  const server = spawn(join(bin, 'postgres'), args, { ...run, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-8000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    await waitUntilReady(adminUrl, server, () => log);
  } catch (error) {
    server.kill('SIGKILL');
    await exited;
    remove();
    throw error;
  }

  return {
    adminUrl,
    port,
    createDatabase: (name) => createDatabaseAt(adminUrl, name),
    dropDatabase: (name) => dropDatabaseAt(adminUrl, name),
    async stop() {
      if (server.exitCode === null) {
        // SIGINT is PostgreSQL's fast shutdown: sessions are ended, nothing is waited for.
        server.kill('SIGINT');
        const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      remove();
    },
  };
}

let counter = 0;

function checkedName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  return name;
}

/** Makes an empty database in the cluster at `adminUrl` and returns its URL. */
export async function createDatabaseAt(adminUrl: string, name?: string): Promise<string> {
  counter += 1;
  const database = checkedName(name ?? `kasa_${process.pid}_${counter}_${Math.random().toString(36).slice(2, 8)}`);
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${database}`));
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function dropDatabaseAt(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${checkedName(name)} WITH (FORCE)`));
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
