package io.seamline.mappings.edi.mapping;

/**
 * One segment as read: its tag, its position in the transaction set (the header is 1) and its elements, each a
 * list of components. Absent and empty values read as {@code null}. Only the first repetition of a repeated element
 * is kept.
 */
public final class Segment {

    private final String tag;
    private final int position;
    private final String[][] elements;

    public Segment(String tag, int position, String[][] elements) {
        this.tag = tag;
        this.position = position;
        this.elements = elements;
    }

    public String tag() {
        return tag;
    }

    public int position() {
        return position;
    }

    public int elementCount() {
        return elements.length;
    }

    /** Element {@code element} (1-based), its first component; null when absent or empty. */
    public String get(int element) {
        return get(element, 1);
    }

    /** Component {@code component} (1-based) of element {@code element}; null when absent or empty. */
    public String get(int element, int component) {
        if (element < 1 || element > elements.length) {
            return null;
        }
        String[] components = elements[element - 1];
        if (components == null || component < 1 || component > components.length) {
            return null;
        }
        String value = components[component - 1];
        return value == null || value.isEmpty() ? null : value;
    }

    /** True when element {@code element} has the value {@code value}. */
    public boolean is(int element, String value) {
        return value.equals(get(element));
    }

    @Override
    public String toString() {
        var text = new StringBuilder(tag);
        for (String[] components : elements) {
            text.append('*');
            if (components != null) {
                text.append(String.join(":", components));
            }
        }
        return text.toString();
    }
}
