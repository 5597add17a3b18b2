package io.seamline.mappings.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seamline.mappings.edi.outbound.OutboundEdi;
import io.seamline.mappings.edi.outbound.OutboundRenderer;
import io.seamline.mappings.edi.outbound.Parties;
import io.seamline.model.event.ApplicationAckReceived;
import io.seamline.model.event.InvoiceReceived;
import io.seamline.model.outbound.ApplicationAdvised;
import io.seamline.model.outbound.BookingRequested;
import io.seamline.model.outbound.DeductionRaised;
import io.seamline.model.outbound.LoadTendered;
import io.seamline.model.outbound.OrderChanged;
import io.seamline.model.outbound.OrderPlaced;
import io.seamline.model.outbound.OutboundDocument;
import io.seamline.model.outbound.ReceiptAdvised;
import io.seamline.model.outbound.RemittanceAdvised;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every outbound document we render is compared with its expected text ({@code src/test/resources/outbound}) and
 * read back by the engine: the envelope is sound, and the validators of the sets we send find nothing wrong.
 */
class OutboundRenderingTest {

    private static final Parties X12_PARTIES = new Parties("ZZ", "SEAMLINEBUYER", "ZZ", "ACMESUPPLY", null, null);
    private static final Parties EDIFACT_PARTIES =
            new Parties("14", "5412345000013", "14", "5790000000012", null, null);

    static final OrderPlaced ORDER = new OrderPlaced(
            "4500012345",
            LocalDate.of(2026, 11, 19),
            "USD",
            List.of(
                    new OrderPlaced.Line(
                            "1",
                            "WID-100",
                            "AC-W100",
                            new BigDecimal("500"),
                            "EA",
                            new BigDecimal("2.50"),
                            LocalDate.of(2026, 12, 12)),
                    new OrderPlaced.Line(
                            "2",
                            "WID-200",
                            null,
                            new BigDecimal("120"),
                            "EA",
                            new BigDecimal("14.00"),
                            LocalDate.of(2026, 12, 12))));

    static final OrderChanged CHANGE = new OrderChanged(
            "4500012345",
            LocalDate.of(2026, 11, 19),
            LocalDate.of(2026, 11, 22),
            List.of(
                    new OrderChanged.Line(
                            "2",
                            OrderChanged.Change.CHANGED,
                            "WID-200",
                            "AC-W200",
                            new BigDecimal("120"),
                            "EA",
                            new BigDecimal("14.00"),
                            LocalDate.of(2026, 12, 30)),
                    new OrderChanged.Line(
                            "3", OrderChanged.Change.CANCELLED, "BRK-310", null, BigDecimal.ZERO, "EA", null, null)),
            "Accepted your new date for line 2; line 3 cancelled");

    static final LoadTendered TENDER = new LoadTendered(
            "SH-1001",
            "SWFT",
            false,
            "BOL-884120",
            List.of("4500012345"),
            LocalDate.of(2026, 12, 5),
            "Acme Industrial Supply, Dayton OH",
            LocalDate.of(2026, 12, 9),
            "Seamline DC, Memphis TN");

    static final ApplicationAdvised ADVICE = new ApplicationAdvised(
            "ADV-77",
            LocalDate.of(2026, 11, 22),
            ApplicationAdvised.Outcome.REJECTED,
            "PO",
            "4500012345",
            "855",
            "0001",
            List.of(new ApplicationAdvised.Error(
                    "PRC", "Line 3: the unit price 90.00 differs from the order's 87.25")));

    static final BookingRequested BOOKING = new BookingRequested(
            "SH-OC-1",
            "OCLN",
            null,
            List.of("4500012345"),
            "CNSHA",
            "DEHAM",
            LocalDate.of(2026, 12, 1),
            LocalDate.of(2027, 1, 4));

    static final ReceiptAdvised RECEIPT = new ReceiptAdvised(
            "GR-1001",
            "4500012345",
            LocalDate.of(2026, 12, 10),
            "SH-1001",
            List.of(
                    new ReceiptAdvised.Line(
                            "1", "WID-100", "AC-W100", "EA", new BigDecimal("480"), new BigDecimal("20"), "damaged"),
                    new ReceiptAdvised.Line("2", "WID-200", null, "EA", new BigDecimal("120"), BigDecimal.ZERO, null)));

    static final RemittanceAdvised REMITTANCE = new RemittanceAdvised(
            "PAY-2026-0042",
            LocalDate.of(2026, 12, 20),
            "USD",
            new BigDecimal("2880.00"),
            List.of(new RemittanceAdvised.Invoice(
                    "INV-8812",
                    new BigDecimal("2880.00"),
                    List.of(new RemittanceAdvised.Adjustment(
                            new BigDecimal("50.00"), "CS", "20 damaged on receipt GR-1001")))));

    static final DeductionRaised DEDUCTION = new DeductionRaised(
            "DED-1A2B3C4D",
            LocalDate.of(2026, 12, 12),
            "USD",
            new BigDecimal("50.00"),
            "SHORT",
            "20 of line 1 rejected on receipt GR-1001: damaged",
            "PO",
            "4500012345",
            "evidence GR-1001");

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("300.x12", BOOKING, Standard.X12, "004010"),
                Arguments.of("861.x12", RECEIPT, Standard.X12, "004010"),
                Arguments.of("820.x12", REMITTANCE, Standard.X12, "004010"),
                Arguments.of("812.x12", DEDUCTION, Standard.X12, "004010"),
                Arguments.of("IFTMIN.edifact", BOOKING, Standard.EDIFACT, "D:96A"),
                Arguments.of("RECADV.edifact", RECEIPT, Standard.EDIFACT, "D:96A"),
                Arguments.of("REMADV.edifact", REMITTANCE, Standard.EDIFACT, "D:96A"),
                Arguments.of("INVOIC-383.edifact", DEDUCTION, Standard.EDIFACT, "D:96A"),
                Arguments.of("850.x12", ORDER, Standard.X12, "004010"),
                Arguments.of("860.x12", CHANGE, Standard.X12, "004010"),
                Arguments.of("204.x12", TENDER, Standard.X12, "004010"),
                Arguments.of("824.x12", ADVICE, Standard.X12, "005010"),
                Arguments.of("ORDERS.edifact", ORDER, Standard.EDIFACT, "D:96A"),
                Arguments.of("ORDCHG.edifact", CHANGE, Standard.EDIFACT, "D:96A"),
                Arguments.of("APERAK.edifact", ADVICE, Standard.EDIFACT, "D:96A"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void rendersAndReadsBackWithoutAFault(String name, OutboundDocument document, Standard standard, String version)
            throws IOException {
        var numbers = new AtomicLong(40);
        OutboundEdi rendered = OutboundRenderer.render(
                document,
                standard,
                standard == Standard.X12 ? X12_PARTIES : EDIFACT_PARTIES,
                version,
                kind -> numbers.incrementAndGet(),
                Recording.NOW);

        Path expected = Path.of("src/test/resources/outbound", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.write(expected, rendered.content());
        }
        assertThat(rendered.text()).isEqualTo(Files.readString(expected));

        var readBack = Recording.read(rendered.content());
        assertThat(readBack.unreadable).isEmpty();
        assertThat(readBack.interchanges).singleElement().satisfies(i -> assertThat(i.defects())
                .isEmpty());
        assertThat(readBack.only().defects()).isEmpty();
        assertThat(readBack.only().controlNumber())
                .isEqualTo(rendered.setControlNumbers().get(0));
        if (document instanceof DeductionRaised && standard == Standard.EDIFACT) {
            // our debit note reads back as what it is: a debit of its amount
            var debit = (InvoiceReceived) readBack.only().events().get(0);
            assertThat(debit.purpose()).isEqualTo(InvoiceReceived.Purpose.DEBIT);
            assertThat(debit.invoiceNumber()).isEqualTo("DED-1A2B3C4D");
            assertThat(debit.total()).isEqualByComparingTo("50.00");
        } else if (document instanceof ApplicationAdvised) {
            var said = (ApplicationAckReceived) readBack.only().events().get(0);
            assertThat(said.documentRef()).isEqualTo("4500012345");
            assertThat(said.status()).isEqualTo(ApplicationAckReceived.Status.REJECTED);
        } else {
            assertThat(readBack.only().status()).isEqualTo(SetStatus.UNSUPPORTED);
        }
    }

    @Test
    void refusesLoadTendersForEdifactPartners() {
        assertThatThrownBy(() -> OutboundRenderer.render(
                        TENDER, Standard.EDIFACT, EDIFACT_PARTIES, "D:96A", kind -> 1, Recording.NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IFTMIN");
    }
}
