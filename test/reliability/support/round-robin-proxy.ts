import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small load balancer on loopback: each request goes to the next instance in turn, so one
 * cash-out's steps land on different Kasa instances. Like nginx with its defaults, it buffers the
 * whole answer before passing it on and answers 502 when the instance it picked cannot be reached
 * or dies before answering; it never retries, since a POST may already have been acted on.
 */

export interface RoundRobinProxy {
  origin: string;
  /** Points slot `slot` at a (re)started instance; a killed one stays in turn and earns 502s until then. */
  setUpstream(slot: number, origin: string): void;
  /** Requests answered with 502 because the instance was gone. */
  readonly badGateways: number;
  /** Requests handed to each slot, answered or not. */
  readonly sentToSlot: readonly number[];
  close(): Promise<void>;
}

const badGatewayPage = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n';

function appendForwardedFor(existing: string | string[] | undefined, peer: string | undefined): string {
  const hops = [existing].flat().filter((hop): hop is string => hop !== undefined && hop !== '');
  if (peer !== undefined) hops.push(peer);
  return hops.join(', ');
}

/** Listens on loopback at `port` (0: a free one). */
export async function startRoundRobinProxy(slots: number, port = 0): Promise<RoundRobinProxy> {
  const upstreams: (URL | null)[] = Array.from({ length: slots }, () => null);
  const agent = new Agent({ keepAlive: true });
  let turn = 0;
  let badGateways = 0;
  const sentToSlot = upstreams.map(() => 0);

  const badGateway = (res: ServerResponse): void => {
    badGateways += 1;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(badGatewayPage) });
    res.end(badGatewayPage);
  };

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const slot = turn % slots;
    const target = upstreams[slot];
    turn += 1;
    sentToSlot[slot] = (sentToSlot[slot] ?? 0) + 1;
    if (!target) {
      req.resume();
      badGateway(res);
      return;
    }
    // Host passes through untouched: the instances know the proxy's address as PUBLIC_ORIGIN.
    const headers = { ...req.headers, 'x-forwarded-for': appendForwardedFor(req.headers['x-forwarded-for'], req.socket.remoteAddress) };
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('error', () => badGateway(res));
      answer.on('end', () => {
        if (!answer.complete) {
          badGateway(res);
          return;
        }
        const body = Buffer.concat(chunks);
        const passed = { ...answer.headers, 'content-length': String(body.length) };
        delete passed['transfer-encoding'];
        res.writeHead(answer.statusCode ?? 502, passed);
        res.end(body);
      });
    });
    upstream.on('error', () => badGateway(res));
    req.pipe(upstream);
  };

  const server = createServer(forward);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const listening = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${listening}`,
    setUpstream(slot, origin) {
      upstreams[slot] = new URL(origin);
    },
    get badGateways() {
      return badGateways;
    },
    get sentToSlot() {
      return [...sentToSlot];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        agent.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
