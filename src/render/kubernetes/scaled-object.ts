import type { NormalizedService, NormalizedSystem } from '../../normalize/model.js';
import { brokerBootstrap, natsHost } from '../../resolve/addresses.js';
import { consumerName, streamName } from '../nats/names.js';
import type { ScaledObjectContext } from '../contexts.js';
import { serviceLabels } from './labels.js';
import { workloadKind, type Workload } from './workload.js';

/**
 * One KEDA trigger per lag-autoscaled subscription: the Kafka scaler on the consumer group's lag of the event's
 * topic, or the NATS JetStream scaler on the durable consumer's pending messages; plus a CPU trigger when the
 * service also has `autoscale` (KEDA then owns the one HPA, so the two never fight).
 */
interface Trigger {
  type: string;
  metricType?: string;
  metadata: Record<string, string>;
}

function triggers(system: NormalizedSystem, service: NormalizedService): Trigger[] {
  const { broker } = system;
  const lag = service.subscribes.flatMap((subscription): Trigger[] => {
    if (!subscription.autoscale) return [];
    const lagThreshold = String(subscription.autoscale.lag);
    if (broker.kind === 'kafka') {
      return [
        {
          type: 'kafka',
          metadata: {
            bootstrapServers: brokerBootstrap(system),
            consumerGroup: subscription.group,
            topic: subscription.event,
            lagThreshold,
          },
        },
      ];
    }
    return [
      {
        type: 'nats-jetstream',
        metadata: {
          natsServerMonitoringEndpoint: `${natsHost(broker)}:8222`,
          // The global account: the one nats-server uses when its config defines no accounts.
          account: '$G',
          stream: streamName(subscription.event),
          consumer: consumerName(subscription.group),
          lagThreshold,
        },
      },
    ];
  });
  const cpu: Trigger[] = service.autoscale
    ? [{ type: 'cpu', metricType: 'Utilization', metadata: { value: String(service.autoscale.cpuPercent) } }]
    : [];
  return [...lag, ...cpu];
}

/** Template context of `scaledobject.yaml.hbs` for one workload of a service with `lagAutoscale`. */
export function scaledObjectContext(
  system: NormalizedSystem,
  service: NormalizedService,
  workload: Workload,
): ScaledObjectContext {
  const range = service.lagAutoscale!;
  return {
    name: workload.name,
    namespace: system.namespace,
    labels: serviceLabels(system, service, workload.version),
    target: workload.name,
    targetKind: workloadKind(service),
    minReplicas: range.min,
    maxReplicas: range.max,
    triggers: triggers(system, service),
  };
}
