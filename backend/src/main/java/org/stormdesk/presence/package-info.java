/**
 * Presence: who is on duty in the agent panel during an incident, who asked to leave, who allowed it, and who is
 * away without leave (S2.4); all of it in the management log.
 */
package org.stormdesk.presence;
