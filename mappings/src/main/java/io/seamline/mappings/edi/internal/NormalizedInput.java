package io.seamline.mappings.edi.internal;

import io.seamline.mappings.edi.Delimiters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * Presents StAEDI with the interchange the partner meant, byte for byte what it sent minus formatting:
 * <ul>
 *   <li>the byte-order mark and leading blank lines are skipped;</li>
 *   <li>when segments end with a terminator character, line breaks are formatting (pretty-printed or 80-column
 *       wrapped files) and are removed, as are blanks that follow a terminator;</li>
 *   <li>when segments end with a line break, CR LF and CR become LF, indentation and blank lines go, and trailing
 *       separators before the break are dropped (except in ISA and UNA, whose last characters are delimiters);</li>
 *   <li>a last segment without its terminator gets one;</li>
 *   <li>reading stops with {@link InputTooLarge} past {@code limit} bytes.</li>
 * </ul>
 * A released terminator (EDIFACT {@code ?'}) is data, not an end of segment.
 */
final class NormalizedInput extends InputStream {

    private final InputStream in;
    private final long limit;
    private final boolean newlineMode;
    private final byte[] terminator;
    private final int element;
    private final int component;
    private final int release;

    private long consumed;
    private InputTooLarge exceeded;
    private int lookahead = -2;
    private boolean atSegmentStart = true;
    private boolean escaped;
    private boolean endedWithTerminator = true;
    private boolean eof;
    private int matched;
    private final byte[] tag = new byte[3];
    private int tagLength;
    private boolean pastTag;

    private static final int[] ISA_WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1};
    private boolean capturingIsa;
    private final byte[] isa = new byte[256];
    private int isaLength;
    private int isaSeparators;
    private String repairedHeader;

    /** Held-back trailing separators and blanks (newline mode), released when more data follows. */
    private final byte[] pending = new byte[256];

    private int pendingLength;

    private static final int CHUNK = 8192;

    private byte[] out = new byte[CHUNK + 1024];
    private int outStart;
    private int outEnd;
    private int markPos = -1;

    private byte[] raw;
    private int rawPos;
    private int rawEnd;

    /**
     * @param head the first bytes of the input, already read for detection
     * @param in the rest of the input
     */
    public NormalizedInput(byte[] head, int headLength, InputStream in, Detected detected, long limit)
            throws IOException {
        this.in = in;
        this.limit = limit;
        this.raw = head;
        this.rawEnd = headLength;
        this.consumed = headLength;
        if (consumed > limit) {
            exceeded = new InputTooLarge(limit);
            throw exceeded;
        }
        Delimiters d = detected.delimiters();
        this.newlineMode = d.newlineTerminated();
        Charset charset = detected.charset();
        this.terminator = newlineMode ? new byte[] {'\n'} : d.segment().getBytes(charset);
        this.element = d.element();
        this.component = d.component();
        this.release = d.release() == 0 ? -1 : d.release();
        for (int i = 0; i < detected.bomLength(); i++) {
            raw();
        }
    }

    @Override
    public int read() throws IOException {
        if (outStart == outEnd && !fill()) {
            return -1;
        }
        return out[outStart++] & 0xFF;
    }

    /** Marks are supported (StAEDI peeks ahead), so it reads this stream without wrapping it in another buffer. */
    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readLimit) {
        markPos = outStart;
    }

    @Override
    public void reset() throws IOException {
        if (markPos < 0) {
            throw new IOException("no mark");
        }
        outStart = markPos;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (outStart == outEnd && !fill()) {
            return -1;
        }
        int n = Math.min(len, outEnd - outStart);
        System.arraycopy(out, outStart, b, off, n);
        outStart += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Normalizes the next chunk into {@code out} (keeping marked bytes); false at the end of input. */
    private boolean fill() throws IOException {
        if (markPos >= 0) {
            int kept = outEnd - markPos;
            System.arraycopy(out, markPos, out, 0, kept);
            outStart -= markPos;
            outEnd = kept;
            markPos = 0;
        } else {
            outStart = 0;
            outEnd = 0;
        }
        int before = outEnd;
        int target = outEnd + CHUNK;
        while (outEnd < target && !eof) {
            int b = raw();
            if (b < 0) {
                eof = true;
                pendingLength = 0;
                if (!endedWithTerminator) {
                    emitAll(terminator);
                }
                break;
            }
            accept(b);
        }
        return outEnd > before;
    }

    private void accept(int b) throws IOException {
        if (escaped) {
            escaped = false;
            emitData(b);
            return;
        }
        if (newlineMode) {
            acceptInNewlineMode(b);
            return;
        }
        if (b == '\r' || b == '\n') {
            return;
        }
        if (atSegmentStart && (b == ' ' || b == '\t')) {
            return;
        }
        if (b == release) {
            escaped = true;
            emitData(b);
            return;
        }
        emitData(b);
        if (b == (terminator[matched] & 0xFF)) {
            matched++;
            if (matched == terminator.length) {
                matched = 0;
                segmentEnded();
            }
        } else {
            matched = b == (terminator[0] & 0xFF) ? 1 : 0;
        }
    }

    private void acceptInNewlineMode(int b) throws IOException {
        if (b == '\r') {
            int next = peek();
            if (next == '\n') {
                return;
            }
            b = '\n';
        }
        if (b == '\n') {
            pendingLength = 0;
            if (!atSegmentStart) {
                emit('\n');
                segmentEnded();
            }
            return;
        }
        if (atSegmentStart && (b == ' ' || b == '\t')) {
            return;
        }
        if (pastTag && !inEnvelopeHeader() && (b == element || b == component || b == ' ' || b == '\t')) {
            if (pendingLength < pending.length) {
                pending[pendingLength++] = (byte) b;
                return;
            }
        }
        flushPending();
        if (b == release) {
            escaped = true;
        }
        emitData(b);
    }

    private void emitData(int b) {
        if (capturingIsa) {
            captureIsa(b);
            return;
        }
        if (atSegmentStart) {
            atSegmentStart = false;
            pastTag = false;
            tagLength = 0;
        }
        boolean startsIsa = false;
        if (!pastTag) {
            if (b == element || tagLength == 3) {
                pastTag = true;
                startsIsa = b == element && tagLength == 3 && tag[0] == 'I' && tag[1] == 'S' && tag[2] == 'A';
            } else {
                tag[tagLength++] = (byte) Character.toUpperCase(b);
            }
        }
        endedWithTerminator = false;
        emit(b);
        if (startsIsa) {
            capturingIsa = true;
            isaLength = 0;
            isaSeparators = 0;
        }
    }

    /** Collects ISA01 to ISA16 (15 separators, then ISA16); an ISA a partner padded wrongly is repaired. */
    private void captureIsa(int b) {
        if (isaLength < isa.length) {
            isa[isaLength++] = (byte) b;
        }
        if (isaSeparators == 15 || isaLength == isa.length) {
            capturingIsa = false;
            emitRepairedIsa();
            return;
        }
        if (b == element) {
            isaSeparators++;
        }
    }

    private void emitRepairedIsa() {
        var elements = new java.util.ArrayList<byte[]>();
        int from = 0;
        for (int i = 0; i < isaLength; i++) {
            if (isa[i] == element && elements.size() < 15) {
                elements.add(java.util.Arrays.copyOfRange(isa, from, i));
                from = i + 1;
            }
        }
        elements.add(java.util.Arrays.copyOfRange(isa, from, isaLength));
        if (elements.size() != 16) {
            emitAllData(isa, isaLength);
            return;
        }
        var fixes = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            byte[] value = elements.get(i);
            int width = ISA_WIDTHS[i];
            if (value.length == width) {
                continue;
            }
            byte[] fixed = fixWidth(value, width, i == 12);
            if (fixed != null) {
                fixes.append(fixes.isEmpty() ? "" : ", ")
                        .append("ISA")
                        .append(String.format("%02d", i + 1))
                        .append(" had ")
                        .append(value.length)
                        .append(" characters instead of ")
                        .append(width);
                elements.set(i, fixed);
            }
        }
        if (!fixes.isEmpty()) {
            repairedHeader = "the ISA was not fixed-width and was repaired: " + fixes;
        }
        for (int i = 0; i < 16; i++) {
            byte[] value = elements.get(i);
            emitAllData(value, value.length);
            if (i < 15) {
                emit(element);
            }
        }
    }

    /** Pads (spaces; zeros on the left for the control number) or trims trailing spaces; null if it cannot. */
    private static byte[] fixWidth(byte[] value, int width, boolean numeric) {
        if (value.length < width) {
            byte[] fixed = new byte[width];
            int pad = width - value.length;
            if (numeric) {
                java.util.Arrays.fill(fixed, 0, pad, (byte) '0');
                System.arraycopy(value, 0, fixed, pad, value.length);
            } else {
                System.arraycopy(value, 0, fixed, 0, value.length);
                java.util.Arrays.fill(fixed, value.length, width, (byte) ' ');
            }
            return fixed;
        }
        for (int i = width; i < value.length; i++) {
            if (value[i] != ' ') {
                return null;
            }
        }
        return java.util.Arrays.copyOf(value, width);
    }

    private void emitAllData(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            emit(bytes[i]);
        }
    }

    /** The size limit was passed (StAEDI may report that as an end of input; this says why). */
    public InputTooLarge exceeded() {
        return exceeded;
    }

    /** Set when the ISA had to be repaired, saying what was wrong; null otherwise. */
    public String repairedHeader() {
        return repairedHeader;
    }

    /** ISA and UNA end with delimiter characters, which are not trailing separators. */
    private boolean inEnvelopeHeader() {
        return tagLength == 3
                && ((tag[0] == 'I' && tag[1] == 'S' && tag[2] == 'A')
                        || (tag[0] == 'U' && tag[1] == 'N' && tag[2] == 'A'));
    }

    private void segmentEnded() {
        atSegmentStart = true;
        endedWithTerminator = true;
        pastTag = false;
        tagLength = 0;
    }

    private void flushPending() {
        for (int i = 0; i < pendingLength; i++) {
            emit(pending[i]);
        }
        pendingLength = 0;
    }

    private void emitAll(byte[] bytes) {
        for (byte b : bytes) {
            emit(b);
        }
    }

    private void emit(int b) {
        if (outEnd == out.length) {
            out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[outEnd++] = (byte) b;
    }

    private int peek() throws IOException {
        if (lookahead == -2) {
            lookahead = readRaw();
        }
        return lookahead;
    }

    private int raw() throws IOException {
        if (lookahead != -2) {
            int b = lookahead;
            lookahead = -2;
            return b;
        }
        return readRaw();
    }

    private int readRaw() throws IOException {
        if (rawPos == rawEnd) {
            if (raw.length < CHUNK) {
                raw = new byte[CHUNK];
            }
            rawPos = 0;
            rawEnd = in.read(raw, 0, raw.length);
            if (rawEnd <= 0) {
                rawEnd = 0;
                return -1;
            }
            consumed += rawEnd;
            if (consumed > limit) {
                exceeded = new InputTooLarge(limit);
                throw exceeded;
            }
        }
        return raw[rawPos++] & 0xFF;
    }
}
