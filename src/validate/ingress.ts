import { codes } from '../diagnostics/codes.js';
import { pointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import { claimKey, describeClaim, pathClaim } from '../spec/ingress-paths.js';
import type { StringMatch } from '../spec/schema.generated.js';

type Record_ = Record<string, unknown>;
const isRecord = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Claim {
  service: string;
  path: string;
}

/**
 * The services sharing a host (on one gateway) share its one route table, so two of them must not claim the same
 * requests: two catch-alls, the same exact path or the same prefix (or regex) is an `ingress-conflict` at the
 * later entry, the earlier one as its related location. The host's TLS and Ingress class must agree too:
 * one Gateway server and one Ingress per host.
 */
export function checkIngressConflicts(services: Record_): Diagnostic[] {
  const out: Diagnostic[] = [];
  const claims = new Map<string, Claim>();
  const settingsByHost = new Map<
    string,
    { service: string; tlsAt: Claim; classAt: Claim; credential?: string; className?: string }
  >();
  const conflict = (at: Claim, first: Claim, message: string, firstMessage: string) =>
    out.push({
      rule: codes.ingressConflict.id,
      severity: 'error',
      path: at.path,
      message,
      related: [{ path: first.path, message: firstMessage }],
    });
  for (const [name, service] of Object.entries(services)) {
    const ingress = isRecord(service) ? service.ingress : undefined;
    if (!isRecord(ingress) || !Array.isArray(ingress.hosts)) continue;
    const base = pointer('services', name, 'ingress');
    const gateway = typeof ingress.gateway === 'string' ? ingress.gateway : '';
    const paths: Array<[StringMatch | undefined, string]> = Array.isArray(ingress.paths)
      ? ingress.paths.flatMap((match, index) =>
          isRecord(match) ? [[match as StringMatch, `${base}/paths/${index}`] as [StringMatch, string]] : [],
        )
      : [];
    const credential =
      isRecord(ingress.tls) && typeof ingress.tls.credentialName === 'string' ? ingress.tls.credentialName : undefined;
    const className = typeof ingress.className === 'string' ? ingress.className : undefined;
    ingress.hosts.forEach((host, hostIndex) => {
      if (typeof host !== 'string') return;
      const hostPath = `${base}/hosts/${hostIndex}`;
      const hostKey = `${gateway}\u0000${host}`;
      const settings = settingsByHost.get(hostKey);
      const here = (field: string) => ({ service: name, path: field in ingress ? `${base}/${field}` : hostPath });
      if (!settings)
        settingsByHost.set(hostKey, {
          service: name,
          tlsAt: here('tls'),
          classAt: here('className'),
          credential,
          className,
        });
      else if (settings.service !== name) {
        const named = (c: string | undefined) => (c === undefined ? 'the default' : JSON.stringify(c));
        const serves = (c: string | undefined) =>
          c === undefined ? 'over plain HTTP' : `over HTTPS with the credential '${c}'`;
        if (settings.credential !== credential) {
          conflict(
            here('tls'),
            settings.tlsAt,
            `serves host ${JSON.stringify(host)} ${serves(credential)}, but '${settings.service}' serves it ${serves(settings.credential)}: a host has one Gateway server, so give both the same \`tls\``,
            `'${settings.service}' serves ${JSON.stringify(host)} ${serves(settings.credential)} here`,
          );
        }
        if (settings.className !== className) {
          conflict(
            here('className'),
            settings.classAt,
            `gives host ${JSON.stringify(host)} the Ingress class ${named(className)}, but '${settings.service}' gives it ${named(settings.className)}: a host has one Ingress, so give both the same \`className\``,
            `'${settings.service}' gives ${JSON.stringify(host)} its Ingress class here`,
          );
        }
      }
      for (const [match, path] of paths.length > 0 ? paths : [[undefined, hostPath] as const]) {
        const claim = pathClaim(match);
        const key = `${hostKey}\u0000${claimKey(claim)}`;
        const first = claims.get(key);
        if (!first) claims.set(key, { service: name, path });
        else if (first.service !== name) {
          const what = `${describeClaim(claim)} of host ${JSON.stringify(host)}`;
          conflict(
            { service: name, path },
            first,
            `claims ${what}, which '${first.service}' claims too, so one of them would never get a request: give one of them other \`ingress.paths\` or another host`,
            `'${first.service}' claims ${what} here`,
          );
        }
      }
    });
  }
  return out;
}
