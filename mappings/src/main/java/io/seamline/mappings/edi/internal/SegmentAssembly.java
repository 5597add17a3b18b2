package io.seamline.mappings.edi.internal;

import java.util.Arrays;

/** Collects StAEDI's element events into one segment's elements and components, keeping first repetitions. */
final class SegmentAssembly {

    private static final String[] EMPTY = new String[0];

    private String tag;
    private int position;
    private String[][] elements = new String[32][];
    private int count;

    void start(String tag, int position) {
        this.tag = tag;
        this.position = position;
        this.count = 0;
    }

    String tag() {
        return tag;
    }

    void value(int element, int component, int occurrence, String text) {
        if (element < 1 || occurrence > 1) {
            return;
        }
        if (element > elements.length) {
            elements = Arrays.copyOf(elements, Math.max(element, elements.length * 2));
        }
        for (int i = count; i < element; i++) {
            elements[i] = EMPTY;
        }
        count = Math.max(count, element);
        int index = Math.max(component, 1);
        String[] components = elements[element - 1];
        if (components.length < index) {
            components = Arrays.copyOf(components, index);
            for (int i = 0; i < index; i++) {
                if (components[i] == null) {
                    components[i] = "";
                }
            }
            elements[element - 1] = components;
        }
        components[index - 1] = text;
    }

    Assembled finish() {
        String[][] copy = new String[count][];
        System.arraycopy(elements, 0, copy, 0, count);
        return new Assembled(tag, position, copy);
    }
}
