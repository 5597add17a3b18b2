package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The portal in a real browser (headless Chromium): a supplier slips one line inside its tolerance (applied at once,
 * the decision on the timeline) and another outside (a task for ops); ops approves the task and the supplier sees the
 * outcome; a carrier submits a freight invoice with its proof of delivery; a supplier cannot open another supplier's
 * PO by URL. Screenshots of the main pages land in {@code target/screenshots/}.
 */
class PortalBrowserIT extends PipelineGatewayIT {

    @Test
    void aSupplierSlipsLinesAndOpsApprovesWhatFellOutsideTheTolerance() {
        String po =
                "45009" + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000));
        LocalDate needBy = today().plusDays(20);
        importTwoLineOrder(po, needBy);

        try (Browser supplier = Browser.open(port)) {
            supplier.signIn("acme", "acme");
            supplier.go("/portal/orders?q=" + po);
            assertThat(supplier.find(By.cssSelector("tbody[data-po='" + po + "']"))
                            .getText())
                    .contains("WID-100", "GSK-050");
            supplier.screenshot("supplier-purchase-orders");

            supplier.go("/portal/orders/" + po);
            // line 1: one day later, inside Acme's two days
            changeLine(supplier, "1", needBy.plusDays(1), "CAPACITY");
            WebElement applied = decided(supplier);
            assertThat(applied.getText()).contains("line 1", "applied");
            supplier.screenshot("supplier-change-applied");

            // line 2: ten days later, outside them
            supplier.go("/portal/orders/" + po);
            changeLine(supplier, "2", needBy.plusDays(10), "MATERIAL_SHORTAGE");
            assertThat(decided(supplier).getText()).contains("line 2", "sent to our team for review");

            supplier.go("/portal/orders/" + po);
            assertThat(lineCell(supplier, "1", 5)).isEqualTo(needBy.plusDays(1).toString());
            assertThat(lineCell(supplier, "2", 5)).isEmpty();
            assertThat(supplier.find(By.cssSelector("ol.timeline")).getText())
                    .contains("Changes inside the agreed tolerances accepted")
                    .doesNotContain("commitment.date-slip");
            supplier.signOut();
        }

        try (Browser ops = Browser.open(port)) {
            ops.signIn("ops", "ops");
            // the ops PO page shows the automatic decision with its rule, inputs and rationale
            ops.go("/portal/orders/" + po);
            String timeline = ops.find(By.cssSelector("ol.timeline")).getText();
            assertThat(timeline).contains("DECISION", "commitment.date-slip", "APPLY", "TASK");
            ops.screenshot("ops-purchase-order-timeline");

            ops.go("/portal/ops/tasks?kind=COMMITMENT_CHANGE&partnerId=acme-supply");
            ops.screenshot("ops-task-queue");
            ops.find(By.xpath("//a[contains(., 'PO " + po + " line 2')]")).click();
            ops.find(By.id("comment")).sendKeys("Agreed with the buyer on the phone");
            ops.screenshot("ops-task");
            ops.find(By.cssSelector("button[value=APPROVE]")).click();
            assertThat(ops.find(By.cssSelector("p.notice.ok")).getText()).contains("Approved");
            assertThat(ops.text()).contains("APPROVE by ops: Agreed with the buyer on the phone");

            ops.go("/portal/ops/sla");
            ops.find(By.cssSelector("svg.chart"));
            ops.screenshot("ops-sla-dashboard");
            ops.go("/portal/ops/partners/acme-supply");
            ops.find(By.cssSelector("table.scorecard"));
            ops.screenshot("ops-partner");
        }

        try (Browser supplier = Browser.open(port)) {
            supplier.signIn("acme", "acme");
            supplier.go("/portal/orders/" + po);
            assertThat(lineCell(supplier, "2", 5)).isEqualTo(needBy.plusDays(10).toString());
            assertThat(supplier.find(By.cssSelector("ol.timeline")).getText()).contains("accepted by ops");
            supplier.screenshot("supplier-sees-the-outcome");
            supplier.go("/portal/messages");
            supplier.find(By.cssSelector("tr[data-message]"));
            supplier.screenshot("supplier-messages");
        }
    }

    @Test
    void aCarrierSubmitsAFreightInvoiceWithItsProofOfDelivery() throws Exception {
        String shipment = "SH-B" + Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000);
        var planned = post(
                "/api/v1/erp/shipments",
                "erp:erp",
                """
                {"shipmentId": "%s", "carrierId": "swift-freight", "references": {"pro": "PRO-%s"},
                 "poNumbers": ["4500012345"], "plannedDelivery": "%s",
                 "expectedFreight": {"amount": 900.00, "currency": "USD"}}
                """
                        .formatted(shipment, shipment, today().plusDays(5)));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
        Path pod = Files.createTempFile("pod-" + shipment, ".pdf");
        Files.writeString(pod, "%PDF-1.4\n% signed delivery receipt\n%%EOF\n");

        try (Browser carrier = Browser.open(port)) {
            carrier.signIn("swift", "swift");
            carrier.go("/portal/shipments");
            assertThat(carrier.find(By.cssSelector("tr[data-shipment='" + shipment + "']"))
                            .getText())
                    .contains(shipment);
            carrier.screenshot("carrier-shipments");
            carrier.go("/portal/shipments/" + shipment);
            assertThat(carrier.text()).doesNotContain("900");

            // picked up, with an ETA a day later than planned
            new Select(carrier.find(By.id("status"))).selectByValue("PICKED_UP");
            ((org.openqa.selenium.JavascriptExecutor) carrier.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1]",
                            carrier.find(By.id("estimatedDelivery")),
                            today().plusDays(6) + "T10:00");
            carrier.find(By.xpath("//button[.='Post status']")).click();
            assertThat(decided(carrier).getText()).contains("Status PICKED_UP for shipment " + shipment, "recorded");
            carrier.go("/portal/shipments/" + shipment);
            assertThat(carrier.find(By.cssSelector("h1 .status")).getText()).isEqualTo("PICKED_UP");

            carrier.find(By.id("invoiceNumber")).sendKeys("FI-" + shipment);
            new Select(carrier.find(By.id("code-1"))).selectByValue("FREIGHT");
            carrier.find(By.id("amount-1")).sendKeys("900.00");
            carrier.find(By.id("pod")).sendKeys(pod.toAbsolutePath().toString());
            carrier.find(By.xpath("//button[.='Submit freight invoice']")).click();
            String outcome = decided(carrier).getText();
            assertThat(outcome).contains("POD " + pod.getFileName(), "filed on shipment " + shipment);
            assertThat(outcome).contains("Invoice FI-" + shipment, "accepted");
            carrier.screenshot("carrier-freight-invoice");
        }

        // the proof of delivery is on the shipment's record, where the freight audit found it
        assertThat(json(get("/api/v1/shipments/" + shipment + "/timeline", OPS)).toString())
                .contains("POD", pod.getFileName().toString());
        try (Browser ops = Browser.open(port)) {
            ops.signIn("ops", "ops");
            ops.go("/portal/messages?shipment=" + shipment);
            // the carrier's submission, beside the tender we sent it
            ops.find(By.xpath("//tr[@data-message][td[.='PORTAL']]//a")).click();
            assertThat(ops.find(By.cssSelector("pre[data-raw]")).getText()).contains("FI-" + shipment);
            ops.find(By.cssSelector("pre[data-canonical]"));
            assertThat(ops.text()).contains("io.seamline.document.received.v1", "io.seamline.invoice.received.v1");
            ops.screenshot("ops-message-raw-and-canonical");
        }
    }

    @Test
    void opsDecidesSafeTasksInBulkAndMoneyOneByOne() {
        var slips = new java.util.ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            String po = "45008"
                    + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000));
            importTwoLineOrder(po, today().plusDays(20));
            var sent = post(
                    "/api/v1/purchase-orders/" + po + "/commitments",
                    "acme:acme",
                    "{\"lines\": [{\"lineNumber\": \"1\", \"promisedDate\": \"%s\"}]}".formatted(today().plusDays(35)));
            awaitEnd(json(sent).path("messageId").asText());
            slips.add(openTask("COMMITMENT_CHANGE", po));
        }
        String po =
                "45007" + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000));
        importTwoLineOrder(po, today().plusDays(20));
        var invoiced = post(
                "/api/v1/invoices",
                "acme:acme",
                """
                {"invoiceNumber": "INV-%s", "kind": "GOODS", "invoiceDate": "%s", "currency": "USD", "total": 9900,
                 "poNumbers": ["%s"], "lines": [{"lineNumber": "1", "poNumber": "%s", "poLine": "1",
                 "quantity": 100, "unitPrice": 99.00, "amount": 9900}]}
                """
                        .formatted(po, today(), po, po));
        awaitEnd(json(invoiced).path("messageId").asText());
        String money = openTask("INVOICE_EXCEPTION", po);

        try (Browser ops = Browser.open(port)) {
            ops.signIn("ops", "ops");
            ops.go("/portal/ops/tasks?partnerId=acme-supply");
            assertThat(ops.driver().findElements(By.cssSelector("tr[data-task='" + money + "'] input[name=task]")))
                    .as("an invoice exception is decided one by one")
                    .isEmpty();
            for (String id : slips) {
                ops.find(By.cssSelector("tr[data-task='" + id + "'] input[name=task]"))
                        .click();
            }
            ops.find(By.id("bulk-comment")).sendKeys("Dates agreed in the weekly call");
            ops.find(By.xpath("//button[.='Approve selected']")).click();
            assertThat(ops.find(By.cssSelector("p.notice.ok")).getText()).contains("2 task(s) approved");

            // a new task shows in the header without reloading the page
            long before = openTaskCount(ops);
            var sent = post(
                    "/api/v1/purchase-orders/" + po + "/commitments",
                    "acme:acme",
                    "{\"lines\": [{\"lineNumber\": \"2\", \"promisedDate\": \"%s\"}]}".formatted(today().plusDays(60)));
            awaitEnd(json(sent).path("messageId").asText());
            ops.until(d -> openTaskCount(ops) == before + 1);
        }
        for (String id : slips) {
            assertThat(json(get("/api/v1/tasks/" + id, OPS)).path("status").asText())
                    .isEqualTo("DECIDED");
        }
        assertThat(json(get("/api/v1/tasks/" + money, OPS)).path("status").asText())
                .isEqualTo("OPEN");
    }

    private static long openTaskCount(Browser browser) {
        return Long.parseLong(browser.find(By.cssSelector("[data-live=tasks] .badge"))
                .getText()
                .strip());
    }

    @Test
    void aCustomsBrokerPostsAHoldAndTheDocumentsCustomsWants() {
        String entry = "ENT-" + Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000);
        try (Browser broker = Browser.open(port)) {
            broker.signIn("clearpath", "clearpath");
            assertThat(broker.driver().getCurrentUrl()).endsWith("/portal/customs");
            broker.find(By.id("entryNumber")).sendKeys(entry);
            broker.find(By.id("shipmentId")).sendKeys("SH-1002");
            new Select(broker.find(By.id("status"))).selectByValue("HOLD");
            broker.find(By.id("reason")).sendKeys("Documents missing");
            broker.find(By.id("documentsRequested")).sendKeys("Commercial invoice\nCertificate of origin");
            broker.find(By.xpath("//button[.='Post status']")).click();
            assertThat(decided(broker).getText()).contains("Customs entry " + entry + ": HOLD");
            broker.screenshot("broker-customs-hold");
        }
        var holds = json(get("/api/v1/tasks?status=OPEN&kind=CUSTOMS_HOLD&partnerId=clearpath-customs", OPS))
                .path("items")
                .toString();
        assertThat(holds).contains(entry, "Certificate of origin");
    }

    /** The id of the open task of a kind about a PO. */
    private String openTask(String kind, String po) {
        var tasks = json(get("/api/v1/tasks?status=OPEN&kind=" + kind + "&subject=po/" + po, OPS))
                .path("items");
        assertThat(tasks.size()).as(kind + " for " + po).isEqualTo(1);
        return tasks.get(0).path("id").asText();
    }

    @Test
    void aSupplierCannotOpenAnotherSuppliersPurchaseOrderByUrl() {
        try (Browser supplier = Browser.open(port)) {
            supplier.signIn("acme", "acme");
            supplier.go("/portal/orders/4500012347");
            assertThat(supplier.find(By.tagName("h1")).getText()).isEqualTo("Not found");
            assertThat(supplier.text()).doesNotContain("BRG-6204", "Nordic");
            supplier.go("/portal/ops/tasks");
            assertThat(supplier.find(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        }
        // the same answer as for a PO that does not exist, status and all
        assertThat(portalStatus("/portal/orders/4500012347", "acme:acme")).isEqualTo(404);
        assertThat(portalStatus("/portal/orders/4599999999", "acme:acme")).isEqualTo(404);
        assertThat(portalStatus("/portal/shipments/SH-1002", "acme:acme")).isEqualTo(404);
        assertThat(portalStatus("/portal/orders/4500012347", "nordic:nordic")).isEqualTo(200);
    }

    private int portalStatus(String path, String user) {
        return new GatewayClient(port).call("GET", path, user, null, null).statusCode();
    }

    private void importTwoLineOrder(String po, LocalDate needBy) {
        var response = post(
                "/api/v1/erp/purchase-orders",
                "erp:erp",
                """
                {"poNumber": "%s", "partnerId": "acme-supply", "currency": "USD", "orderDate": "%s",
                 "lines": [
                   {"lineNumber": "1", "itemId": "WID-100", "partnerItemId": "AC-W100", "quantity": 100, "unit": "EA",
                    "unitPrice": 2.50, "needByDate": "%s"},
                   {"lineNumber": "2", "itemId": "GSK-050", "partnerItemId": "AC-G050", "quantity": 400, "unit": "EA",
                    "unitPrice": 0.18, "needByDate": "%s"}]}
                """
                        .formatted(po, today(), needBy, needBy));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Opens a line's change form, sets the promised date and a reason, and sends it. */
    private static void changeLine(Browser browser, String line, LocalDate date, String reason) {
        browser.find(By.cssSelector("tr[data-line='" + line + "'] summary")).click();
        WebElement dateField = browser.find(By.id("date-" + line));
        // a date input takes the date as the locale shows it; set it directly and let the form send it
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1]", dateField, date.toString());
        new Select(browser.find(By.id("reason-" + line))).selectByValue(reason);
        browser.find(By.xpath("//button[.='Send change for line " + line + "']"))
                .click();
    }

    /** Waits until the answer on the page says what the gateway decided. */
    private static WebElement decided(Browser browser) {
        return browser.until(d -> d.findElement(By.cssSelector("[data-outcome=decided]")));
    }

    private static String lineCell(Browser browser, String line, int column) {
        return browser.find(By.cssSelector("tr[data-line='" + line + "'] td:nth-child(" + (column + 1) + ")"))
                .getText()
                .strip();
    }
}
