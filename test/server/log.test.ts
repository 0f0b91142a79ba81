import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log.ts';
import { linesSink } from '../support/lines-sink.ts';

const macKey = 'IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU';
const reservationCode = '0155567464130298871198969060';

function memoryLogger(secrets: string[] = [macKey]) {
  const lines: string[] = [];
  const destination = linesSink(lines);
  const log = createLogger({ level: 'debug', secrets, destination });
  const records = () => lines.join('').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log, lines, records };
}

describe('createLogger', () => {
  it('writes JSON lines with a level label and message', () => {
    const { log, records } = memoryLogger();
    log.info({ cashoutId: 'c1' }, 'created');
    expect(records()).toEqual([expect.objectContaining({ level: 'info', msg: 'created', cashoutId: 'c1' })]);
  });

  it('redacts sensitive keys at any depth, whatever their value', () => {
    const { log, lines } = memoryLogger();
    log.info({
      code: reservationCode,
      request: { body: { reservationCode, password: 'hunter22hunter' }, headers: { Authorization: 'MAC id="x"', cookie: 'kasa_session=abc' } },
      list: [{ token: 'tok-123456789' }, { macKey: { nested: true } }],
    });
    const text = lines.join('');
    for (const secret of [reservationCode, 'hunter22hunter', 'MAC id', 'kasa_session=abc', 'tok-123456789', '"nested"']) {
      expect(text).not.toContain(secret);
    }
    const record = JSON.parse(text) as { request: { headers: Record<string, string> }; code: string };
    expect(record.code).toBe('[redacted]');
    expect(record.request.headers.Authorization).toBe('[redacted]');
  });

  it('redacts bindings of child loggers, grandchildren included', () => {
    const { log, lines } = memoryLogger();
    log.child({ scope: 'http' }).child({ code: reservationCode }).info('reserve');
    expect(lines.join('')).not.toContain(reservationCode);
    expect(lines.join('')).toContain('"scope":"http"');
  });

  it('cuts the MAC key out of messages, error texts and stacks', () => {
    const { log, lines, records } = memoryLogger();
    log.warn(`signing with ${macKey} failed`);
    log.error(new Error(`bad key ${macKey}`), 'wallet call failed');
    log.error({ err: new Error(`again ${macKey}`) }, 'second');
    expect(lines.join('')).not.toContain(macKey);
    const [, error] = records();
    expect(error).toMatchObject({ msg: 'wallet call failed', err: { type: 'Error', message: 'bad key [redacted]' } });
  });

  it('keeps errors readable and leaves the original error untouched', () => {
    const { log, records } = memoryLogger();
    const error = Object.assign(new Error('boom'), { code: 'ECONNRESET', detail: 'peer hung up' });
    log.error({ err: error }, 'failed');
    expect(records()[0]).toMatchObject({ err: { type: 'Error', message: 'boom', detail: 'peer hung up', code: '[redacted]' } });
    expect(error.code).toBe('ECONNRESET');
  });

  it('survives circular objects', () => {
    const { log, records } = memoryLogger();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    log.info({ loop }, 'circular');
    expect(records()[0]).toMatchObject({ loop: { name: 'loop', self: '[skipped]' } });
  });
});
