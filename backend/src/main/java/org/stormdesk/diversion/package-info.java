/**
 * Diversion during a volume surge (S7.2): a library of approved IVR messages, call scripts and chat auto-replies in three
 * languages, switched on for an incident by the manager and off when it is resolved; the platforms read what is live
 * (with an ETag) or get it pushed by webhook on every change.
 */
package org.stormdesk.diversion;
