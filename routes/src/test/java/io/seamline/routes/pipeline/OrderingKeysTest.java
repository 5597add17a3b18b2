package io.seamline.routes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.adapters.edi.PartnerMappings;
import io.seamline.mappings.edi.EdiEngine;
import io.seamline.model.partner.PartnerId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OrderingKeysTest {

    private static final PartnerId ACME = PartnerId.of("acme-supply");

    private final OrderingKeys keys = new OrderingKeys(EdiEngine.withDefaults(), PartnerMappings.load(null));

    private static byte[] interchange(String functionalId, String... sets) {
        var body = new StringBuilder(
                "ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*SEAMLINEBUYER  *261120*0930*U*00401*000000912*0*P*>~"
                        + "GS*" + functionalId + "*ACMESUPPLY*SEAMLINEBUYER*20261120*0930*912*X*004010~");
        for (int i = 0; i < sets.length; i++) {
            String control = String.format("%04d", i + 1);
            String[] segments = sets[i].split("~");
            body.append("ST*").append(segments[0]).append("*").append(control).append("~");
            for (int s = 1; s < segments.length; s++) {
                body.append(segments[s]).append("~");
            }
            body.append("SE*")
                    .append(segments.length + 1)
                    .append("*")
                    .append(control)
                    .append("~");
        }
        body.append("GE*").append(sets.length).append("*912~IEA*1*000000912~");
        return body.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String acknowledgement(String po) {
        return "855~BAK*00*AT*" + po + "*20261120~PO1*1*500*EA*2.50**BP*WID-100";
    }

    private static String shipNotice(String... pos) {
        var notice = new StringBuilder("856~BSN*00*ASN-77001*20261205*1400*0001~HL*1**S~DTM*011*20261205");
        int hl = 2;
        for (String po : pos) {
            int order = hl++;
            notice.append("~HL*").append(order).append("*1*O~PRF*").append(po);
            notice.append("~HL*").append(hl++).append("*").append(order).append("*I~LIN*1*BP*WID-100~SN1**300*EA");
        }
        return notice.toString();
    }

    @Test
    void aMessageAboutOnePurchaseOrderGoesUnderThatOrder() {
        assertThat(keys.subject(interchange("PR", acknowledgement("4500012345")), ACME))
                .hasValue("po/4500012345");
        assertThat(keys.subject(interchange("SH", shipNotice("4500012345")), ACME))
                .hasValue("po/4500012345");
        assertThat(keys.subject(interchange("PR", acknowledgement("4500012345"), acknowledgement("4500012345")), ACME))
                .hasValue("po/4500012345");
    }

    @Test
    void aMessageAboutSeveralOrdersOrNoneHasNoSubjectAndGoesUnderItsSender() {
        assertThat(keys.subject(interchange("SH", shipNotice("4500012345", "4500012346")), ACME))
                .isEmpty();
        assertThat(keys.subject(interchange("PR", acknowledgement("4500012345"), acknowledgement("4500012346")), ACME))
                .isEmpty();
        assertThat(keys.subject("not EDI at all".getBytes(StandardCharsets.US_ASCII), ACME))
                .isEmpty();
    }

    @Test
    void aBigInterchangeIsNotReadAgainAndHasNoSubject() {
        var sets = new String[5000];
        java.util.Arrays.fill(sets, acknowledgement("4500012345"));
        byte[] big = interchange("PR", sets);
        assertThat(big.length).isGreaterThan(OrderingKeys.MAX_BYTES);

        assertThat(keys.subject(big, ACME)).isEmpty();
    }
}
