/** The deployable around the capabilities: settings, localized messages, errors, security wiring and serving the PWA. */
package org.stormdesk.app;
