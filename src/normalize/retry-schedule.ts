import type { NormalizedSubscriptionRetry } from '../normalize/model.js';

/** Exponential backoff doubles the delay on every attempt (until `maxDelay`). */
const exponentialFactor = 2;

/**
 * The delay before each redelivery, attempt 1..attempts, in milliseconds. Broker-neutral: the Kafka retry
 * plan and the NATS consumer `backoff` are both built from it.
 */
export function retryDelays(retry: NormalizedSubscriptionRetry): number[] {
  return Array.from({ length: retry.attempts }, (_, index) => {
    const delay = retry.backoff === 'fixed' ? retry.delayMs : retry.delayMs * exponentialFactor ** index;
    return retry.maxDelayMs === undefined ? delay : Math.min(delay, retry.maxDelayMs);
  });
}
