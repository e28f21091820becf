/** JetStream stream and consumer names cannot contain `.`; event names have no `_`, so `.`→`_` loses nothing. */
export const streamName = (event: string) => event.replace(/\./g, '_').toUpperCase();
export const consumerName = (group: string) => group.replace(/\./g, '_');
/** The stream that captures the max-deliveries advisories of an event stream's dead-letter consumers. */
export const deadLetterStreamName = (stream: string) => `${stream}_DLQ`;
/** Published by the server when a message of `stream` reaches `max_deliver` on `consumer`. */
export const maxDeliveriesSubject = (stream: string, consumer: string) =>
  `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.${consumer}`;
