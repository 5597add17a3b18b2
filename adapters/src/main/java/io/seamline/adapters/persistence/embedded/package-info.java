/**
 * The zero-setup database: real PostgreSQL binaries from Maven Central, data under {@code seamline.data-dir}, as
 * durable as a production server (fsync and synchronous commit on). Used unless {@code spring.datasource.url} is set.
 */
package io.seamline.adapters.persistence.embedded;
