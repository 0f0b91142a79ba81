import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { errorBody } from '../../shared/errors.ts';
import { validationMessage } from './errors.ts';

const jsonType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Parses and validates a JSON body into `c.var.body`. Checks the Content-Type itself, because
 * Hono's json validator quietly validates `{}` when the header is not JSON. Messages come from the
 * schema, never from the input, so nothing the client sent is echoed back, not even a key name.
 */
export function jsonBody<S extends z.ZodType>(schema: S): MiddlewareHandler<{ Variables: { body: z.output<S> } }> {
  const fields = schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
  return async (c, next) => {
    if (!jsonType.test(c.req.header('Content-Type') ?? '')) {
      return c.json(errorBody('UNSUPPORTED_MEDIA_TYPE'), 415);
    }
    // Read outside the try: a body over the size limit must surface as 413, not as bad JSON.
    const text = await c.req.text();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return c.json(errorBody('INVALID_INPUT', 'The request body is not valid JSON.'), 400);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      return c.json(errorBody('INVALID_INPUT', validationMessage(parsed.error.issues, fields)), 400);
    }
    c.set('body', parsed.data);
    return next();
  };
}
