import { parseArgs } from 'node:util';

/** Parses `--flag value` options, failing with a clear message on unknown ones. */
export function cliArgs<T extends Record<string, { type: 'string' | 'boolean' }>>(options: T, usage: string) {
  try {
    return parseArgs({ options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}
