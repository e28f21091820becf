import { codes } from '../../diagnostics/codes.js';
import type { NormalizedService, NormalizedSystem } from '../../normalize/model.js';
import { defineRule } from '../rule.js';

/** Where the service is exposed outside the mesh, and the pointer of that setting; none when it is not. */
function exposure(service: NormalizedService): { what: string; path: string } | undefined {
  const { type, external } = service.kubernetesService;
  if (type !== 'ClusterIP') return { what: `its ${type} Service`, path: `${service.path}/service/type` };
  if (external)
    return { what: `its ${external.type} Service '${external.name}'`, path: `${service.path}/service/external` };
  return undefined;
}

/** What the mesh does to a request from a client without a sidecar, or undefined when it lets it through. */
function refusal(system: NormalizedSystem): string | undefined {
  const { mtls, authorization } = system.mesh;
  if (mtls === 'strict' && authorization === 'calls')
    return 'STRICT mTLS refuses their plaintext and the AuthorizationPolicy admits declared callers only';
  if (mtls === 'strict') return 'STRICT mTLS refuses their plaintext';
  if (authorization === 'calls')
    return 'its AuthorizationPolicy admits declared callers only, and they have no mesh identity';
  return undefined;
}

export const rule = defineRule({
  meta: codes.outsideTrafficRefused,
  evaluate({ system, report }) {
    const refused = refusal(system);
    if (refused === undefined) return;
    for (const service of system.services) {
      const exposed = exposure(service);
      if (!exposed || service.admitsAnyone) continue;
      report({
        path: exposed.path,
        subject: service.path,
        message: `'${service.name}' takes clients from outside the mesh through ${exposed.what}, but ${refused}: add allowFrom: [{anyone: true}] to admit them`,
      });
    }
  },
});
