/**
 * Knowledge base: the product documentation agents answer customers from during a system failure (S2.3),
 * searchable in Chinese and English and kept readable offline by the app.
 */
package org.stormdesk.knowledge;
