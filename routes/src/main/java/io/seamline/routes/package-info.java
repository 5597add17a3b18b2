/**
 * Camel routes, which only wire, and the coordination services they call, which think: ERP import, partner
 * onboarding, scoped lookups, and (as they arrive) correlation, policies, tasks, SLA and the timeline.
 */
package io.seamline.routes;
