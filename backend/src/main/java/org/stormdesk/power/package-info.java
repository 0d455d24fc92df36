/**
 * Power (S3): short, calm announcements to the staff on shift, and outages property management announces ahead
 * (S3.3): the staff are warned before the window, and its plan starts as a checklist when the window opens.
 */
package org.stormdesk.power;
