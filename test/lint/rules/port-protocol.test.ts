import { ruleTester } from '../helpers.js';

const image = 'example/app:1';

ruleTester('port-protocol', {
  valid: [
    { name: 'the default port', spec: { services: { a: { image } } } },
    { name: 'Redis declared as tcp', spec: { services: { cache: { image, port: 6379, protocol: 'tcp' } } } },
    {
      name: "an explicit http on a well-known port is the user's choice",
      spec: { services: { a: { image, port: 5432, protocol: 'http' } } },
    },
    {
      name: 'named ports with protocols',
      spec: { services: { db: { image, ports: { pg: { port: 5432, protocol: 'tcp' }, metrics: { port: 9187 } } } } },
    },
  ],
  invalid: [
    {
      name: 'Redis on the one-port shorthand',
      spec: { services: { cache: { image, port: 6379 } } },
      findings: [
        {
          path: '/services/cache/port',
          severity: 'warning',
          message:
            "port 6379 is Redis's well-known port but has no `protocol`, so it is declared as HTTP ('http') and Istio would parse its traffic as HTTP: set `protocol: tcp`",
        },
      ],
    },
    {
      name: 'Kafka and StatsD among named ports',
      spec: {
        services: { b: { image, ports: { kafka: { port: 9092 }, stats: { port: 8125 }, web: { port: 8080 } } } },
      },
      findings: [
        { path: '/services/b/ports/kafka', message: "declared as HTTP ('http-kafka')" },
        { path: '/services/b/ports/stats', message: 'set `protocol: udp`' },
      ],
    },
  ],
});
