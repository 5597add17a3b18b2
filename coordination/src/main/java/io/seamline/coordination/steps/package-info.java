/**
 * The contract between the pipeline's steps: a message claimed for processing, the canonical events it was read into
 * ({@link io.seamline.coordination.steps.Work}, one per event), what each was matched to, what was decided and what the
 * partner hears back. Records only; each step takes one and returns the next.
 */
package io.seamline.coordination.steps;
