import { codes } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ResolvedSystem } from '../../resolve/resolve.js';
import { ingressHosts } from '../../resolve/ingress-hosts.js';
import { destinationRuleContext } from './destination-rule.js';
import { externalDestinationRuleContexts, externalVirtualServiceContexts } from './externals.js';
import { meshVirtualServiceContexts } from './virtual-service.js';

type Kind = 'DestinationRule' | 'VirtualService';

/**
 * An external's per-host DestinationRules and VirtualServices (`<external>`, or `<external>-<n>` for several
 * hosts) that take the name of another object of their kind: a service's, an ingress host's or another external's.
 * Istio would keep one of the two and silently drop the other's policy.
 */
function externalNameClashes(resolved: ResolvedSystem, gatewayApi: boolean): Diagnostic[] {
  const { system } = resolved;
  const owners = new Map<string, string>();
  const claim = (kind: Kind, name: string, owner: string) => {
    const key = `${kind}/${name}`;
    const taken = owners.get(key);
    if (taken === undefined) owners.set(key, owner);
    return taken;
  };
  for (const host of ingressHosts(system))
    claim('VirtualService', host.name, `the ingress host ${JSON.stringify(host.host)}`);
  const diagnostics: Diagnostic[] = [];
  for (const external of system.externals) {
    const objects = [
      ...externalDestinationRuleContexts(system, external).map((c) => ['DestinationRule', c.name] as const),
      ...externalVirtualServiceContexts(system, external).map((c) => ['VirtualService', c.name] as const),
    ];
    for (const [kind, name] of objects) {
      // A service's objects are named after it; only a service of that name can own one.
      const service = resolved.service(name);
      const serviceOwns =
        service &&
        (kind === 'DestinationRule'
          ? destinationRuleContext(system, service) !== null
          : !gatewayApi && meshVirtualServiceContexts(system, service).length > 0);
      const taken = serviceOwns ? `the service '${name}'` : claim(kind, name, `the external '${external.name}'`);
      if (taken === undefined) continue;
      diagnostics.push({
        rule: codes.externalName.id,
        severity: 'error',
        path: external.path,
        message: `the ${kind} '${name}' of the external '${external.name}' has the name of the ${kind} of ${taken}: rename the external or the other one`,
      });
    }
  }
  return diagnostics;
}

/** Object names the istio target would emit twice: an ingress host's VirtualService, an external's objects. */
export function istioPreflight(resolved: ResolvedSystem, gatewayApi: boolean): Diagnostic[] {
  return [
    ...(gatewayApi ? [] : ingressHosts(resolved.system)).flatMap((host) => {
      const taken = resolved.service(host.name);
      if (!taken) return [];
      const message = `the VirtualService of the ingress host ${JSON.stringify(host.host)} is named '${host.name}', like the service '${taken.name}': rename the service or use another host`;
      return [{ rule: codes.virtualserviceName.id, severity: 'error' as const, message, path: host.entries[0]!.path }];
    }),
    ...externalNameClashes(resolved, gatewayApi),
  ];
}
