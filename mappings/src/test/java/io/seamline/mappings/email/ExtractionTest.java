package io.seamline.mappings.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.mappings.Parsed;
import io.seamline.model.event.CommitmentUpdated;
import io.seamline.model.event.CustomsStatusReported;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.event.ShipmentStatusReported;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionTest {

    private static final LocalDate MAIL_DATE = LocalDate.of(2026, 11, 22);

    static EmailTemplate defaults() {
        try (InputStream in = ExtractionTest.class.getResourceAsStream("/email/templates/default.json")) {
            var parsed = EmailTemplate.parse(in.readAllBytes());
            assertThat(parsed).isInstanceOf(Parsed.Valid.class);
            return ((Parsed.Valid<EmailTemplate>) parsed).value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Extracted read(String subject, String text) {
        return Extraction.extract(List.of(defaults()), subject, text, MAIL_DATE);
    }

    @Test
    void readsASuppliersDateChangeInPlainWords() {
        var extracted = read("RE: PO 4500012345", "Hello,\nPO 4500012345 line 2 will ship 15 Dec.\nRegards, Jane");

        assertThat(extracted.events()).singleElement().isInstanceOfSatisfying(CommitmentUpdated.class, c -> {
            assertThat(c.poNumber()).isEqualTo("4500012345");
            assertThat(c.lines()).singleElement().satisfies(l -> {
                assertThat(l.lineNumber()).isEqualTo("2");
                assertThat(l.promisedDate()).isEqualTo(LocalDate.of(2026, 12, 15));
            });
        });
        assertThat(extracted.understood()).containsExactly("PO 4500012345 line 2: new date 2026-12-15");
    }

    @Test
    void readsSeveralLinesAndOtherWaysOfWritingDates() {
        var extracted = read(
                "Updated dates",
                "PO 4500012345 line 1 ships on Dec 20, 2026\nline 3 of PO 4500012345 is delayed to 2027-01-05\n"
                        + "PO 4500012346 pos 2: new date 10/01/2027");

        assertThat(extracted.events()).hasSize(2);
        var first = (CommitmentUpdated) extracted.events().get(0);
        assertThat(first.lines())
                .extracting(CommitmentUpdated.Line::promisedDate)
                .containsExactly(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 5));
        var second = (CommitmentUpdated) extracted.events().get(1);
        assertThat(second.lines().get(0).promisedDate()).isEqualTo(LocalDate.of(2027, 1, 10));
    }

    @Test
    void aDateWithoutAYearIsTheNextOne() {
        var extracted = read("", "PO 4500012345 line 1 will ship 5 Jan");

        assertThat(((CommitmentUpdated) extracted.events().get(0))
                        .lines()
                        .get(0)
                        .promisedDate())
                .isEqualTo(LocalDate.of(2027, 1, 5));
    }

    @Test
    void twoDifferentDatesForOneLineAreAmbiguousNotGuessed() {
        var extracted = read("", "PO 4500012345 line 2 will ship 15 Dec.\nSorry, PO 4500012345 line 2 ships 18 Dec.");

        assertThat(extracted.events()).isEmpty();
        assertThat(extracted.ambiguous()).singleElement().asString().contains("PO 4500012345 line 2", "two different");
    }

    @Test
    void ignoresTheQuotedThreadAndTheSignature() {
        var extracted = read(
                "Re: dates",
                "PO 4500012345 line 1 will ship 12 Dec.\n--\nJane\nPO 4500012345 line 3 will ship 1 Mar\n"
                        + "> PO 4500012345 line 2 will ship 1 Feb");

        assertThat(((CommitmentUpdated) extracted.events().get(0)).lines()).hasSize(1);
    }

    @Test
    void readsAForwardersDelayWithTheNewEta() {
        var extracted = read(
                "Delay notice",
                "Dear customer, container MSCU1234565 is delayed due to port congestion. New ETA 20 Jan 2027.");

        assertThat(extracted.events()).singleElement().isInstanceOfSatisfying(ShipmentStatusReported.class, s -> {
            assertThat(s.status()).isEqualTo(ShipmentStatusReported.TransportStatus.DELAYED);
            assertThat(s.references().container()).isEqualTo("MSCU1234565");
            assertThat(s.estimatedDelivery())
                    .isEqualTo(LocalDate.of(2027, 1, 20).atStartOfDay());
        });
    }

    @Test
    void readsACustomsHoldWithTheDocumentsRequested() {
        var extracted = read(
                "Customs hold - shipment SH-1002",
                "Entry ENTRY-11072 is on hold.\nDocuments required: commercial invoice, packing list and certificate of"
                        + " origin.");

        assertThat(extracted.events()).singleElement().isInstanceOfSatisfying(CustomsStatusReported.class, c -> {
            assertThat(c.entryNumber()).isEqualTo("ENTRY-11072");
            assertThat(c.status()).isEqualTo(CustomsStatusReported.Status.HOLD);
            assertThat(c.documentsRequested())
                    .containsExactly("commercial invoice", "packing list", "certificate of origin");
            assertThat(c.references()).containsEntry("shipmentId", "SH-1002");
        });
    }

    @Test
    void readsAnInvoiceNotice() {
        var extracted = read("Invoice", "Please find invoice INV-7781 for PO 4500012349, total USD 1,234.50 attached.");

        assertThat(extracted.events()).singleElement().isInstanceOfSatisfying(InvoiceReceived.class, i -> {
            assertThat(i.invoiceNumber()).isEqualTo("INV-7781");
            assertThat(i.total()).isEqualByComparingTo(new BigDecimal("1234.50"));
            assertThat(i.currency()).isEqualTo("USD");
            assertThat(i.poNumbers()).containsExactly("4500012349");
        });
    }

    @Test
    void understandsNothingInSmallTalk() {
        var extracted = read("Hello", "Thanks for your order, we will come back to you next week.");

        assertThat(extracted.nothing()).isTrue();
    }

    @Test
    void aPartnersOwnRulesComeFirst() {
        String json =
                """
                {"partner": "bright-textiles", "dateOrder": "MDY", "rules": [
                  {"kind": "COMMITMENT", "pattern": "order (?<po>\\\\d{10}) / (?<line>\\\\d+) -> (?<date>{date})"}]}
                """;
        var partner =
                ((Parsed.Valid<EmailTemplate>) EmailTemplate.parse(json.getBytes(StandardCharsets.UTF_8))).value();

        var extracted =
                Extraction.extract(List.of(partner, defaults()), "", "order 4500012349 / 1 -> 12/03/2026", MAIL_DATE);

        assertThat(((CommitmentUpdated) extracted.events().get(0))
                        .lines()
                        .get(0)
                        .promisedDate())
                .isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void refusesATemplateWithAGroupThatMeansNothing() {
        String json =
                """
                {"partner": "x", "rules": [{"kind": "INVOICE", "pattern": "(?<eta>{date})"}]}
                """;

        var parsed = EmailTemplate.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed).isInstanceOfSatisfying(Parsed.Invalid.class, i -> assertThat(
                        i.problems().toString())
                .contains("group eta means nothing for INVOICE"));
    }
}
