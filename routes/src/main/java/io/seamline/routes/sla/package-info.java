/** The SLA ledger's timers: the scan that warns, breaches and escalates, the alert deliveries, the scorecard gauges. */
package io.seamline.routes.sla;
