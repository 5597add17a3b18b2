package io.seamline.model.sla;

import java.time.LocalDate;

/** How many breaches of one kind were raised on one day (UTC): the SLA dashboard's trend. */
public record DailyBreaches(LocalDate day, String kind, long count) {}
