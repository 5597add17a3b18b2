package io.seamline.model.sla;

import io.seamline.model.partner.PartnerId;

/** How many breaches of one kind a partner has open (the SLA dashboard's table). */
public record BreachCount(PartnerId partnerId, String kind, long count) {}
