package io.seamline.mappings.edi.internal;

import io.seamline.mappings.edi.Delimiters;
import io.seamline.mappings.edi.Standard;
import java.nio.charset.Charset;

/** What the first bytes of an input say: the standard, its delimiters, the character set, a byte-order mark. */
record Detected(Standard standard, Delimiters delimiters, Charset charset, int bomLength) {}
