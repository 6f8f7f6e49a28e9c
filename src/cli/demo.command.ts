import { loadDemo } from '../features/conferences/demo/demo.loader.js';
import { DEMO_SIGN_INS } from '../features/conferences/demo/seoul-2013.data.js';
import type { Io } from './main.js';
import { openServices } from './open.js';
import { parseOptions } from './options.js';

export async function runDemo(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, { reset: { type: 'boolean' } });
  const services = await openServices('plenary demo');
  try {
    const result = await loadDemo(services.database.db, {
      reset: values.reset ?? false,
      now: services.clock.now(),
    });
    if (!result.loaded) {
      io.stdout.write('The demo is loaded already. Use --reset to wipe it and load it again.\n');
    } else {
      io.stdout.write(`Loaded the Seoul 2013 demo: ${JSON.stringify(result.counts)}\n`);
      printSignIns(io);
    }
    return 0;
  } finally {
    await services.database.close();
  }
}

export function printSignIns(io: Io): void {
  io.stdout.write('Demo sign-ins:\n');
  for (const s of DEMO_SIGN_INS) {
    io.stdout.write(
      `  ${s.role.padEnd(12)} ${s.email.padEnd(34)} ${s.password}${s.delegation ? `  (${s.delegation})` : ''}\n`,
    );
  }
}
