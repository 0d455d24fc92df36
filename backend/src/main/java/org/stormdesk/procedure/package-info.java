/**
 * The specification as data: the center's emergency procedures, section by section, in three languages, and
 * one versioned playbook per incident kind (steps, timers, call tree) that runs when an incident opens.
 */
package org.stormdesk.procedure;
