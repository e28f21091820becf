import { maxReplicas, minReplicas } from '../lint/replicas.js';
import type { NormalizedService } from '../normalize/model.js';
import type { ResolvedSystem } from '../resolve/resolve.js';

/** A node of the system's graph: a service (with its tier and replicas), an external (its SLO) or an event. */
interface Node {
  id: string;
  label: string[];
  kind: 'service' | 'external' | 'event';
  spof: boolean;
}

interface Edge {
  from: string;
  to: string;
  kind: 'call' | 'optional-call' | 'publish' | 'subscribe';
}

/** A service one pod or node can take down: fewer than 2 replicas, or every replica allowed on one node. */
const isSinglePointOfFailure = (s: NormalizedService): boolean => minReplicas(s) < 2 || s.spread === 'none';

const replicas = (s: NormalizedService) => {
  const [min, max] = [minReplicas(s), maxReplicas(s)];
  return min === max ? `${min} replica${min === 1 ? '' : 's'}` : `${min}–${max} replicas`;
};

/**
 * The graph of a resolved system: services, externals and events as nodes; calls (to services and externals),
 * publishes and subscriptions as edges.
 */
function systemGraph(resolved: ResolvedSystem): { nodes: Node[]; edges: Edge[] } {
  const { services, events, externals } = resolved.system;
  const serviceId = new Map(services.map((s, i) => [s.name, `s${i}`]));
  const externalId = new Map(externals.map((x, i) => [x.name, `x${i}`]));
  const eventId = new Map(events.map((e, i) => [e.name, `e${i}`]));
  const nodes: Node[] = [
    ...services.map((s) => ({
      id: serviceId.get(s.name)!,
      label: [s.name, `${s.tier} · ${replicas(s)}`],
      kind: 'service' as const,
      spof: isSinglePointOfFailure(s),
    })),
    ...externals.map((x) => ({
      id: externalId.get(x.name)!,
      label: [x.name, `external · ${x.availability}% SLO`],
      kind: 'external' as const,
      spof: false,
    })),
    ...events.map((e) => ({
      id: eventId.get(e.name)!,
      label: [e.name, `${e.partitions} partition${e.partitions === 1 ? '' : 's'}`],
      kind: 'event' as const,
      spof: false,
    })),
  ];
  const edges: Edge[] = [];
  for (const s of services) {
    for (const call of s.calls)
      edges.push({
        from: serviceId.get(s.name)!,
        to: (call.external ? externalId : serviceId).get(call.service)!,
        kind: call.critical ? 'call' : 'optional-call',
      });
    for (const event of s.publishes)
      edges.push({ from: serviceId.get(s.name)!, to: eventId.get(event)!, kind: 'publish' });
    for (const sub of s.subscribes)
      edges.push({ from: eventId.get(sub.event)!, to: serviceId.get(s.name)!, kind: 'subscribe' });
  }
  return { nodes, edges };
}

/**
 * A Mermaid flowchart: services as boxes (tier and replicas), externals as hexagons, events as stadiums, critical
 * calls solid, optional calls dotted, publish/subscribe edges thick; single points of failure in red.
 */
export function toMermaid(resolved: ResolvedSystem): string {
  const { nodes, edges } = systemGraph(resolved);
  const label = (n: Node) => `"${n.label.join('<br/>').replace(/"/g, '#quot;')}"`;
  const arrow = { call: '-->', 'optional-call': '-.->', publish: '==>', subscribe: '==>' } as const;
  const lines = ['flowchart LR'];
  const shape = { service: ['[', ']'], external: ['{{', '}}'], event: ['([', '])'] } as const;
  for (const n of nodes) lines.push(`  ${n.id}${shape[n.kind][0]}${label(n)}${shape[n.kind][1]}`);
  for (const e of edges) lines.push(`  ${e.from} ${arrow[e.kind]} ${e.to}`);
  lines.push('  classDef event fill:#eef,stroke:#66a');
  lines.push('  classDef external fill:#fff,stroke:#888,stroke-dasharray:4 3');
  lines.push('  classDef spof fill:#fdd,stroke:#c00,stroke-width:3px');
  const ids = (keep: (n: Node) => boolean) => nodes.filter(keep).map((n) => n.id);
  for (const [name, members] of [
    ['event', ids((n) => n.kind === 'event')],
    ['external', ids((n) => n.kind === 'external')],
    ['spof', ids((n) => n.spof)],
  ] as const)
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${name}`);
  return `${lines.join('\n')}\n`;
}

/** The same graph in Graphviz DOT. */
export function toDot(resolved: ResolvedSystem): string {
  const { nodes, edges } = systemGraph(resolved);
  const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = [
    `digraph ${quote(resolved.system.name)} {`,
    '  rankdir=LR;',
    '  node [fontname="Helvetica", fontsize=11];',
  ];
  for (const n of nodes) {
    const attributes = [
      `label=${quote(n.label.join('\n'))}`,
      {
        service: 'shape=box',
        external: 'shape=hexagon, style=dashed',
        event: 'shape=ellipse, style=filled, fillcolor="#eeeeff"',
      }[n.kind],
      ...(n.spof
        ? ['color="#cc0000"', 'penwidth=3', 'style=filled', 'fillcolor="#ffdddd"', 'tooltip="single point of failure"']
        : []),
    ];
    lines.push(`  ${n.id} [${attributes.join(', ')}];`);
  }
  const style = {
    call: '',
    'optional-call': ' [style=dashed]',
    publish: ' [penwidth=2]',
    subscribe: ' [penwidth=2]',
  } as const;
  for (const e of edges) lines.push(`  ${e.from} -> ${e.to}${style[e.kind]};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
