import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_LOAD_TIMEOUT_MS } from '../load/timeout.js';

/** A number of seconds (such as `30` or `0.5`) given on the command line, as milliseconds. */
export function seconds(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) === 0)
    throw new InvalidArgumentError('must be a number of seconds above 0, such as 30 or 0.5.');
  return Number(value) * 1000;
}

/** `--timeout`: a TS/JS spec is code that runs; it must finish loading within this time. */
export const timeoutOption = () =>
  new Option('--timeout <seconds>', 'how long a TS/JS spec may take to load')
    .argParser(seconds)
    .default(DEFAULT_LOAD_TIMEOUT_MS, String(DEFAULT_LOAD_TIMEOUT_MS / 1000));
