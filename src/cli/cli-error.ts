// A failure with a one-line reason for the operator (printed without a stack trace).
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export type CommandContext = { db: Db; config: Config; now: () => Date; out: (line: string) => void };

export type Command = {
  name: string;
  usage: string;
  summary: string;
  run: (args: string[], ctx: CommandContext) => Promise<void>;
};
