/**
 * The runnable gateway: the Spring Boot application, its configuration and profiles, the demo data, and the
 * command-line entry point.
 */
package io.seamline.gateway;
