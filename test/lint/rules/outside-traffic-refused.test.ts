import { ruleTester } from '../helpers.js';

const image = 'example/app:1';

ruleTester('outside-traffic-refused', {
  valid: [
    {
      name: 'a ClusterIP service reached through the mesh only',
      spec: { services: { a: { image } } },
    },
    {
      name: 'a LoadBalancer service that admits anyone',
      spec: { services: { a: { image, service: { type: 'LoadBalancer' }, allowFrom: [{ anyone: true }] } } },
    },
    {
      name: 'a LoadBalancer service in a mesh whose mesh.allow admits anyone',
      spec: { mesh: { allow: [{ anyone: true }] }, services: { a: { image, service: { type: 'LoadBalancer' } } } },
    },
    {
      name: 'a second external Service under permissive mTLS without authorization',
      spec: {
        mesh: { mtls: 'permissive', authorization: 'off' },
        services: { a: { image, service: { external: {} } } },
      },
    },
  ],
  invalid: [
    {
      name: 'a LoadBalancer service under the default strict mTLS and call authorization',
      spec: { services: { a: { image, service: { type: 'LoadBalancer' } } } },
      findings: [
        {
          path: '/services/a/service/type',
          severity: 'warning',
          message:
            "'a' takes clients from outside the mesh through its LoadBalancer Service, but STRICT mTLS refuses their plaintext and the AuthorizationPolicy admits declared callers only: add allowFrom: [{anyone: true}]",
        },
      ],
    },
    {
      name: 'a NodePort external Service admitted by namespace only, authorization off',
      spec: {
        mesh: { authorization: 'off' },
        services: {
          a: {
            image,
            service: { external: { type: 'NodePort', name: 'a-public' } },
            allowFrom: [{ namespace: 'monitoring' }],
          },
        },
      },
      findings: [
        {
          path: '/services/a/service/external',
          message: "through its NodePort Service 'a-public', but STRICT mTLS refuses their plaintext:",
        },
      ],
    },
    {
      name: 'permissive mTLS but call authorization',
      spec: { mesh: { mtls: 'permissive' }, services: { a: { image, service: { type: 'NodePort' } } } },
      findings: [
        {
          path: '/services/a/service/type',
          message: 'but its AuthorizationPolicy admits declared callers only, and they have no mesh identity',
        },
      ],
    },
  ],
});
