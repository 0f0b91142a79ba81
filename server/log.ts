import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.ts';

/**
 * The one logger: JSON lines, and redaction is its own job, so no call site can forget it.
 * Values under sensitive keys are replaced at any depth; configured secrets (the MAC key) are
 * cut out of the final line wherever they appear, message text included.
 */

export type { Logger };

export const redacted = '[redacted]';

const sensitiveKeys = new Set(['code', 'reservationcode', 'password', 'mackey', 'authorization', 'cookie', 'token']);

const maxDepth = 10;

function redactValue(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > maxDepth) return '[skipped]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, seen, depth + 1));
  if (value instanceof Error) {
    // A copy that stays an Error, so pino's err serializer still prints type, message and stack.
    const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(value)) {
      copy[key] = redactEntry(key, (value as unknown as Record<string, unknown>)[key], seen, depth);
    }
    return copy;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactEntry(key, item, seen, depth);
  return out;
}

function redactEntry(key: string, value: unknown, seen: WeakSet<object>, depth: number): unknown {
  return sensitiveKeys.has(key.toLowerCase()) ? redacted : redactValue(value, seen, depth + 1);
}

export function redactObject<T extends object>(object: T): T {
  return redactValue(object, new WeakSet(), 0) as T;
}

/** Secrets shorter than this would shred ordinary log text; real keys are far longer. */
const minSecretLength = 8;

function secretScrubber(secrets: readonly string[]): (line: string) => string {
  const needles = secrets
    .filter((secret) => secret.length >= minSecretLength)
    .flatMap((secret) => [JSON.stringify(secret).slice(1, -1), secret]);
  if (needles.length === 0) return (line) => line;
  return (line) => needles.reduce((text, needle) => text.split(needle).join(redacted), line);
}

export interface LoggerOptions {
  level: LogLevel;
  secrets?: readonly string[];
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const scrub = secretScrubber(options.secrets ?? []);
  const logger = pino(
    {
      level: options.level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redactObject(bindings),
        log: (object) => redactObject(object),
      },
      hooks: { streamWrite: scrub },
    },
    options.destination,
  );
  // pino applies formatters.bindings to the root only; children inherit this override through the prototype.
  const child = logger.child;
  const redactingChild = function (this: Logger, bindings: Record<string, unknown>, childOptions?: object) {
    return child.call(this, redactObject(bindings), childOptions);
  };
  logger.child = redactingChild as Logger['child'];
  return logger;
}
