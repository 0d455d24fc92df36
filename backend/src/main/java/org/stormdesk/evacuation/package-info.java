/**
 * Evacuation: the answer to a fire alarm (fault, test or real), the roll call of everyone on shift that a real
 * alarm starts, each site's assembly point and evacuation procedure, and the alarm zones kept in their normal state.
 */
package org.stormdesk.evacuation;
