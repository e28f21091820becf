import type { NormalizedPolicy, NormalizedService } from '../normalize/model.js';
import type { Tier } from '../spec/schema.generated.js';

/** The policy of the service's tier. */
export const tierPolicy = (policy: NormalizedPolicy, s: NormalizedService) => policy.tiers[s.tier];

const tierRank: Record<Tier, number> = { 'best-effort': 0, standard: 1, critical: 2 };

/** The most demanding of the given tiers, or undefined for none. */
export function highestTier(tiers: Iterable<Tier>): Tier | undefined {
  let best: Tier | undefined;
  for (const tier of tiers) if (best === undefined || tierRank[tier] > tierRank[best]) best = tier;
  return best;
}
