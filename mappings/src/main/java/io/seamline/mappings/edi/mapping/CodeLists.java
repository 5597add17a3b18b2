package io.seamline.mappings.edi.mapping;

import io.seamline.mappings.edi.Standard;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The standards' code lists for the coded elements Seamline interprets ({@code edi/codelists/codes.txt}): whether a
 * code a partner sent is one its standard allows, whatever Seamline maps it to. A mapper asks this before calling a
 * code invalid, so an acknowledgement never accuses a partner of a code the standard allows.
 */
public final class CodeLists {

    private static final Map<String, Set<String>> LISTS = load();

    private CodeLists() {}

    /** The element's name as an acknowledgement words it: "X12 element 587", "UNTDID 1225". */
    public static String name(Standard standard, String element) {
        return standard == Standard.X12 ? "X12 element " + element : "UNTDID " + element;
    }

    /** Whether the standard lists {@code code} for the element; false for an element without a list here. */
    public static boolean allows(Standard standard, String element, String code) {
        Set<String> codes = LISTS.get(standard + " " + element);
        return codes != null && code != null && codes.contains(code);
    }

    private static Map<String, Set<String>> load() {
        var lists = new HashMap<String, Set<String>>();
        try (InputStream in = CodeLists.class.getResourceAsStream("/edi/codelists/codes.txt")) {
            if (in == null) {
                throw new IllegalStateException("edi/codelists/codes.txt is missing from the class path");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] words = line.strip().split("\\s+");
                if (words.length < 3 || words[0].startsWith("#")) {
                    continue;
                }
                Set<String> codes = lists.computeIfAbsent(words[0] + " " + words[1], k -> new HashSet<>());
                for (int i = 2; i < words.length; i++) {
                    add(codes, words[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lists.replaceAll((k, v) -> Set.copyOf(v));
        return Map.copyOf(lists);
    }

    private static void add(Set<String> codes, String word) {
        int dash = word.indexOf('-');
        if (dash > 0 && word.chars().allMatch(c -> c == '-' || Character.isDigit(c))) {
            int from = Integer.parseInt(word.substring(0, dash));
            int to = Integer.parseInt(word.substring(dash + 1));
            for (int n = from; n <= to; n++) {
                codes.add(Integer.toString(n));
            }
        } else {
            codes.add(word);
        }
    }
}
