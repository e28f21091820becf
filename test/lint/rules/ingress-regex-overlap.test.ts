import { ruleTester } from '../helpers.js';

const image = 'example/app:1';
const host = 'example.com';

ruleTester('ingress-regex-overlap', {
  valid: [
    {
      name: 'a regex that matches none of the other services’ paths',
      spec: {
        services: {
          api: { image, ingress: { hosts: [host], paths: [{ regex: '/v[0-9]+/.*' }] } },
          web: { image, ingress: { hosts: [host], paths: [{ prefix: '/static' }, { exact: '/login' }] } },
        },
      },
    },
    {
      name: 'a regex over a path of its own service, or of another host',
      spec: {
        services: {
          api: { image, ingress: { hosts: [host], paths: [{ regex: '/api/.*' }, { prefix: '/api/admin' }] } },
          web: { image, ingress: { hosts: ['other.example.com'], paths: [{ exact: '/api/x' }] } },
        },
      },
    },
  ],
  invalid: [
    {
      name: 'a regex that also matches another service’s exact path, which comes first',
      spec: {
        services: {
          api: { image, ingress: { hosts: [host], paths: [{ regex: '/(login|api/.*)' }] } },
          web: { image, ingress: { hosts: [host], paths: [{ exact: '/login' }] } },
        },
      },
      findings: [
        {
          path: '/services/api/ingress/paths/0',
          severity: 'warning',
          message:
            'the regex "/(login|api/.*)" of \'api\' on host "example.com" matches "/login", but the exact path "/login" of \'web\' comes first and takes those requests',
        },
      ],
    },
  ],
});
