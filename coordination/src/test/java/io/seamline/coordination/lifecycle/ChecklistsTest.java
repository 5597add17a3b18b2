package io.seamline.coordination.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.coordination.testing.Documents;
import io.seamline.model.message.Direction;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a partner must show before a document type goes LIVE, and which types its channels carry. */
class ChecklistsTest {

    private final Checklists checklists = new Checklists();

    private static Partner with(PartnerRole role, ChannelProfile... channels) {
        Partner base = Documents.partner("nova-parts", role, Map.of());
        return new Partner(base.id(), base.name(), role, base.identifiers(), List.of(channels), Map.of(), Map.of());
    }

    private static ChannelProfile channel(ChannelKind kind, String standard) {
        return new ChannelProfile(
                kind, "https://edi.nova.example/in", standard == null ? Map.of() : Map.of("standard", standard));
    }

    @Test
    void anX12SupplierTestsItsAcknowledgementsNoticesInvoicesOurOrdersAndItsEnvelope() {
        Partner supplier = with(PartnerRole.SUPPLIER, channel(ChannelKind.AS2, null));

        assertThat(Checklists.kindsOf(supplier))
                .containsExactly(
                        new Checklists.Kind(Direction.INBOUND, "855"),
                        new Checklists.Kind(Direction.INBOUND, "856"),
                        new Checklists.Kind(Direction.INBOUND, "810"),
                        new Checklists.Kind(Direction.OUTBOUND, "850"),
                        new Checklists.Kind(Direction.INBOUND, "envelope:X12"));
    }

    @Test
    void anEdifactCarrierWithAPortalTestsItsStatusesInvoicesAndApiDocuments() {
        Partner carrier =
                with(PartnerRole.CARRIER, channel(ChannelKind.HTTP, "EDIFACT"), channel(ChannelKind.PORTAL, null));

        assertThat(Checklists.kindsOf(carrier))
                .contains(
                        new Checklists.Kind(Direction.INBOUND, "IFTSTA"),
                        new Checklists.Kind(Direction.INBOUND, "envelope:EDIFACT"),
                        new Checklists.Kind(Direction.INBOUND, "shipment.status"))
                .doesNotContain(new Checklists.Kind(Direction.INBOUND, "855"));
    }

    @Test
    void aFreightInvoiceIsGradedByToleranceAndAGoodsInvoiceByThePo() {
        Partner carrier = with(PartnerRole.CARRIER);
        Partner supplier = with(PartnerRole.SUPPLIER);

        assertThat(checklists.of(carrier, Map.of(), Direction.INBOUND, "INVOIC"))
                .containsExactly("inside-tolerance", "outside-tolerance");
        assertThat(checklists.of(supplier, Map.of(), Direction.INBOUND, "INVOIC"))
                .containsExactly("matches-po", "price-difference");
    }

    @Test
    void aPartnersOwnChecklistReplacesTheDefaultForThatTypeOnly() {
        Partner carrier = with(PartnerRole.CARRIER);
        var own = Map.of("214", List.of("status:PICKED_UP", "status:DELIVERED"), "outbound:204", List.of("processed"));

        assertThat(checklists.of(carrier, own, Direction.INBOUND, "214"))
                .containsExactly("status:PICKED_UP", "status:DELIVERED");
        assertThat(checklists.of(carrier, own, Direction.OUTBOUND, "204")).containsExactly("processed");
        assertThat(checklists.of(carrier, own, Direction.INBOUND, "210"))
                .containsExactly("inside-tolerance", "outside-tolerance");
    }

    @Test
    void aTypeWithoutAChecklistAsksForOneTestDocumentProcessed() {
        assertThat(checklists.of(with(PartnerRole.BROKER), Map.of(), Direction.INBOUND, "email"))
                .containsExactly(Checklists.PROCESSED);
    }

    @Test
    void theEnvelopeChecklistHoldsForEveryStandard() {
        assertThat(checklists.of(with(PartnerRole.SUPPLIER), Map.of(), Direction.INBOUND, "envelope:EDIFACT"))
                .containsExactly("sender-and-receiver", "control-numbers-increase");
    }
}
