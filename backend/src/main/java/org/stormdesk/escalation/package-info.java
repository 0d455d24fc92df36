/**
 * Escalation: each incident's playbook at work, with its checklist, timers that escalate level after level
 * until someone acknowledges, the call tree, and how well the specification was followed.
 */
package org.stormdesk.escalation;
