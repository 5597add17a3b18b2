/** Webhook deliveries: due deliveries sent signed, retried with backoff, parked DEAD for ops to replay. */
package io.seamline.routes.webhooks;
