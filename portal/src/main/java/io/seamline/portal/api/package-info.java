/**
 * The HTTP API v1 of DESIGN.md under {@code /api/v1}: Camel REST DSL on platform-http ({@link
 * io.seamline.portal.api.ApiRoutes}) wired to plain handler classes that turn an {@link
 * io.seamline.portal.api.ApiRequest} into a {@link io.seamline.portal.api.Reply}. Errors are RFC 9457 problem
 * details; partners get 404 for anything that is not theirs.
 */
package io.seamline.portal.api;
