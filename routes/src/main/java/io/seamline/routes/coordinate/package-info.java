/**
 * Coordination: each partner event runs its workflow. Policies decide per aspect; inside the boundary the gateway
 * applies the change, writes it back to the ERP and answers the partner; outside it opens a task, and the workflow
 * continues from the person's decision. Every decision is a DECISION entry on the subject's timeline.
 */
package io.seamline.routes.coordinate;
