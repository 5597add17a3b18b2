package io.seamline.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.coordination.erp.ErpImport;
import io.seamline.coordination.erp.ImportResult;
import io.seamline.coordination.partners.PartnerDirectory;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.erp.ErpBatch;
import io.seamline.mappings.erp.ErpJson;
import io.seamline.mappings.json.Json;
import io.seamline.mappings.partners.PartnerJson;
import io.seamline.model.partner.PartnerId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start of the demo profile (no partners yet), onboards six demo partners, imports their open POs and
 * planned shipments. Dates in the files are relative ({@code {{today+20}}}), so the demo never looks stale.
 */
@Component
@Profile("demo")
@Order(0)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Pattern RELATIVE_DATE = Pattern.compile("\\{\\{today([+-]\\d+)?}}");

    private final PartnerDirectory partners;
    private final ErpImport erpImport;
    private final Clock clock;

    DemoData(PartnerDirectory partners, ErpImport erpImport, Clock clock) {
        this.partners = partners;
        this.erpImport = erpImport;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (partners.exists(PartnerId.of("acme-supply"))) {
            return;
        }
        for (JsonNode node : read("demo/partners.json")) {
            var profile = valid(PartnerJson.readProfile(node.toString().getBytes(StandardCharsets.UTF_8)));
            partners.onboard(profile.partner(), profile.lifecycle(), "demo");
        }
        importBatch(ErpJson.purchaseOrders(bytes("demo/purchase-orders.json")).map(ErpBatch::ofPurchaseOrders));
        importBatch(ErpJson.shipments(bytes("demo/shipments.json")).map(ErpBatch::ofShipments));
        log.info("Demo data loaded: 6 partners, 6 open purchase orders, 2 planned shipments");
    }

    private void importBatch(Parsed<ErpBatch> batch) {
        ImportResult result = erpImport.apply(valid(batch), "demo", null);
        if (result instanceof ImportResult.Rejected rejected) {
            throw new IllegalStateException("demo data does not import: " + rejected.problems());
        }
    }

    private static <T> T valid(Parsed<T> parsed) {
        if (parsed instanceof Parsed.Invalid<T> invalid) {
            throw new IllegalStateException("demo data is invalid: " + invalid.problems());
        }
        return ((Parsed.Valid<T>) parsed).value();
    }

    private JsonNode read(String resource) {
        try {
            return Json.mapper().readTree(bytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] bytes(String resource) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            LocalDate today = LocalDate.now(clock);
            Matcher m = RELATIVE_DATE.matcher(text);
            var out = new StringBuilder();
            while (m.find()) {
                long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
                m.appendReplacement(out, today.plusDays(days).toString());
            }
            m.appendTail(out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
