import { ruleTester } from '../helpers.js';

const image = 'example/app:1';

ruleTester('pod-security', {
  valid: [
    { name: 'the restricted defaults', spec: { services: { web: { image } } } },
    {
      name: 'a non-root user and NET_BIND_SERVICE',
      spec: {
        services: { web: { image, security: { runAsUser: 1000, capabilities: { add: ['NET_BIND_SERVICE'] } } } },
      },
    },
    {
      name: 'a profile no service uses',
      spec: { profiles: { root: { security: { runAsNonRoot: false } } }, services: { web: { image } } },
    },
  ],
  invalid: [
    {
      name: 'runAsNonRoot: false and a forbidden capability, where the service writes them',
      spec: {
        services: {
          web: { image, security: { capabilities: { add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] } } },
          root: { image, security: { runAsNonRoot: false } },
        },
      },
      findings: [
        {
          path: '/services/root/security/runAsNonRoot',
          severity: 'warning',
          message: 'lets containers run as root, which the Pod Security "restricted" profile forbids',
        },
        {
          path: '/services/web/security/capabilities/add/1',
          message:
            'adds SYS_ADMIN, which the Pod Security "restricted" profile forbids (only NET_BIND_SERVICE may be added)',
        },
      ],
    },
    {
      name: 'a value of `defaults` is reported once, where it is written, however many services inherit it',
      spec: { defaults: { security: { runAsNonRoot: false } }, services: { a: { image }, b: { image } } },
      findings: [{ path: '/defaults/security/runAsNonRoot' }],
    },
    {
      name: "a profile's capabilities",
      spec: {
        profiles: { net: { security: { capabilities: { add: ['NET_ADMIN'] } } } },
        services: { a: { image, profile: 'net' } },
      },
      findings: [{ path: '/profiles/net/security/capabilities/add/0', message: 'adds NET_ADMIN' }],
    },
  ],
});
