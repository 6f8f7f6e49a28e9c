/**
 * The `plenary` command. Each command uses the same services as the server. Errors become a
 * plain message and an exit code (sysexits), never a stack trace.
 */
import { PlenaryError } from '../platform/errors.js';

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 64,
  dataError: 65,
  noInput: 66,
  unavailable: 69,
  tempFail: 75,
  noPermission: 77,
} as const;

const USAGE = `Usage: plenary <command> [options]

Commands:
  serve                         start the server (PORT, DATABASE_URL or PLENARY_DATA_DIR)
  migrate                       apply the database migrations
  demo [--reset]                load the Seoul 2013 demo (--reset: wipe and load again)
  import participants FILE --delegation CODE [--edition SLUG] [--mode valid-rows|all-or-nothing|validate]
  export participants --format csv|xlsx [--edition SLUG] [--status STATUS] [--out FILE]
  schedule --in instance.json --out solution.json [--time-limit SECONDS] [--seed N]
  readout --edition SLUG --delegation CODE [--lang ja|en] [--format md|html|pdf] [--out FILE]
`;

export class UsageError extends Error {}

export function exitCodeFor(error: PlenaryError): number {
  if (error.code === 'data_folder_locked') return EXIT.tempFail;
  switch (error.kind) {
    case 'invalid':
    case 'too_large':
      return EXIT.dataError;
    case 'not_found':
      return EXIT.noInput;
    case 'forbidden':
    case 'unauthenticated':
      return EXIT.noPermission;
    default:
      return EXIT.failure;
  }
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await (await import('./serve.command.js')).runServe(rest, io);
      case 'migrate':
        return await (await import('./migrate.command.js')).runMigrate(rest, io);
      case 'demo':
        return await (await import('./demo.command.js')).runDemo(rest, io);
      case 'import':
        return await (await import('./participants.command.js')).runImport(rest, io);
      case 'export':
        return await (await import('./participants.command.js')).runExport(rest, io);
      case 'schedule':
        return await (await import('./schedule.command.js')).runSchedule(rest, io);
      case 'readout':
        return await (await import('./readout.command.js')).runReadout(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        io.stderr.write(`plenary: unknown command "${command}"\n\n${USAGE}`);
        return EXIT.usage;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`plenary: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof PlenaryError) {
      io.stderr.write(`plenary: ${error.message} [${error.code}]\n`);
      for (const detail of (error.details ?? []).slice(0, 50)) {
        io.stderr.write(
          `  ${detail.line ? `line ${detail.line}: ` : ''}${detail.field ? `${detail.field}: ` : ''}${detail.message}\n`,
        );
      }
      return exitCodeFor(error);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.stderr.write(`plenary: ${(error as Error).message}\n`);
      return EXIT.noInput;
    }
    if (code === 'ECONNREFUSED' || code === '28P01' || code === '3D000') {
      io.stderr.write(`plenary: cannot reach the database: ${(error as Error).message}\n`);
      return EXIT.unavailable;
    }
    io.stderr.write(`plenary: unexpected error: ${(error as Error).message}\n`);
    return EXIT.failure;
  }
}
