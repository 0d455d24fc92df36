/**
 * Callbacks: every customer promised a callback while the systems were down becomes a task, spread over the agents
 * on shift and followed up until the customer is reached or the attempts run out (S2.6).
 */
package org.stormdesk.callback;
