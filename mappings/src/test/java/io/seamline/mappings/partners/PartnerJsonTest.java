package io.seamline.mappings.partners;

import static io.seamline.mappings.Documents.bytes;
import static io.seamline.mappings.Documents.problems;
import static io.seamline.mappings.Documents.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.mappings.FieldProblem;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.PartnerIdentifier;
import io.seamline.model.partner.PartnerRole;
import org.junit.jupiter.api.Test;

class PartnerJsonTest {

    private static final String ACME =
            """
            {"id": "acme-supply", "name": "Acme Supply Co.", "role": "SUPPLIER",
             "identifiers": [{"scheme": "X12", "qualifier": "ZZ", "value": "ACMESUPPLY"},
                             {"scheme": "DUNS", "value": "123456789"},
                             {"scheme": "EMAIL_DOMAIN", "value": "Acme.example"}],
             "channels": [{"kind": "SFTP", "address": "sftp://edi.acme.example/inbound",
                           "settings": {"standard": "X12", "version": "004010"}},
                          {"kind": "EMAIL", "address": "orders@acme.example"}],
             "sla": {"ack.997.hours": 24}, "policy": {"commitment.maxSlipDays": 3, "price.changes": false}}
            """;

    @Test
    void readsAFullProfile() {
        var partner = valid(PartnerJson.read(bytes(ACME)));

        assertThat(partner.role()).isEqualTo(PartnerRole.SUPPLIER);
        assertThat(partner.identifiers()).contains(PartnerIdentifier.x12("ZZ", "ACMESUPPLY"));
        assertThat(partner.channel(ChannelKind.SFTP).orElseThrow().setting("version", ""))
                .isEqualTo("004010");
        assertThat(partner.policy())
                .containsEntry("commitment.maxSlipDays", "3")
                .containsEntry("price.changes", "false");
        assertThat(partner.sla()).containsEntry("ack.997.hours", "24");
    }

    @Test
    void namesMalformedIdentifiersAndChannels() {
        String json =
                """
                {"id": "Acme Supply", "name": "", "role": "SUPPLIER",
                 "identifiers": [{"scheme": "X12", "value": "ACME"}, {"scheme": "GLN", "value": "12"}],
                 "channels": [{"kind": "WEBHOOK", "address": "ftp://x"}]}
                """;

        assertThat(problems(PartnerJson.read(bytes(json))))
                .extracting(FieldProblem::location)
                .containsExactly(
                        "id", "name", "identifiers[0].qualifier", "identifiers[1].value", "channels[0].address");
    }

    @Test
    void listsTheRolesWhenTheRoleIsUnknown() {
        assertThat(problems(PartnerJson.read(bytes(ACME.replace("SUPPLIER", "VENDOR")))))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.location()).isEqualTo("role");
                    assertThat(p.message()).contains("[SUPPLIER, CARRIER, FORWARDER, BROKER]");
                });
    }
}
