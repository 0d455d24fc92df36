/**
 * Notifications: what the journal says people must hear (escalations, requested notices, serious incidents)
 * becomes an outbox of deliveries per person and channel, sent with retries, each outcome logged as an entry.
 */
package org.stormdesk.notify;
