/**
 * AS2 (RFC 4130) as pure functions over bytes and keys: opening a partner's message (decrypt, decompress, verify the
 * signature against the partner's certificates, compute the MIC), sealing ours (compress, sign, encrypt), composing
 * and reading MDNs. S/MIME is BouncyCastle's; no I/O happens here.
 */
package io.seamline.mappings.as2;
