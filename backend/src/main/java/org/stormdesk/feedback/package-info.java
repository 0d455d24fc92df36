/**
 * Feedback: customer contacts from the CRM and the chat platform, watched for reason codes and phrases rising
 * above their normal level for the time of day (S6.1), and the suspected problems handed to the responsible
 * department to confirm or dismiss (S6.2).
 */
package org.stormdesk.feedback;
