/**
 * Volume surges (S7.1): queue samples from the telephony and chat platforms, each queue's normal pattern and
 * forecast, live surge detection, and Erlang staffing math (agents required, service level, speed of answer).
 */
package org.stormdesk.traffic;
