/** The AS2 endpoints partners post to: messages at {@code /as2}, asynchronous MDNs at {@code /as2/mdn}. */
package io.seamline.portal.as2;
