import type { Tier } from '../spec/schema.generated.js';
import type { NormalizedService } from './model.js';

const tierRank: Record<Tier, number> = { 'best-effort': 0, standard: 1, critical: 2 };

/** Each event's most demanding tier among the services publishing or subscribing to it (events nobody uses are absent). */
export function eventTiers(services: readonly NormalizedService[]): Map<string, Tier> {
  const tiers = new Map<string, Tier>();
  for (const service of services) {
    for (const event of [...service.publishes, ...service.subscribes.map((s) => s.event)]) {
      const tier = tiers.get(event);
      if (tier === undefined || tierRank[service.tier] > tierRank[tier]) tiers.set(event, service.tier);
    }
  }
  return tiers;
}
