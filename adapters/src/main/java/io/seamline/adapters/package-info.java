/**
 * The outside world, behind plain Java types: persistence in PostgreSQL now, transports (AS2, SFTP, mail, HTTP,
 * SOAP) as they arrive. Adapters know the model and the mappings, never the routes.
 */
package io.seamline.adapters;
