// The server's log: one JSON object a line (pino) for log collectors; readable (pino-pretty) when a
// person watches it in a terminal. Never personal data: callers log kinds, ids, counts and route
// patterns, not addresses, tokens or answers (the redaction below is a second line of defence).
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Context } from 'hono';
import type { AppEnv } from '../../web/context.ts';

import type { LogLevel } from './log.model.ts';

export type { Logger };

export function createLogger(level: LogLevel = 'info', opts: { pretty?: boolean; destination?: pino.DestinationStream } = {}): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Keys that would hold personal data if someone ever logged them by mistake.
    redact: { paths: ['email', 'to', 'token', 'answers', '*.email', '*.to', '*.token', '*.answers'], censor: '[weggelaten]' },
  };
  const readable = opts.pretty ?? process.stdout.isTTY === true;
  if (opts.destination) return pino(options, opts.destination);
  // In-process and synchronous (no worker thread): a terminal is for one person watching, not for load.
  if (readable) return pino(options, pretty({ colorize: true, sync: true, singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }));
  // For a collector: lines gathered into writes of 4 kB (one write per request cost the server, and
  // whoever reads the pipe, a system call each), written at least once a second and at exit.
  const stdout = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => stdout.flush(), FLUSH_MS).unref();
  return pino(options, stdout);
}

/** The longest a buffered log line waits before it is written. */
const FLUSH_MS = 1000;

/**
 * The request line's logger: its fields (request id, method, route pattern, status, duration) are
 * never personal data, so it skips the redaction that every other line goes through.
 */
export function requestLineLogger(log: Logger): Logger {
  return log.child({}, { redact: { paths: [] } });
}

/**
 * For createApp without a logger (tests, tools): warnings and errors only, as the same JSON lines,
 * through console.error, so tests stay quiet yet can see (and check) what an error path logs.
 */
export const fallbackLogger: Logger = pino(
  { level: 'warn', base: null, redact: { paths: ['email', 'to', 'token', 'answers'], censor: '[weggelaten]' } },
  { write: (line: string) => console.error(line.trimEnd()) },
);

/** The logger of a request: the app's, with the request id on every line. */
export function requestLog<E extends AppEnv>(c: Context<E>): Logger {
  const { deps, reqId } = c.var as AppEnv['Variables'];
  return (deps?.log ?? fallbackLogger).child({ reqId });
}
