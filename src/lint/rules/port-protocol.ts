import { codes } from '../../diagnostics/codes.js';
import type { Protocol } from '../../spec/schema.generated.js';
import { defineRule } from '../rule.js';

/** Well-known ports of servers that do not speak HTTP, and the protocol to declare for them. */
const wellKnownPorts: Readonly<Record<number, { server: string; protocol: Protocol }>> = {
  53: { server: 'DNS', protocol: 'udp' },
  1433: { server: 'SQL Server', protocol: 'tcp' },
  1521: { server: 'Oracle Database', protocol: 'tcp' },
  1883: { server: 'MQTT', protocol: 'tcp' },
  2181: { server: 'ZooKeeper', protocol: 'tcp' },
  2379: { server: 'etcd', protocol: 'grpc' },
  3306: { server: 'MySQL', protocol: 'tcp' },
  4222: { server: 'NATS', protocol: 'tcp' },
  5432: { server: 'PostgreSQL', protocol: 'tcp' },
  5672: { server: 'AMQP (RabbitMQ)', protocol: 'tcp' },
  6379: { server: 'Redis', protocol: 'tcp' },
  6650: { server: 'Pulsar', protocol: 'tcp' },
  8125: { server: 'StatsD', protocol: 'udp' },
  9042: { server: 'Cassandra', protocol: 'tcp' },
  9092: { server: 'Kafka', protocol: 'tcp' },
  11211: { server: 'Memcached', protocol: 'tcp' },
  26257: { server: 'CockroachDB', protocol: 'tcp' },
  27017: { server: 'MongoDB', protocol: 'tcp' },
};

export const rule = defineRule({
  meta: codes.portProtocol,
  evaluate({ system, report }) {
    for (const service of system.services) {
      for (const port of service.ports) {
        const known = wellKnownPorts[port.port];
        if (port.protocolGiven || known === undefined) continue;
        report({
          path: port.path,
          message: `'${service.name}' port ${port.port} is ${known.server}'s well-known port but has no \`protocol\`, so it is declared as HTTP ('${port.portName}') and Istio would parse its traffic as HTTP: set \`protocol: ${known.protocol}\``,
        });
      }
    }
  },
});
