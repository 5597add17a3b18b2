package io.seamline.mappings.edi.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.mappings.edi.Standard;
import org.junit.jupiter.api.Test;

class CodeListsTest {

    @Test
    void aCodeTheStandardListsIsAllowedWhetherOrNotSeamlineMapsIt() {
        assertThat(CodeLists.allows(Standard.X12, "587", "ZZ")).isTrue();
        assertThat(CodeLists.allows(Standard.X12, "110", "BP")).isTrue();
        assertThat(CodeLists.allows(Standard.EDIFACT, "1229", "24")).isTrue();
        assertThat(CodeLists.allows(Standard.EDIFACT, "1225", "6")).isTrue();
    }

    @Test
    void aCodeOffTheListOrOnAnotherStandardsListIsNot() {
        assertThat(CodeLists.allows(Standard.X12, "587", "XQ")).isFalse();
        assertThat(CodeLists.allows(Standard.EDIFACT, "1229", "X9")).isFalse();
        assertThat(CodeLists.allows(Standard.EDIFACT, "587", "ZZ")).isFalse();
        assertThat(CodeLists.allows(Standard.X12, "587", null)).isFalse();
    }

    @Test
    void anElementWithoutAListHereAllowsNothingAndSaysSo() {
        assertThat(CodeLists.allows(Standard.X12, "9999", "A")).isFalse();
        assertThat(CodeLists.name(Standard.EDIFACT, "1229")).isEqualTo("UNTDID 1229");
        assertThat(CodeLists.name(Standard.X12, "587")).isEqualTo("X12 element 587");
    }
}
