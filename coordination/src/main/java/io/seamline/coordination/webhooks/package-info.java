/**
 * Partners' webhooks: subscriptions to events about their own objects (what we sent them, how their messages ended),
 * delivered signed (HMAC-SHA256 over timestamp and body), retried with backoff, parked DEAD for ops to replay, and
 * never to an internal address.
 */
package io.seamline.coordination.webhooks;
