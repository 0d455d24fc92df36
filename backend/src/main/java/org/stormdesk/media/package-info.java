/**
 * Media: inquiries from people who say they are journalists, handed to the manager at once; the one
 * spokesperson of an incident; and the statements leadership approves, the only words the center gives out.
 */
package org.stormdesk.media;
