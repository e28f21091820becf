import { describe, expect, it } from 'vitest';
import { compareDiagnostics } from '../../src/diagnostics/diagnostic.js';
import { lint } from '../../src/lint/engine.js';
import { locateAll } from '../../src/load/source.js';
import { analyze } from '../../src/pipeline.js';

describe('examples/broken-ha.yaml', () => {
  it('validates, then shows a finding of every rule at the value to change', async () => {
    const analysis = await analyze('examples/broken-ha.yaml');
    expect(analysis.diagnostics).toEqual([]);
    const findings = locateAll(lint(analysis.resolved!, { today: '2026-06-01' }), analysis.spec).sort(
      compareDiagnostics,
    );
    expect(findings.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.path}`)).toEqual([
      'examples/broken-ha.yaml:7:1 error zone-spread /zones',
      'examples/broken-ha.yaml:10:3 error broker-redundancy /broker/brokers',
      'examples/broken-ha.yaml:17:5 error failover-needs-outlier-detection /profiles/api/failover',
      'examples/broken-ha.yaml:24:5 error zone-capacity /services/gateway/replicas',
      'examples/broken-ha.yaml:26:5 error retry-amplification /services/gateway/retries',
      'examples/broken-ha.yaml:26:5 warning timeout-budget /services/gateway/retries',
      'examples/broken-ha.yaml:27:83 error circuit-breaker /services/gateway/circuitBreaker/maxEjectionPercent',
      'examples/broken-ha.yaml:29:12 error availability-target /services/gateway/slo/availability',
      'examples/broken-ha.yaml:31:3 error circuit-breaker /services/orders',
      'examples/broken-ha.yaml:35:5 error min-replicas /services/orders/replicas',
      'examples/broken-ha.yaml:35:5 error zone-spread /services/orders/replicas',
      'examples/broken-ha.yaml:42:5 error disruption-budget /services/ledger/disruption',
      'examples/broken-ha.yaml:44:13 error call-cycle /services/ledger/calls/0',
      'examples/broken-ha.yaml:48:5 error zone-spread /services/auth/spread',
      'examples/broken-ha.yaml:50:5 warning timeout-budget /services/auth/timeout',
      'examples/broken-ha.yaml:52:3 warning circuit-breaker /services/sessions',
      'examples/broken-ha.yaml:55:5 error spof-dependency /services/sessions/replicas',
      'examples/broken-ha.yaml:56:5 warning missing-probes /services/sessions/probes',
      'examples/broken-ha.yaml:61:5 error autoscale-cpu-request /services/billing/autoscale',
      'examples/broken-ha.yaml:63:7 warning dead-letter /services/billing/subscribes/order.placed',
      'examples/broken-ha.yaml:65:9 warning ordered-retry /services/billing/subscribes/order.placed/ordered',
      'examples/broken-ha.yaml:69:5 warning partitions-below-consumers /events/order.placed/partitions',
      'examples/broken-ha.yaml:70:5 error topic-durability /events/order.placed/replication',
      'examples/broken-ha.yaml:71:5 error topic-durability /events/order.placed/minInSync',
      'examples/broken-ha.yaml:72:3 warning orphan-event /events/order.audit',
      'examples/broken-ha.yaml:78:7 warning expired-suppression /policy/suppress/0',
      'examples/broken-ha.yaml:82:7 warning unused-suppression /policy/suppress/1',
    ]);
    expect(new Set(findings.map((d) => d.rule)).size).toBe(21);
  });
});
