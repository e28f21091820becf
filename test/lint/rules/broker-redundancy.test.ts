import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const services = { a: { image, publishes: ['e'] } };

ruleTester('broker-redundancy', {
  valid: [
    { name: '3 brokers for replication 3', spec: { broker: { brokers: 3 }, services, events: { e: {} } } },
    { name: 'broker count not given', spec: { services, events: { e: {} } } },
    {
      name: 'one broker for unreplicated events',
      spec: { broker: { brokers: 1 }, services, events: { e: { replication: 1, minInSync: 1 } } },
    },
    { name: 'no events', spec: { broker: { brokers: 1 }, services: { a: { image } } } },
  ],
  invalid: [
    {
      name: 'fewer brokers than the default replication',
      spec: { broker: { brokers: 2 }, services, events: { e: {} } },
      findings: [
        { path: '/broker/brokers', severity: 'error', message: "2 broker(s) cannot hold the 3 replicas of 'e'" },
      ],
    },
    {
      name: 'fewer brokers than the widest event',
      spec: { broker: { brokers: 3 }, services, events: { e: {}, wide: { replication: 5, minInSync: 3 } } },
      findings: [{ path: '/broker/brokers', message: "the 5 replicas of 'wide'" }],
    },
    {
      name: 'two brokers for replication 2',
      spec: { broker: { brokers: 2 }, services, events: { e: { replication: 2, minInSync: 1 } } },
      findings: [{ path: '/broker/brokers', message: 'use at least 3' }],
    },
  ],
});
