/** The autonomy rate: the share of partner events whose workflow finished with no person's decision. */
package io.seamline.coordination.metrics;
