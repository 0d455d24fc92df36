/** The site: floors and seats (and, as it grows, equipment, alarm zones, planned outages and roll calls). */
package org.stormdesk.site;
