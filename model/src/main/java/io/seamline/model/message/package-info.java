/**
 * The message archive: every byte a partner sends us and every byte we send, kept with its hash, envelope
 * control numbers and processing status, so any message can be shown, proven and reprocessed.
 */
package io.seamline.model.message;
