/**
 * Emergency supplies: the fans, torches, UPS and first-aid kits each site keeps, the readiness rule an administrator
 * sets in proportion to the site's size, and a warning to the managers whenever a site stops being ready.
 */
package org.stormdesk.supplies;
