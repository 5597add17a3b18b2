/**
 * The data lifecycle: retention rules per class and partner, purges in small transactions that leave tombstones and
 * spare what an open task, an open SLA expectation, an unsettled invoice or a legal hold still needs; legal holds;
 * erasure of a person's data from raw mails, contacts and templates.
 */
package io.seamline.coordination.retention;
