/**
 * {@code seamline.jar translate}: the EDI engine on the command line, without the server. Events as JSON lines on
 * stdout, problems on stderr, the acknowledgement in a file; exit 0, 3 or 2.
 */
package io.seamline.gateway.translate;
