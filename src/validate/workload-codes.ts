import type { RuleMeta } from '../lint/rule.js';

/**
 * The validate- and build-stage diagnostic ids of the workload fields, documented like lint rules so that
 * `hamesh explain <id>` explains them (kept in one place for the diagnostics catalogue).
 */
export const workloadCodes: RuleMeta[] = [
  {
    id: 'pod-security',
    severity: 'warning',
    description: 'A security setting leaves the Pod Security "restricted" profile (runAsNonRoot: false, or a capability other than NET_BIND_SERVICE).',
    rationale:
      'hamesh runs every pod under the "restricted" profile: runAsNonRoot, the runtime seccomp profile, no privilege escalation, ' +
      'all capabilities dropped. A namespace that enforces it (pod-security.kubernetes.io/enforce: restricted) refuses pods that leave it. ' +
      'An image whose USER is root, or a user name rather than a number (most public images: distroless/static, alpine, redis:alpine), ' +
      'does not start under runAsNonRoot: the kubelet cannot prove the user is not root, and the pod stays in CreateContainerConfigError.',
    fix: 'Keep runAsNonRoot and set `security.runAsUser` (and usually runAsGroup/fsGroup) to a non-root id such as 1000, so such an image runs as that user; add only NET_BIND_SERVICE.',
  },
  {
    id: 'env-reference',
    severity: 'error',
    description: 'An env reference does not fit the graph: an address/host/port/headless of a service not called, a topic not used, a group not subscribed.',
    rationale:
      'hamesh resolves graph references so addresses never drift. Reading another service\'s address is a use of it: its AuthorizationPolicy ' +
      'admits only declared callers, so the traffic would be refused. A topic the service neither publishes nor subscribes to, or a group of ' +
      'an event it does not consume, is a wiring mistake the event graph (and broker ACLs) would not allow.',
    fix: 'Add the service to `calls`, the event to `publishes`/`subscribes`, or reference the right name.',
  },
  {
    id: 'env-cycle',
    severity: 'error',
    description: 'Env variables refer to each other through $(VAR) in a cycle.',
    rationale: 'Kubernetes expands $(VAR) only from variables listed before; in a cycle one of them always comes first, so it keeps the literal $(VAR).',
    fix: 'Break the cycle: give one variable a literal value or a reference hamesh resolves.',
  },
  {
    id: 'reserved-label',
    severity: 'error',
    description: 'A pod label key hamesh sets itself (app, version, app.kubernetes.io/*).',
    rationale: 'app and version select the pods for the Service, PodDisruptionBudget, Istio subsets and AuthorizationPolicy; the app.kubernetes.io labels name the app. Overriding them would detach the pods from those objects.',
    fix: 'Use another label key.',
  },
  {
    id: 'patch',
    severity: 'error',
    description: "A patch changes an object's identity (an error), or matches no object of the build (a warning).",
    rationale:
      'A patch may change an object\'s content only: its apiVersion, kind, name and namespace are what the output layout, selectors and ' +
      'other objects rely on. A patch that matches nothing usually names the wrong kind or object, or a target left out with --target.',
    fix: 'Patch content fields only; check the <Kind>/<name> key (names as hamesh renders them) and the --target list.',
  },
];
