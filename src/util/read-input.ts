import { readFileSync, statSync } from 'node:fs';

/** The largest input hamesh reads (a spec, a policy, a template): far above any real one, far below a runaway. */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Byte-order marks and the NUL-byte patterns of UTF-16/32 text without one, first match wins. */
const encodings: Array<[string, (b: Buffer) => boolean]> = [
  ['UTF-32LE', (b) => b.length >= 4 && b.readUInt32BE(0) === 0xfffe0000],
  ['UTF-32BE', (b) => b.length >= 4 && b.readUInt32BE(0) === 0x0000feff],
  ['UTF-16LE', (b) => b.length >= 2 && b[0] === 0xff && b[1] === 0xfe],
  ['UTF-16BE', (b) => b.length >= 2 && b[0] === 0xfe && b[1] === 0xff],
  ['UTF-32LE', (b) => b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] === 0 && b[3] === 0],
  ['UTF-32BE', (b) => b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] !== 0],
  ['UTF-16LE', (b) => b.length >= 2 && b[0] !== 0 && b[1] === 0],
  ['UTF-16BE', (b) => b.length >= 2 && b[0] === 0 && b[1] !== 0],
];

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads a text input hamesh was given: it must be a regular file (never a FIFO, a device or a folder, which would
 * block or never end), at most MAX_INPUT_BYTES, and UTF-8 (a UTF-8 byte-order mark is dropped; UTF-16/32 is named).
 * Throws UnreadableInput, whose message says what to change.
 */
/** An input file that cannot be used as text; the message is the reason (the caller names the file). */
export class UnreadableInput extends Error {
  override name = 'UnreadableInput';
}

export function readInput(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile())
      throw new UnreadableInput(
        `cannot read it: it is ${stat.isDirectory() ? 'a folder' : 'not a regular file (a FIFO, a socket or a device)'}; give a file`,
      );
    size = stat.size;
  } catch (error) {
    if (error instanceof UnreadableInput) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableInput(
      code === 'EACCES'
        ? 'cannot read the file: permission denied'
        : 'cannot read the file: it does not exist or is not readable',
    );
  }
  if (size > MAX_INPUT_BYTES)
    throw new UnreadableInput(`cannot read it: it is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UnreadableInput('cannot read the file: permission denied or not a regular file');
  }
  const encoding = encodings.find(([, test]) => test(bytes))?.[0];
  if (encoding) throw new UnreadableInput(`cannot read it: it is encoded in ${encoding}; save it as UTF-8`);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UnreadableInput('cannot read it: it is not valid UTF-8; save it as UTF-8');
  }
}
