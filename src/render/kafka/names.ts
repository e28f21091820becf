/** Kafka's own limits on topic names (kafka.common.internals.Topic). */
const maxTopicNameLength = 249;
const topicNamePattern = /^[a-zA-Z0-9._-]+$/;
/** DNS-1123 subdomain: what Kubernetes accepts as `metadata.name`. */
const subdomainPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const maxSubdomainLength = 253;

/** Why Kafka would reject `name`, or undefined when it is a valid topic name. */
export function topicNameProblem(name: string): string | undefined {
  if (name === '.' || name === '..') return `'${name}' is reserved`;
  if (name.length > maxTopicNameLength)
    return `is ${name.length} characters long; Kafka allows at most ${maxTopicNameLength}`;
  if (!topicNamePattern.test(name)) return 'may contain only letters, digits, ".", "_" and "-"';
  return undefined;
}

/** Kafka replaces `.` with `_` in metric names, so two topics differing only there share metrics. */
export const metricName = (topic: string) => topic.replace(/\./g, '_');

/** The KafkaTopic `metadata.name` for a topic; the real name stays in `spec.topicName`. */
export const topicResourceName = (topic: string) => topic.toLowerCase().replace(/[^a-z0-9-]/g, '-');

/** Why `name` is not a valid `metadata.name`, or undefined. */
export function resourceNameProblem(name: string): string | undefined {
  if (name.length > maxSubdomainLength) return `is longer than ${maxSubdomainLength} characters`;
  if (!subdomainPattern.test(name)) return 'is not a DNS-1123 subdomain (it must start and end with a letter or digit)';
  return undefined;
}
