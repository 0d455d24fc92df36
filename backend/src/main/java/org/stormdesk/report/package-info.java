/** After the incident: reviews with follow-up actions, reports (times, escalations, compliance, customers, drills) and exports. */
package org.stormdesk.report;
