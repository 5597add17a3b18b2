package io.seamline.routes.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seamline.adapters.persistence.Partners;
import io.seamline.adapters.persistence.PurchaseOrders;
import io.seamline.adapters.persistence.Timelines;
import io.seamline.coordination.lookup.Lookup;
import io.seamline.model.Subject;
import io.seamline.model.Window;
import io.seamline.model.message.Direction;
import io.seamline.model.message.MessageQuery;
import io.seamline.model.message.MessageStatus;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.partner.PartnerRole;
import io.seamline.model.partner.PartnerScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ErpFileRouteIT {

    private static final String HEADER =
            "poNumber,partnerId,currency,orderDate,lineNumber,itemId,partnerItemId,quantity,unit,unitPrice,needByDate\n";

    @Value("${seamline.erp.inbox}")
    Path inbox;

    @Autowired
    Partners partners;

    @Autowired
    PurchaseOrders purchaseOrders;

    @Autowired
    Timelines timelines;

    @Autowired
    Lookup lookup;

    private String supplier;
    private String number;

    @BeforeEach
    void supplier() {
        supplier = "sup-" + UUID.randomUUID().toString().substring(0, 8);
        number = "PO" + UUID.randomUUID().toString().substring(0, 8);
        partners.add(new Partner(
                PartnerId.of(supplier), "S", PartnerRole.SUPPLIER, List.of(), List.of(), Map.of(), Map.of()));
    }

    private String csv() {
        return HEADER + number + "," + supplier + ",USD,2026-11-02,1,W-1,,10,EA,2.5,2026-12-01\n" + number + ","
                + supplier + ",USD,2026-11-02,2,W-2,,4,EA,7,2026-12-05\n";
    }

    private void drop(String name, String content) throws IOException {
        Path temp = Files.createTempFile(inbox.getParent(), "drop", ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, inbox.resolve(name));
    }

    private List<Path> filesIn(String folder, String contains) throws IOException {
        Path dir = inbox.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(contains))
                    .toList();
        }
    }

    @Test
    void importsADroppedCsvFileAndMovesItToDone() throws IOException {
        String name = number + ".csv";
        drop(name, csv());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> filesIn(".done", number).size() == 1);

        var po = purchaseOrders
                .find(PurchaseOrderNumber.of(number), PartnerScope.everyone())
                .orElseThrow();
        assertThat(po.lines()).hasSize(2);
        assertThat(Files.exists(inbox.resolve(name))).isFalse();
        var archived = lookup
                .messages(new MessageQuery(
                        PartnerScope.everyone(),
                        null,
                        MessageStatus.PROCESSED,
                        Direction.INBOUND,
                        null,
                        null,
                        null,
                        Window.first(100)))
                .items()
                .stream()
                .filter(m -> name.equals(m.fileName()))
                .toList();
        assertThat(archived).singleElement().satisfies(m -> assertThat(m.documentType())
                .isEqualTo("erp.purchase-orders"));
        assertThat(filesIn(".done", number).get(0).getFileName().toString())
                .isEqualTo(number + "." + archived.get(0).id() + ".csv");
    }

    @Test
    void importsTheSameContentOnlyOnce() throws IOException {
        drop(number + "-a.csv", csv());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> filesIn(".done", number + "-a").size() == 1);

        drop(number + "-b.csv", csv());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> filesIn(".done", number + "-b").size() == 1);

        assertThat(imports(Subject.purchaseOrder(number), false)).hasSize(1);
        var duplicates = lookup
                .messages(new MessageQuery(
                        PartnerScope.everyone(),
                        null,
                        MessageStatus.DUPLICATE,
                        null,
                        null,
                        null,
                        null,
                        Window.first(100)))
                .items()
                .stream()
                .filter(m -> (number + "-b.csv").equals(m.fileName()))
                .toList();
        assertThat(duplicates).singleElement().satisfies(m -> assertThat(m.statusReason())
                .startsWith("same content"));
    }

    @Test
    void movesABadFileToErrorWithASidecarThatSaysWhatAndWhere() throws IOException {
        String bad = HEADER + number + "," + supplier + ",USD,2026-11-02,1,W-1,,-3,EA,2.5,2026-12-01\n" + number
                + ",nobody-at-all,USD,2026-11-02,2,W-2,,4,EA,7,2026-12-05\n";
        drop(number + ".csv", bad);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> filesIn(".error", number).size() == 2);

        Path sidecar = filesIn(".error", number).stream()
                .filter(p -> p.toString().endsWith(".error.txt"))
                .findFirst()
                .orElseThrow();
        assertThat(Files.readString(sidecar))
                .contains("nothing was applied")
                .contains("row 2, column quantity: must be greater than 0, was -3")
                .contains("row 3, column partnerId: differs from row 2");
        assertThat(purchaseOrders.ownerOf(PurchaseOrderNumber.of(number))).isEmpty();
    }

    /** The IMPORT entries of a subject (a new PO is also sent to its supplier: a RESPONSE entry). */
    private java.util.List<io.seamline.model.timeline.TimelineEntry> imports(Subject subject, boolean partnerView) {
        return timelines.of(subject, partnerView).stream()
                .filter(e -> e.kind() == io.seamline.model.timeline.TimelineKind.IMPORT)
                .toList();
    }
}
