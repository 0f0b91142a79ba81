import { Writable } from 'node:stream';

/** A log destination that keeps every line written to it in `lines`, for tests that read what was logged. */
export function linesSink(lines: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
}
