/** The portal's pages for people signed in at Keycloak or as local users. */
package io.seamline.portal.web;
