/**
 * Repositories over PostgreSQL (Spring's {@code JdbcClient}, Flyway migrations in {@code db/migration}). Every
 * query over partner-visible data takes a {@link io.seamline.model.partner.PartnerScope}; steps that may run twice
 * record themselves under a step key so they take effect once.
 */
package io.seamline.adapters.persistence;
