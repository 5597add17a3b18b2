/**
 * Seamline's face: the partner and internal REST API (Camel REST DSL on platform-http), its security, and the web
 * portal. It reads and acts through the routes' services, never through the adapters directly.
 */
package io.seamline.portal;
