/**
 * The roster: who is on shift at which site, in which position, with which skills. Other capabilities
 * ask {@link org.stormdesk.roster.Roster} who is on shift now (roll call, callbacks, presence, pulling staff
 * onto the lines); managers keep it by hand or import it as CSV.
 */
package org.stormdesk.roster;
