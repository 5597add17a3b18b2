package io.seamline.coordination.workflow;

import static io.seamline.coordination.testing.Documents.line;
import static io.seamline.coordination.testing.Documents.order;
import static io.seamline.coordination.testing.Documents.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import org.junit.jupiter.api.Test;

/** How an event's line finds its PO line: by number as partners write it, else by the one line of the item. */
class MatchingTest {

    private final PurchaseOrderLine ten = line("010", "WID-100", "500", "2.50");
    private final PurchaseOrderLine twenty = line("020", "WID-200", "120", "14.00");
    private final PurchaseOrderLine thirty = line("030", "WID-200", "40", "14.00");
    private final PurchaseOrder po = order("4500012345", supplier("acme-supply"), ten, twenty, thirty);

    @Test
    void findsALineByItsNumberWithOrWithoutLeadingZeros() {
        assertThat(Matching.line(po, "010", null, null)).contains(ten);
        assertThat(Matching.line(po, "10", null, null)).contains(ten);
        assertThat(Matching.line(po, " 0010 ", null, null)).contains(ten);
    }

    @Test
    void withoutAKnownNumberFindsTheOnlyLineOfTheItemOursOrThePartners() {
        assertThat(Matching.line(po, "99", "WID-100", null)).contains(ten);
        assertThat(Matching.line(po, null, null, "P-WID-100")).contains(ten);
    }

    @Test
    void anItemOnTwoLinesIsNoMatchRatherThanAGuess() {
        assertThat(Matching.line(po, null, "WID-200", null)).isEmpty();
    }

    @Test
    void aLineNotFoundOffersThePosLinesThoseOfTheSameItemFirst() {
        var unmatched = Matching.lineNotFound(po, new Matching.EventLine("99", "WID-200", null));

        assertThat(unmatched.reason()).isEqualTo("line 99 of PO 4500012345 not found (item WID-200)");
        assertThat(unmatched.candidates())
                .extracting(c -> c.get("lineNumber"), c -> c.get("reason"))
                .containsExactly(
                        tuple("020", "same item"), tuple("030", "same item"), tuple("010", "another line of the PO"));
    }
}
