/**
 * Deductions we take from partners: proposed by the gateway with their evidence (a chargeback for a breached SLA whose
 * profile names a charge, goods short or rejected on receipt), decided by a person, sent as a debit (812, INVOIC 383,
 * a notice), and disputed by the partner (API, portal, mail), which reopens them as a task with a deadline.
 */
package io.seamline.coordination.deductions;
