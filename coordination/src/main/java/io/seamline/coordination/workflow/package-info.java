/**
 * Runs each event's workflow: its document kind's correlation inside the sender's relationship, then its decisions,
 * answers and expectations; continues a workflow from a person's decision on one of its tasks, and gives events that
 * matched nothing another chance (a PO arriving from the ERP, a person asking to match again). What cannot be matched
 * becomes an UNMATCHED_MESSAGE task with ranked candidates, on the sender's own message.
 */
package io.seamline.coordination.workflow;
