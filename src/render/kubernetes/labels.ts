import type { NormalizedService, NormalizedSystem } from '../../normalize/model.js';

export type Labels = Record<string, string>;

/** A Kubernetes label value: at most 63 characters of `[A-Za-z0-9._-]`, starting and ending alphanumeric. */
const labelValue = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;

/**
 * The version a workload is labelled with: the spec's version name, else (for a single-version service) the
 * image tag when it is a valid label value (a digest is not), else none. Objects shared by all versions of a
 * service carry none.
 */
function workloadVersion(service: NormalizedService, version?: string): string | undefined {
  if (version !== undefined) return version;
  if (service.versions.length > 0) return undefined;
  const tag = /:([^:/@]+)$/.exec(service.image.split('@')[0]!)?.[1];
  return tag !== undefined && labelValue.test(tag) ? tag : undefined;
}

/** Selects every pod of a service, whatever its version (Service, PDB, AuthorizationPolicy). */
export function appSelector(service: NormalizedService): Labels {
  return { app: service.name };
}

/** Labels on every object hamesh renders for a service: Istio's `app`/`version` and the recommended `app.kubernetes.io/*`. */
export function serviceLabels(system: NormalizedSystem, service: NormalizedService, version?: string): Labels {
  const v = workloadVersion(service, version);
  return {
    app: service.name,
    ...(v !== undefined && { version: v }),
    'app.kubernetes.io/name': service.name,
    'app.kubernetes.io/instance': service.name,
    ...(v !== undefined && { 'app.kubernetes.io/version': v }),
    'app.kubernetes.io/part-of': system.name,
    'app.kubernetes.io/managed-by': 'hamesh',
  };
}

/** Labels on system-wide objects (Namespace, PeerAuthentication). */
export function systemLabels(system: NormalizedSystem): Labels {
  return { 'app.kubernetes.io/part-of': system.name, 'app.kubernetes.io/managed-by': 'hamesh' };
}
