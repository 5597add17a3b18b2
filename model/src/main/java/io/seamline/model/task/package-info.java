/** Human work: what the gateway could not decide inside the agreed boundaries, with context and suggestions. */
package io.seamline.model.task;
