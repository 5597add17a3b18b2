/**
 * SLA monitoring: facts open expectations with deadlines from the partner's SLA profile and business calendar,
 * fulfilling facts close them, a scheduled scan warns, breaches and escalates each exactly once (a conditional update
 * decides which node does), alerts go to the internal team and, where agreed, a reminder to the partner; scorecards
 * and evidence packs are read from the same ledger.
 */
package io.seamline.coordination.sla;
