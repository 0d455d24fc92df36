/** People: users and their roles, teams and seats, sign-in and API tokens, and the directory of outside contacts. */
package org.stormdesk.people;
