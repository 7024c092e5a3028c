// Output rules of the CLI contract: with --json the last line of stdout is one JSON value;
// people get short readable lines; progress and messages go to stderr so stdout stays clean.

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Rewrites the current stderr line on a terminal; plain lines elsewhere. */
  progress(line: string): void;
  endProgress(): void;
  readonly stderrIsTty: boolean;
}

export function processIo(): CliIo {
  // `easel jobs | head` closes the pipe early; that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const tty = Boolean(process.stderr.isTTY);
  let open = false;
  return {
    stderrIsTty: tty,
    out: (line) => void process.stdout.write(`${line}\n`),
    err(line) {
      if (open) process.stderr.write('\n');
      open = false;
      process.stderr.write(`${line}\n`);
    },
    progress(line) {
      if (tty) {
        process.stderr.write(`\r\x1b[2K${line}`);
        open = true;
      } else {
        process.stderr.write(`${line}\n`);
      }
    },
    endProgress() {
      if (open) process.stderr.write('\n');
      open = false;
    },
  };
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value));
}
