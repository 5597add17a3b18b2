/** Bulk operations: reprocess, resend and retry by filter, as background jobs with progress, cancellable, audited. */
package io.seamline.routes.bulk;
