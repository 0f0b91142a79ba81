import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * HTTP without a client's manners: the path goes on the request line exactly as given (no `..`
 * folding, no re-encoding), any header may be sent or left out, a body may be chunked.
 */

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sends the body with Transfer-Encoding: chunked instead of a Content-Length. */
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function rawRequest(origin: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(origin);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    // Node frames a DELETE body as chunked only when told to; without the header it sends it unframed.
    if (req.body !== undefined) {
      if (req.chunked) headers['Transfer-Encoding'] = 'chunked';
      else headers['Content-Length'] = String(Buffer.byteLength(req.body));
    }
    const outgoing = send(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers,
        agent: false,
        rejectUnauthorized: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    if (req.body !== undefined) outgoing.write(req.body);
    outgoing.end();
  });
}

/** The value of a Set-Cookie for `name`, e.g. "kasa_session=…; Path=/; HttpOnly". */
export function setCookieFor(headers: IncomingHttpHeaders, name: string): string | undefined {
  return (headers['set-cookie'] ?? []).find((line) => line.startsWith(`${name}=`));
}
