/** The specification as data: the center's emergency procedures, section by section, in three languages. */
package org.stormdesk.procedure;
