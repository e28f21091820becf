import type { NormalizedPolicy, NormalizedService } from '../normalize/model.js';

/** The policy of the service's tier. */
export const tierPolicy = (policy: NormalizedPolicy, s: NormalizedService) => policy.tiers[s.tier];
