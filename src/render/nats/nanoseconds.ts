/** The largest JetStream duration: Go's time.Duration is an int64 of nanoseconds. */
const maxNanoseconds = 2n ** 63n - 1n;

/** Milliseconds as the integer nanoseconds the JetStream API expects. */
export const nanoseconds = (ms: number) => ms * 1_000_000;

export const fitsNanoseconds = (ms: number) => BigInt(ms) * 1_000_000n <= maxNanoseconds;
