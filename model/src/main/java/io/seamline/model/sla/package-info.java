/** Every obligation as an expectation with a deadline: opened by one fact, fulfilled by another, or breached. */
package io.seamline.model.sla;
