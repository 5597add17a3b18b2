/**
 * Camel routes, which only wire: the pipeline's mechanics (intake, lanes and batches, claims, recovery) and the
 * channels (AS2, SFTP, mail, the Kafka bus, the outbox's deliveries, webhooks, the ERP's files). What happens to a
 * document is the coordination module's.
 */
package io.seamline.routes;
