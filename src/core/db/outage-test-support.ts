// Outages on demand for tests: an administrator terminating a database's connections, and a
// TCP proxy between the code under test and PostgreSQL that forwards, or freezes (a server that
// accepts connections and bytes but never answers), or cuts every connection off and resets new
// ones (a server that is gone), and comes back on request.
import { createServer, Socket } from 'node:net';
import pg from 'pg';

/**
 * Terminates every connection to `databaseUrl`'s database except those of `spare` process ids,
 * as an administrator's pg_terminate_backend would; returns how many.
 */
export async function terminateBackends(databaseUrl: string, spare: number[] = []): Promise<number> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    // the pids first, then the kill: in one WHERE clause PostgreSQL may call the function before
    // the other conditions, on every backend of the server
    const { rows } = await admin.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    const pids = rows.map((row) => row.pid).filter((pid) => !spare.includes(pid));
    await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [pids]);
    return pids.length;
  } finally {
    await admin.end();
  }
}

export interface DatabaseProxy {
  /** the database URL, pointed at the proxy */
  url: string;
  /** stop passing bytes either way, on open and new connections; they wait in the sockets */
  freeze(): void;
  /**
   * hold back what the server sends on the connections open now (its farewell when it ends
   * one), while requests still reach it; connections opened later pass everything
   */
  holdReplies(): void;
  /** bytes passed on to the server so far */
  bytesToServer(): number;
  /** pass on everything held back, and carry on forwarding */
  thaw(): void;
  /** close every connection and refuse new ones until restore() */
  cutOff(): void;
  restore(): void;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (a random port) and forwards to the host and port of `databaseUrl`. */
export async function startDatabaseProxy(databaseUrl: string): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  const pairs = new Set<[Socket, Socket]>();
  let mode: 'forward' | 'frozen' | 'cut-off' = 'forward';
  let bytesToServer = 0;

  const server = createServer((client) => {
    client.on('error', () => undefined);
    if (mode === 'cut-off') {
      client.resetAndDestroy();
      return;
    }
    const upstream = new Socket();
    upstream.on('error', () => undefined);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    // 'data' and write rather than pipe: pause() must hold bytes back whatever pipe() thinks
    client.on('data', (chunk: Buffer) => {
      bytesToServer += chunk.length;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    if (mode === 'frozen') {
      client.pause();
      upstream.pause();
    }
    upstream.connect(Number(target.port || 5432), target.hostname);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('proxy has no port');
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);

  const eachSocket = (act: (socket: Socket) => void) => {
    for (const pair of pairs) pair.forEach(act);
  };
  return {
    url: url.toString(),
    freeze() {
      mode = 'frozen';
      eachSocket((socket) => socket.pause());
    },
    bytesToServer: () => bytesToServer,
    holdReplies() {
      for (const [, upstream] of pairs) upstream.pause();
    },
    thaw() {
      mode = 'forward';
      eachSocket((socket) => socket.resume());
    },
    cutOff() {
      mode = 'cut-off';
      eachSocket((socket) => socket.destroy());
      pairs.clear();
    },
    restore() {
      mode = 'forward';
    },
    async close() {
      eachSocket((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
