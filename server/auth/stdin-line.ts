import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * Reads the first line of stdin: from a pipe as is, from a terminal after a prompt on stderr
 * with the echo suppressed, so the password does not appear on screen.
 */
export async function readSecretLine(prompt: string): Promise<string | null> {
  const terminal = process.stdin.isTTY === true;
  if (terminal) process.stderr.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: terminal ? silent : undefined, terminal, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) return line;
    return null;
  } finally {
    lines.close();
    if (terminal) process.stderr.write('\n');
  }
}
