/**
 * Incidents: reports from the floor open or join them, people acknowledge, note and resolve them, and each
 * one's management log is its hash-chained slice of the journal.
 */
package org.stormdesk.incident;
