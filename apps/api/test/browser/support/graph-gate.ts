// A pass-through HTTP proxy in front of the fake Instagram Graph server that can hold matching
// requests until the test lets them go. The fake answers in microseconds, so a whole sync is over
// before a browser can look at it; holding one step lets a test see the sync *in progress* without
// sleeping or guessing, then release it and watch it finish. Point INSTAGRAM_GRAPH_BASE_URL here.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphGate {
  /** `http://127.0.0.1:<port>`: use as INSTAGRAM_GRAPH_BASE_URL. */
  url: string;
  /** From now on, requests whose path matches wait (until `release`). */
  hold(match: (path: string) => boolean): void;
  /** Lets every waiting request through and stops holding. */
  release(): void;
  /** How many requests are waiting right now. */
  readonly waiting: number;
  /** Resolves once at least `count` requests are waiting (fails after `timeout` ms). */
  waitForHeld(count?: number, timeout?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startGraphGate(target: string): Promise<GraphGate> {
  const upstream = new URL(target);
  let match: ((path: string) => boolean) | undefined;
  let waiters: (() => void)[] = [];

  const forward = (incoming: IncomingMessage, response: ServerResponse) => {
    const outgoing = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: upstream.host } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    outgoing.on('error', (error) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`graph gate: ${error.message}`);
    });
    incoming.pipe(outgoing);
  };

  const server = createServer((incoming, response) => {
    const path = new URL(incoming.url ?? '/', 'http://gate').pathname;
    if (match?.(path)) {
      // Paused, so the body (if any) waits in the socket until we forward it.
      incoming.pause();
      waiters.push(() => forward(incoming, response));
      return;
    }
    forward(incoming, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const release = () => {
    match = undefined;
    const pending = waiters;
    waiters = [];
    for (const go of pending) go();
  };

  return {
    url: `http://127.0.0.1:${port}`,
    hold(next) {
      match = next;
    },
    release,
    get waiting() {
      return waiters.length;
    },
    async waitForHeld(count = 1, timeout = 15_000) {
      const end = Date.now() + timeout;
      while (waiters.length < count) {
        if (Date.now() > end) throw new Error(`graph gate: expected ${count} held request(s) within ${timeout} ms, ${waiters.length} waiting`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        release();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
