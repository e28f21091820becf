import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** About what one write(2) takes: fewer, larger writes than one per document, never the whole output at once. */
const BATCH = 1 << 16;

/**
 * Writes `chunks` to `stream` in batches, waiting whenever the stream buffers, so the output never has to be one
 * string in memory (the YAML of 10,000 services is ~40 MB, twice that as a JavaScript string being built).
 */
export async function writeChunks(stream: Writable, chunks: Iterable<string>): Promise<void> {
  let batch = '';
  const flush = async () => {
    if (!stream.write(batch)) await drained(stream);
    batch = '';
  };
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= BATCH) await flush();
  }
  if (batch !== '') await flush();
}

/** Until the stream wants more (or is gone); the listeners go with it. */
async function drained(stream: Writable): Promise<void> {
  const done = new AbortController();
  try {
    await Promise.race([
      once(stream, 'drain', { signal: done.signal }),
      once(stream, 'close', { signal: done.signal }),
    ]);
  } finally {
    done.abort();
  }
}
