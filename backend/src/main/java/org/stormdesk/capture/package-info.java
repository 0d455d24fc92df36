/**
 * Capture: customers taken down by hand (on the panel or on paper) while the systems are down, each kept as a
 * journal entry until it is back-filled into the CRM or rejected, with their personal data masked and purged.
 */
package org.stormdesk.capture;
