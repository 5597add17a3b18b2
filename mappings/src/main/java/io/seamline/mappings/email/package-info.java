/**
 * E-mail as a partner channel: MIME read within limits (size, attachment count, zip bombs, nesting), HTML reduced to
 * text, delivery reports recognised; declarative per-partner templates that turn what a mail says into canonical
 * events; replies composed in the partner's thread. Pure: bytes in, values out.
 */
package io.seamline.mappings.email;
