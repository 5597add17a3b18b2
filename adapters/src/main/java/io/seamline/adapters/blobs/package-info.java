/**
 * Raw bytes by their SHA-256: the documents, attachments, acknowledgements and MDNs a message row points at, in a
 * folder under the data directory or in S3-compatible object storage.
 */
package io.seamline.adapters.blobs;
