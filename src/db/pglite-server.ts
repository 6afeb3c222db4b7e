// Serves one PGlite to many `pg` connections over a Unix socket.
// PGlite is single-session, so statements of different connections must not interleave:
// we run each client's messages up to a Sync/Query as one batch under PGlite's exclusive lock,
// and while a transaction is open only its own connection may continue. (The multiplexer of
// @electric-sql/pglite-socket queues single messages, which lets one connection's Parse/Bind
// land between another's and fails with "portal does not exist" under load.)
import fs from 'node:fs';
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

type Job = { conn: Conn; batch: Uint8Array };

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
/** Messages after which the client waits for an answer: the batch ends there. */
const BATCH_END = new Set(['S', 'Q', 'H']);

class Conn {
  private buf: Buffer = Buffer.alloc(0);
  private pending: Buffer[] = [];
  private started = false;
  constructor(
    readonly socket: net.Socket,
    private readonly enqueue: (job: Job) => void,
  ) {}

  onData(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      if (!this.started) {
        if (this.buf.length < 8) return;
        const len = this.buf.readInt32BE(0);
        if (this.buf.length < len) return;
        const msg = this.buf.subarray(0, len);
        this.buf = this.buf.subarray(len);
        const code = msg.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          this.socket.write('N');
          continue;
        }
        this.started = true;
        this.enqueue({ conn: this, batch: new Uint8Array(msg) });
        continue;
      }
      if (this.buf.length < 5) return;
      const len = 1 + this.buf.readInt32BE(1);
      if (this.buf.length < len) return;
      const msg = this.buf.subarray(0, len);
      this.buf = this.buf.subarray(len);
      const type = String.fromCharCode(msg[0]);
      if (type === 'X') {
        this.socket.end();
        return;
      }
      this.pending.push(msg);
      if (BATCH_END.has(type)) {
        this.enqueue({ conn: this, batch: new Uint8Array(Buffer.concat(this.pending)) });
        this.pending = [];
      }
    }
  }
}

export class PgliteSocketServer {
  private server?: net.Server;
  private queue: Job[] = [];
  private running = false;
  /** The connection whose transaction is open: only it may run until it ends. */
  private owner?: Conn;
  private conns = new Set<Conn>();

  constructor(private readonly db: PGlite) {}

  async listen(socketPath: string): Promise<void> {
    fs.rmSync(socketPath, { force: true });
    this.server = net.createServer((socket) => {
      const conn = new Conn(socket, (job) => this.push(job));
      this.conns.add(conn);
      socket.on('data', (d) => conn.onData(d));
      socket.on('error', () => socket.destroy());
      socket.on('close', () => this.closed(conn));
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(socketPath, () => resolve());
    });
  }

  async close(): Promise<void> {
    for (const c of this.conns) c.socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private push(job: Job): void {
    this.queue.push(job);
    void this.drain();
  }

  private async closed(conn: Conn): Promise<void> {
    this.conns.delete(conn);
    this.queue = this.queue.filter((j) => j.conn !== conn);
    if (this.owner === conn) {
      // A client that went away mid-transaction must not leave PGlite stuck in it.
      await this.db.runExclusive(() => this.db.exec('ROLLBACK')).catch(() => {});
      this.owner = undefined;
      void this.drain();
    }
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length) {
        const i = this.owner ? this.queue.findIndex((j) => j.conn === this.owner) : 0;
        if (i < 0) break; // wait for the transaction's owner to send more
        const [job] = this.queue.splice(i, 1);
        await this.db.runExclusive(() =>
          this.db.execProtocolRawStream(job.batch, {
            onRawData: (data) => {
              // Copy: PGlite reuses its output buffer before the socket has sent it.
              if (job.conn.socket.writable) job.conn.socket.write(Buffer.from(data));
            },
          }),
        ).catch(() => job.conn.socket.destroy());
        this.owner = this.db.isInTransaction() ? job.conn : undefined;
      }
    } finally {
      this.running = false;
    }
  }
}
