package io.seamline.model.shipment;

import java.time.LocalDate;

/**
 * The ERP's plan for an ocean or air leg: the ports of loading and discharge (UN/LOCODE) and the day it should
 * leave. A shipment with a route is booked with its forwarder (300, IFTMIN) rather than tendered (204).
 */
public record ShipmentRoute(String portOfLoading, String portOfDischarge, LocalDate plannedDeparture) {}
