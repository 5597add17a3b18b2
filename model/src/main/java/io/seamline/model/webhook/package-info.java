/** Partners' webhook subscriptions and the deliveries of events to them. */
package io.seamline.model.webhook;
