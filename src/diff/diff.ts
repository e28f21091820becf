import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ruleSettings } from '../policy/settings.js';
import { locateAll, type LoadedSpec } from '../load/source.js';
import { build } from '../pipeline.js';
import type { RenderedDocument, Target } from '../render/target.js';
import type { ResolvedSystem } from '../resolve/resolve.js';
import { objectChanges, specChanges, type ObjectChange, type SpecChange } from './changes.js';
import type { DiffRule } from './rule.js';
import { callerRemoved } from './rules/caller-removed.js';
import { eventRemovedWithSubscribers } from './rules/event-removed-with-subscribers.js';
import { partitionsDecrease } from './rules/partitions-decrease.js';
import { partitionsIncreaseKeyed } from './rules/partitions-increase-keyed.js';
import { payloadBreaking } from './rules/payload-breaking.js';
import { replicationChange } from './rules/replication-change.js';

/** Every unsafe-change rule, by id. */
const diffRules: readonly DiffRule[] = [
  callerRemoved,
  eventRemovedWithSubscribers,
  partitionsDecrease,
  partitionsIncreaseKeyed,
  payloadBreaking,
  replicationChange,
];

/** One version of the spec, built: what the diff compares. */
export interface BuiltVersion {
  /** The spec (with its environment applied), to locate findings in. */
  spec: LoadedSpec;
  resolved: ResolvedSystem;
  documents: RenderedDocument[];
}

export interface DiffResult {
  changes: SpecChange[];
  objects: ObjectChange[];
  /** The unsafe-change findings, located in the new version. */
  diagnostics: Diagnostic[];
}

/** A version that does not build: it cannot be compared (exit code 2); `diagnostics` say why. */
export class UnbuildableVersion extends Error {
  constructor(
    readonly file: string,
    readonly diagnostics: Diagnostic[],
  ) {
    super(`${file} does not build`);
    this.name = 'UnbuildableVersion';
  }
}

/**
 * Builds one version as `hamesh build` would, without stopping at lint findings or verifying (a diff is about the
 * change, and the lint run judges each version on its own).
 */
export async function buildVersion(
  spec: LoadedSpec,
  environment: string | undefined,
  targets?: readonly Target[],
): Promise<BuiltVersion> {
  const result = await build(spec, { environment, targets, lint: 'off', verify: false });
  if (!result.documents || !result.resolved)
    throw new UnbuildableVersion(
      spec.file,
      result.diagnostics.filter((d) => hasErrors([d])),
    );
  return { spec: result.spec, resolved: result.resolved, documents: result.documents };
}

/** What the change from `before` to `after` does: spec changes, cluster object changes, and unsafe changes. */
export function diffVersions(before: BuiltVersion, after: BuiltVersion): DiffResult {
  // The new version's policy decides: `policy.rules.<id>: off | warning | error`.
  const config = ruleSettings(after.resolved.system.policy, '/policy');
  const diagnostics: Diagnostic[] = [];
  for (const rule of diffRules) {
    const { severity } = config.setting(rule.meta.id);
    if (severity === 'off') continue;
    rule.inspect({
      before: before.resolved,
      after: after.resolved,
      afterDocuments: after.documents,
      report: (finding) =>
        diagnostics.push({ rule: rule.meta.id, severity: severity ?? rule.meta.severity, ...finding }),
    });
  }
  const environment = (after.spec as { environment?: string }).environment;
  const located = locateAll(diagnostics, after.spec).map((d) =>
    environment === undefined ? d : { ...d, environment },
  );
  return {
    changes: specChanges(before.resolved, after.resolved),
    objects: objectChanges(before.documents, after.documents),
    diagnostics: located.sort(compareDiagnostics),
  };
}
