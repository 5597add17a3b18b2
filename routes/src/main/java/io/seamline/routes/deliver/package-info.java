/**
 * The outbox: archived outbound messages delivered through their channel with retries and exponential backoff; a
 * delivery that keeps failing ends FAILED, visible on the message, the timeline and as a DELIVERY_FAILED task.
 */
package io.seamline.routes.deliver;
