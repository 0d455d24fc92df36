/** Stormdesk: incident response for customer service centers. One package per capability. */
package org.stormdesk;
