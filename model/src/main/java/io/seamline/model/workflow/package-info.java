/** Workflows of partner events and the autonomy rate: the share of them that finished with no person's decision. */
package io.seamline.model.workflow;
