/**
 * Outbound work (S7.3, S7.4): the daily outbound plan of campaigns and call lists, imported and given to the outbound
 * agents on shift within their capacity and skills; and, when agents are pulled onto the inbound lines or outbound
 * volume grows, a reallocation the manager reviews and applies, which keeps the highest priorities and the nearest due
 * times covered. Agents work their own lists from a phone, offline too.
 */
package org.stormdesk.outbound;
