/**
 * The journal: every fact anyone records is an immutable entry, stored at most once, numbered without gaps
 * in the order it was accepted, hash-chained per incident, and synced to devices by push and pull.
 */
package org.stormdesk.journal;
