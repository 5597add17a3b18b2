/** API requests made safe to retry: the first answer to an Idempotency-Key is the answer to every retry. */
package io.seamline.routes.requests;
