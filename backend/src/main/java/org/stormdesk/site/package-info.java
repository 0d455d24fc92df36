/**
 * The site: sites and floors drawn as a grid of seats, the equipment at each seat and each device's faults, who sits
 * where and who is moved to other work (and, as it grows, alarm zones, supplies and roll calls).
 */
package org.stormdesk.site;
