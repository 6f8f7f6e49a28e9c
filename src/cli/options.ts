import { parseArgs } from 'node:util';
import { UsageError } from './main.js';

type Spec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** parseArgs with unknown flags and missing values turned into usage errors. */
export function parseOptions<T extends Spec>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
