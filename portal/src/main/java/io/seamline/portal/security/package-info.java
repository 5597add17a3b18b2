/**
 * Who is calling: roles (ADMIN, OPS, ERP, PARTNER) and, for partner users and systems, the one partner they act
 * for. Every read and write is scoped by {@link io.seamline.portal.security.Caller#scope()}.
 */
package io.seamline.portal.security;
