package io.seamline.portal.api;

import io.seamline.model.partner.Partner;
import io.seamline.portal.api.Views.MessageView;
import io.seamline.portal.api.Views.PurchaseOrderView;
import io.seamline.portal.api.Views.ShipmentView;
import java.util.List;
import java.util.function.Function;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.ResponseMessageDefinition;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.apache.camel.model.rest.VerbDefinition;
import org.springframework.stereotype.Component;

/**
 * The API v1 as REST DSL: each operation goes to a {@code direct:} route that hands the request to its handler.
 * Authorization by role is in the security configuration; partner scoping in the services the handlers call.
 */
@Component
class ApiRoutes extends RouteBuilder {

    private static final String JSON = "application/json";

    private final ApiDispatch dispatch;
    private final PartnersApi partners;
    private final ErpApi erp;
    private final ReadsApi reads;
    private final InboundApi inbound;
    private final WorkApi work;
    private final SlaApi sla;
    private final WebhooksApi webhooks;
    private final CertificatesApi certificates;
    private final CertificationApi certification;
    private final AuditApi audit;
    private final ReplaysApi replays;
    private final AdminApi admin;
    private final BulkApi bulk;
    private final ConfigurationApi configuration;
    private final MappingsApi mappings;
    private final MoneyApi money;

    public ApiRoutes(
            ApiDispatch dispatch,
            PartnersApi partners,
            ErpApi erp,
            ReadsApi reads,
            InboundApi inbound,
            WorkApi work,
            SlaApi sla,
            WebhooksApi webhooks,
            CertificatesApi certificates,
            CertificationApi certification,
            AuditApi audit,
            ReplaysApi replays,
            AdminApi admin,
            BulkApi bulk,
            ConfigurationApi configuration,
            MappingsApi mappings,
            MoneyApi money) {
        this.mappings = mappings;
        this.money = money;
        this.configuration = configuration;
        this.audit = audit;
        this.replays = replays;
        this.admin = admin;
        this.bulk = bulk;
        this.certificates = certificates;
        this.certification = certification;
        this.dispatch = dispatch;
        this.partners = partners;
        this.erp = erp;
        this.reads = reads;
        this.inbound = inbound;
        this.work = work;
        this.sla = sla;
        this.webhooks = webhooks;
    }

    @Override
    public void configure() {
        restConfiguration()
                .component("platform-http")
                .contextPath("/api/v1")
                .bindingMode(RestBindingMode.off)
                // bodies are read as bytes, not through a Reader in the servlet's default charset: a Reader decodes
                // what is no UTF-8 (a Latin-1 interchange, a UTF-16 body) into replacement characters or fails with a
                // 500 (CAMEL-23320); the handlers decide what the bytes mean
                .endpointProperty("useStreaming", "true")
                .inlineRoutes(false)
                .useXForwardHeaders(true)
                .apiContextPath("/openapi.json")
                .apiProperty("api.title", "Seamline API")
                .apiProperty("api.version", "1")
                .apiProperty(
                        "api.description",
                        "Partners, ERP import, partner messages (EDI, commitments), purchase orders, shipments, timelines,"
                                + " tasks, SLA expectations, breaches, evidence and scorecards, the autonomy rate and the"
                                + " message archive. Errors are RFC"
                                + " 9457 problem details; partners see only their own objects.");

        rest("/audit")
                .description("The audit trail")
                .get()
                .description("Every change by a person or a system account, newest first (ADMIN): ?actor=, ?partnerId=,"
                        + " ?kind=, ?from=, ?to=, ?limit=, ?offset=; ?format=csv or ?format=json exports the whole"
                        + " selection (up to 100000 entries)")
                .produces(JSON + ",text/csv")
                .outType(AuditApi.AuditPage.class)
                .to(direct("audit.list"));

        rest("/configuration")
                .description("Configuration as code")
                .get()
                .description("Every partner's current configuration as one bundle, secrets masked (ADMIN)")
                .produces(JSON)
                .to(direct("configuration.export"))
                .post()
                .description("Import a bundle: ?dryRun=true shows what would change against what runs; else it is"
                        + " applied whole as one audited change, ?reason= required (ADMIN)")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("configuration.import"));

        rest("/admin")
                .description("The data lifecycle: retention, legal holds, erasure (ADMIN; every change audited)")
                .get("/retention")
                .description("The retention rules in force: each class, how long it is kept, partners' own rules")
                .produces(JSON)
                .to(direct("admin.retention"))
                .post("/retention/runs")
                .description("{\"dryRun\": true} says per class what a run would remove now; false removes it")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("admin.retention.run"))
                .get("/holds")
                .description("The legal holds in force")
                .produces(JSON)
                .to(direct("admin.holds"))
                .post("/holds")
                .description("Set a legal hold {subject: po/… | shipment/… | partner/… | message/…, reason}: retention"
                        + " removes nothing of it while it is in force")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("admin.holds.set"))
                .delete("/holds/{id}")
                .description("Lift a legal hold with a reason: ?reason= or a body {reason}")
                .produces(JSON)
                .to(direct("admin.holds.lift"))
                .post("/erasures")
                .description("Erase a person's data {email | name, reason, dryRun (default true)}: raw mails and"
                        + " attachments that carry it, contacts, templates' recipients, texts; facts stay")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("admin.erasures"));

        rest("/bulk")
                .description("Bulk operations by filter {partnerId, channel, documentType, status, from, to,"
                        + " controlNumbers}: dryRun (the default) says how many and which; false starts a job (ADMIN)")
                .post("/reprocess")
                .description("Run the inbound messages the filter selects through the flow again")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("bulk.reprocess"))
                .post("/resend")
                .description("Send the outbound documents the filter selects again, to the partner's address as it is"
                        + " now; newControlNumber: true gives each a new interchange control number")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("bulk.resend"))
                .post("/retry")
                .description("Try the failed deliveries of the messages the filter selects again, to the partner's"
                        + " address as it is now")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("bulk.retry"));

        rest("/ops/subscriptions")
                .description("Ops alerts: internal subscriptions to operational events (ADMIN, OPS)")
                .post()
                .description("Subscribe {url, eventTypes (ops.task.opened[:<kind>], ops.sla.breached,"
                        + " ops.certificate.expiring, ops.message.rejected, ops.message.quarantined,"
                        + " ops.retention.finished or *), format: seamline | slack}; signed and guarded like partner"
                        + " webhooks; 201 with the secret, shown once. DELETE /webhooks/{id} ends one")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("ops.subscribe"))
                .get()
                .description("The internal subscriptions and the event types")
                .produces(JSON)
                .to(direct("ops.subscriptions"));

        rest("/jobs")
                .description("Bulk jobs (ADMIN)")
                .get()
                .description("The latest jobs")
                .produces(JSON)
                .to(direct("jobs.list"))
                .get("/{id}")
                .description("A job: progress, counts, errors")
                .produces(JSON)
                .to(direct("jobs.get"))
                .post("/{id}/cancel")
                .description("Cancel a running job (it stops between items)")
                .produces(JSON)
                .to(direct("jobs.cancel"))
                .delete("/{id}")
                .description("Cancel a running job, as POST /jobs/{id}/cancel does (the job stays listed)")
                .produces(JSON)
                .to(direct("jobs.cancel"));

        rest("/replays")
                .description("What a draft configuration would have done to archived traffic")
                .post()
                .description("Replay a partner's (partnerId), every partner's (scope: defaults) or a category's"
                        + " (scope: category:<name>) archived inbound documents of [from, to) with a draft policy or"
                        + " SLA profile, through the recording side of the effects port (OPS, ADMIN)")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("replays.start"))
                .get()
                .description("The latest replays (OPS, ADMIN)")
                .produces(JSON)
                .to(direct("replays.list"))
                .get("/{id}")
                .description("A replay's progress and, once done, its report (OPS, ADMIN)")
                .produces(JSON)
                .to(direct("replays.get"))
                .post("/{id}/cancel")
                .description("Cancel a running replay (OPS, ADMIN)")
                .produces(JSON)
                .to(direct("replays.cancel"));

        rest("/partners")
                .description("Trading partners")
                .post()
                .description("Onboard a partner (ADMIN)")
                .consumes(JSON)
                .produces(JSON)
                .type(Partner.class)
                .outType(Partner.class)
                .to(direct("partners.onboard"))
                .get()
                .description("Partner profiles (a partner sees its own)")
                .produces(JSON)
                .outType(Pages.PartnerPage.class)
                .to(direct("partners.list"))
                .get("/{id}")
                .description("One partner's profile")
                .produces(JSON)
                .outType(Partner.class)
                .to(direct("partners.get"))
                .get("/{id}/mapping")
                .description("The partner's EDI mapping in force: published (its version), its file, or the standard"
                        + " (OPS, ADMIN)")
                .produces(JSON)
                .to(direct("partners.mapping"))
                .put("/{id}/mapping")
                .description("Publish a new version of the partner's EDI mapping, {\"reason\", \"mapping\"}: checked"
                        + " before it is accepted, in force on every node from the next message (ADMIN)")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("partners.mapping.publish"))
                .get("/{id}/mapping/versions")
                .description("The published versions of the partner's EDI mapping, newest first (OPS, ADMIN)")
                .produces(JSON)
                .to(direct("partners.mapping.versions"))
                .post("/{id}/mapping/versions/{version}/rollback")
                .description("Put an earlier mapping version back in force as a new one (0: the mapping file),"
                        + " {\"reason\"} (ADMIN)")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("partners.mapping.rollback"))
                .get("/{id}/template")
                .description("The partner's e-mail template in force: published (its version), its file, or the"
                        + " default (OPS, ADMIN)")
                .produces(JSON)
                .to(direct("partners.template"))
                .put("/{id}/template")
                .description("Publish a new version of the partner's e-mail template, {\"reason\", \"template\"}"
                        + " (ADMIN)")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("partners.template.publish"))
                .get("/{id}/template/versions")
                .description("The published versions of the partner's e-mail template (OPS, ADMIN)")
                .produces(JSON)
                .to(direct("partners.template.versions"))
                .post("/{id}/template/versions/{version}/rollback")
                .description("Put an earlier template version back in force as a new one (0: the file), {\"reason\"}"
                        + " (ADMIN)")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("partners.template.rollback"))
                .get("/{id}/versions")
                .description("The versions of a partner's configuration, newest first (OPS, ADMIN)")
                .produces(JSON)
                .to(direct("partners.versions"))
                .get("/{id}/versions/{version}")
                .description("One version of a partner's configuration, secrets masked (OPS, ADMIN)")
                .produces(JSON)
                .to(direct("partners.version"))
                .get("/{id}/versions/{version}/diff")
                .description("What changed from this version to ?to= (default: the current one), field by field (OPS,"
                        + " ADMIN)")
                .produces(JSON)
                .to(direct("partners.version.diff"))
                .post("/{id}/versions/{version}/rollback")
                .description("Run this version again, as a new version, {\"reason\"} required (ADMIN)")
                .consumes(JSON)
                .produces(JSON)
                .outType(Partner.class)
                .to(direct("partners.version.rollback"))
                .get("/{id}/certification")
                .description("A partner's certification board: per document type and direction its lifecycle state"
                        + " (ONBOARDING, TESTING, LIVE, SUSPENDED) and the scenarios its test documents passed (a"
                        + " partner sees its own)")
                .produces(JSON)
                .outType(CertificationApi.BoardView.class)
                .to(direct("partners.certification"))
                .post("/{id}/certification/{direction}/{documentType}/state")
                .description("Move a document type to another state, {\"state\", \"reason\", \"override\"} (OPS,"
                        + " ADMIN): LIVE needs its checklist complete, or override with the reason saying why")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("partners.certification.state"))
                .get("/{id}/certificates")
                .description("A partner's AS2 certificates in use (a partner sees its own)")
                .produces(JSON)
                .to(direct("partners.certificates"))
                .post("/{id}/certificates")
                .description(
                        "Add an AS2 certificate for a partner, PEM or {\"pem\": …} (ADMIN); accepted beside the old"
                                + " one during a rollover")
                .consumes(JSON + ",application/x-pem-file,text/plain")
                .produces(JSON)
                .to(direct("partners.certificates.add"))
                .delete("/{id}/certificates/{certificateId}")
                .description("Stop using one of a partner's AS2 certificates (ADMIN)")
                .produces(JSON)
                .to(direct("partners.certificates.remove"))
                .get("/{id}/scorecard")
                .description("A partner's scorecard from and to (default: the last 30 days); a partner sees its own")
                .produces(JSON)
                .to(direct("partners.scorecard"))
                .put("/{id}")
                .description("Replace a partner's profile: identifiers, channels, SLA and policy (ADMIN)")
                .consumes(JSON)
                .produces(JSON)
                .type(Partner.class)
                .outType(Partner.class)
                .to(direct("partners.update"));

        rest("/erp")
                .description("The ERP's upserts; a request is applied whole or not at all")
                .post("/purchase-orders")
                .description("Upsert one purchase order or an array of them")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("erp.purchase-orders"))
                .post("/shipments")
                .description("Upsert one planned shipment or an array of them; a shipment with a route {portOfLoading,"
                        + " portOfDischarge, plannedDeparture} is booked with its forwarder (300 / IFTMIN)")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("erp.shipments"))
                .post("/receipts")
                .description("Goods receipts {receiptId, poNumber, receivedAt, shipmentId?, lines: [{lineNumber,"
                        + " quantity, rejectedQuantity, reason}]}, one or an array: received quantities, OTIF, the"
                        + " comparison with what was shipped, the supplier's 861 / RECADV; each receipt applies once")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("erp.receipts"))
                .post("/payments")
                .description("Payments {paymentId, partnerId, paidAt, currency, amount, invoices: [{invoiceNumber,"
                        + " amount, deductions: [{amount, reasonCode, note}]}]}, one or an array: invoices marked paid,"
                        + " the partner's remittance advice (820 / REMADV / notice / mail); each payment applies once")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("erp.payments"));

        rest("/payments")
                .description("Remittance advices we sent: a partner's own, every partner's for our people")
                .get()
                .description("Payments, newest first; internal callers may filter by partnerId")
                .produces(JSON)
                .to(direct("payments.list"));

        rest("/deductions")
                .description("Deductions we took, with their evidence; a partner sees and disputes its own")
                .get()
                .description("Deductions, newest first; internal callers may filter by partnerId")
                .produces(JSON)
                .to(direct("deductions.list"))
                .get("/{number}")
                .description("One deduction with its status and evidence")
                .produces(JSON)
                .to(direct("deductions.get"))
                .post("/{number}/dispute")
                .description("Dispute the deduction {reason} (schema /schemas/deduction-dispute.json): it goes back to"
                        + " a person as a task with a deadline; 202 {messageId, status}")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("deductions.dispute"));

        rest("/purchase-orders")
                .description("Purchase orders with their lines")
                .get()
                .description("List purchase orders")
                .produces(JSON)
                .outType(Pages.PurchaseOrderPage.class)
                .param()
                .name("status")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .param()
                .name("partnerId")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .param()
                .name("q")
                .type(RestParamType.query)
                .required(false)
                .description("PO number or item id contains")
                .endParam()
                .param()
                .name("limit")
                .type(RestParamType.query)
                .required(false)
                .dataType("integer")
                .endParam()
                .param()
                .name("offset")
                .type(RestParamType.query)
                .required(false)
                .dataType("integer")
                .endParam()
                .to(direct("purchase-orders.list"))
                .get("/{po}")
                .description("One purchase order")
                .produces(JSON)
                .outType(PurchaseOrderView.class)
                .to(direct("purchase-orders.get"))
                .get("/{po}/timeline")
                .description("The PO's execution memory, oldest first (partners see partner-visible entries)")
                .produces(JSON)
                .to(direct("purchase-orders.timeline"))
                .post("/{po}/commitments")
                .description("A supplier's commitment: lines[] {lineNumber, quantity, promisedDate, reasonCode}, note;"
                        + " the same canonical event as an EDI 865. 202 with the archived message id")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("purchase-orders.commitments"))
                .post("/{po}/acknowledgement")
                .description(
                        "A supplier's acknowledgement of its PO: ackType, partnerOrderRef, note, lines[] {lineNumber,"
                                + " status, quantity, promisedDate, unitPrice} (schema /schemas/po-acknowledgement.json); the"
                                + " same canonical event as an 855 or ORDRSP. 202 with the archived message id")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("purchase-orders.acknowledgement"));

        rest("/edi")
                .description("Raw EDI from partners")
                .post()
                .description("An X12 or EDIFACT interchange (application/edi-x12, application/edifact, text/plain);"
                        + " archived, then 202 {messageId, status}. The sender must be a partner the caller acts for")
                .consumes("application/edi-x12,application/edifact,text/plain,application/octet-stream")
                .produces(JSON)
                .to(direct("edi.receive"));

        rest("/tasks")
                .description("Human work (internal)")
                .get()
                .description("Tasks, oldest first, filtered by status, kind, partnerId and subject")
                .produces(JSON)
                .outType(Pages.TaskPage.class)
                .param()
                .name("status")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .param()
                .name("kind")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .to(direct("tasks.list"))
                .get("/{id}")
                .description("One task, with its context and suggestions")
                .produces(JSON)
                .to(direct("tasks.get"))
                .post("/{id}/decision")
                .description("A person's decision {decision: APPROVE | REJECT, comment}; the workflow continues")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("tasks.decide"));

        rest("/sla")
                .description("SLA expectations, breaches and chargeback evidence")
                .get("/breaches")
                .description("Breaches, newest first: open ones (open=true, the default) or also those met late"
                        + " (open=false); by partnerId, breached from and to")
                .produces(JSON)
                .outType(Pages.BreachPage.class)
                .param()
                .name("open")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .param()
                .name("partnerId")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .to(direct("sla.breaches"))
                .get("/expectations")
                .description("Expectations by subject (po/4500012345), partnerId, kind and status, oldest first;"
                        + " partners see their own")
                .produces(JSON)
                .param()
                .name("subject")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .to(direct("sla.expectations"))
                .get("/expectations/{id}")
                .description("One expectation")
                .produces(JSON)
                .to(direct("sla.expectation"))
                .get("/expectations/{id}/evidence")
                .description("The evidence pack of an expectation (a breach): JSON, or a readable page with"
                        + " format=html")
                .produces("application/json,text/html")
                .to(direct("sla.expectation-evidence"))
                .get("/messages/{id}/evidence")
                .description("The evidence pack of a message (a disputed document): JSON, or format=html")
                .produces("application/json,text/html")
                .to(direct("sla.message-evidence"));

        rest("/shipments")
                .post("/notices")
                .description(
                        "An advance ship notice as canonical JSON (JSON Schema: /schemas/shipment-notice.json), the"
                                + " same event as an 856; 202 {messageId, status}. Internal callers name partnerId")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("shipments.notice"))
                .post("/{id}/status")
                .description("A shipment's status as canonical JSON (JSON Schema: /schemas/shipment-status.json), the"
                        + " same event as a 214; the carrier's own shipments only")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("shipments.status"));

        rest("/invoices")
                .description("Invoices from partners")
                .post()
                .description(
                        "A goods or freight invoice as canonical JSON (JSON Schema: /schemas/invoice.json), the same"
                                + " event as an 810 or 210; or an EU e-invoice as application/xml (UBL 2.1 Invoice or"
                                + " CreditNote: Peppol BIS Billing 3.0, XRechnung UBL; CII: XRechnung CII, Factur-X)"
                                + " or application/pdf (ZUGFeRD / Factur-X). Internal callers name partnerId")
                .consumes(JSON + ",application/xml,text/xml,application/pdf")
                .produces(JSON)
                .to(direct("invoices.receive"));

        rest("/webhooks")
                .description("Webhook subscriptions: events about the partner's own objects, signed")
                .post()
                .description("Subscribe {url, eventTypes[] (message.processed, message.rejected, message.duplicate,"
                        + " document.sent or *)}; 201 with the secret, shown once. Internal callers name partnerId")
                .consumes(JSON)
                .produces(JSON)
                .to(direct("webhooks.subscribe"))
                .get()
                .description("The caller's subscriptions")
                .produces(JSON)
                .to(direct("webhooks.list"))
                .delete("/{id}")
                .description("End a subscription")
                .to(direct("webhooks.unsubscribe"))
                .get("/{id}/deliveries")
                .description("A subscription's deliveries, newest first")
                .produces(JSON)
                .to(direct("webhooks.deliveries"))
                .get("/dead-letters")
                .description("Deliveries that gave up after their attempts (internal)")
                .produces(JSON)
                .to(direct("webhooks.dead"))
                .post("/deliveries/{id}/replay")
                .description("Send a dead delivery again (internal)")
                .produces(JSON)
                .to(direct("webhooks.replay"));

        rest("/scorecards")
                .description("Partner scorecards (internal)")
                .get()
                .description("Every partner's scorecard from and to (default: the last 30 days)")
                .produces(JSON)
                .to(direct("scorecards.list"));

        rest("/metrics")
                .description("Operational metrics (internal)")
                .get("/autonomy")
                .description("Share of partner events finished with no human action: overall, by partner, by"
                        + " document type, from and to (default: the last 30 days)")
                .produces(JSON)
                .to(direct("metrics.autonomy"));

        rest("/shipments")
                .description("Shipments")
                .get()
                .description("List shipments")
                .produces(JSON)
                .outType(Pages.ShipmentPage.class)
                .param()
                .name("status")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .param()
                .name("carrierId")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .param()
                .name("poNumber")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .to(direct("shipments.list"))
                .get("/{id}")
                .description("One shipment")
                .produces(JSON)
                .outType(ShipmentView.class)
                .to(direct("shipments.get"))
                .get("/{id}/timeline")
                .description("The shipment's execution memory, oldest first")
                .produces(JSON)
                .to(direct("shipments.timeline"));

        rest("/messages")
                .description("The message archive")
                .get()
                .description("List archived messages")
                .produces(JSON)
                .outType(Pages.MessagePage.class)
                .param()
                .name("partnerId")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .param()
                .name("status")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .param()
                .name("direction")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .param()
                .name("controlNumber")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .param()
                .name("from")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .param()
                .name("to")
                .type(RestParamType.query)
                .required(false)
                .endParam()
                .to(direct("messages.list"))
                .get("/{id}")
                .description("One archived message with its events")
                .produces(JSON)
                .outType(MessageView.class)
                .to(direct("messages.get"))
                .get("/{id}/raw")
                .description("The archived bytes, exactly as received or sent")
                .to(direct("messages.raw"))
                .post("/{id}/reprocess")
                .description("Run an archived inbound message through the flow again (idempotent)")
                .produces(JSON)
                .to(direct("messages.reprocess"));

        describeUntypedAnswers();

        handle("audit.list", audit::list);
        handle("configuration.export", configuration::export);
        handle("configuration.import", configuration::load);
        handle("admin.retention", admin::rules);
        handle("admin.retention.run", admin::run);
        handle("admin.holds", admin::holds);
        handle("admin.holds.set", admin::hold);
        handle("admin.holds.lift", admin::lift, "id");
        handle("admin.erasures", admin::erase);
        handle("ops.subscribe", webhooks::opsSubscribe);
        handle("ops.subscriptions", webhooks::opsList);
        handle("bulk.reprocess", bulk::reprocess);
        handle("bulk.resend", bulk::resend);
        handle("bulk.retry", bulk::retry);
        handle("jobs.list", bulk::jobs);
        handle("jobs.get", bulk::job, "id");
        handle("jobs.cancel", bulk::cancel, "id");
        handle("replays.start", replays::start);
        handle("replays.list", replays::list);
        handle("replays.get", replays::get, "id");
        handle("replays.cancel", replays::cancel, "id");
        handle("partners.onboard", partners::onboard);
        handle("partners.list", partners::list);
        handle("partners.get", partners::get, "id");
        handle("partners.update", partners::update, "id");
        handle("partners.mapping", mappings::get, "id");
        handle("partners.mapping.publish", mappings::publish, "id");
        handle("partners.mapping.versions", mappings::versions, "id");
        handle("partners.mapping.rollback", mappings::rollback, "id", "version");
        handle("partners.template", mappings::get, "id");
        handle("partners.template.publish", mappings::publish, "id");
        handle("partners.template.versions", mappings::versions, "id");
        handle("partners.template.rollback", mappings::rollback, "id", "version");
        handle("partners.versions", partners::versions, "id");
        handle("partners.version", partners::version, "id", "version");
        handle("partners.version.diff", partners::diff, "id", "version");
        handle("partners.version.rollback", partners::rollback, "id", "version");
        handle("partners.certification", certification::board, "id");
        handle("partners.certification.state", certification::change, "id", "direction", "documentType");
        handle("partners.certificates", certificates::list, "id");
        handle("partners.certificates.add", certificates::add, "id");
        handle("partners.certificates.remove", certificates::remove, "id", "certificateId");
        handle("erp.purchase-orders", erp::purchaseOrders);
        handle("erp.shipments", erp::shipments);
        handle("erp.receipts", erp::receipts);
        handle("erp.payments", erp::payments);
        handle("payments.list", money::payments);
        handle("deductions.list", money::deductions);
        handle("deductions.get", money::deduction, "number");
        handle("deductions.dispute", money::dispute, "number");
        handle("purchase-orders.list", reads::purchaseOrders);
        handle("purchase-orders.get", reads::purchaseOrder, "po");
        handle("shipments.list", reads::shipments);
        handle("shipments.get", reads::shipment, "id");
        handle("messages.list", reads::messages);
        handle("messages.get", reads::message, "id");
        handle("messages.raw", reads::raw, "id");
        handle("messages.reprocess", inbound::reprocess, "id");
        handle("edi.receive", inbound::edi);
        handle("purchase-orders.commitments", inbound::commitment, "po");
        handle("purchase-orders.acknowledgement", inbound::acknowledgement, "po");
        handle("purchase-orders.timeline", work::purchaseOrderTimeline, "po");
        handle("shipments.timeline", work::shipmentTimeline, "id");
        handle("tasks.list", work::tasks);
        handle("tasks.get", work::task, "id");
        handle("tasks.decide", work::decide, "id");
        handle("metrics.autonomy", work::autonomy);
        handle("partners.scorecard", sla::scorecard, "id");
        handle("scorecards.list", sla::scorecards);
        handle("shipments.notice", inbound::shipNotice);
        handle("shipments.status", inbound::shipmentStatus, "id");
        handle("invoices.receive", inbound::invoice);
        handle("webhooks.subscribe", webhooks::subscribe);
        handle("webhooks.list", webhooks::list);
        handle("webhooks.unsubscribe", webhooks::unsubscribe, "id");
        handle("webhooks.deliveries", webhooks::deliveries, "id");
        handle("webhooks.dead", webhooks::dead);
        handle("webhooks.replay", webhooks::replay, "id");
        handle("sla.breaches", sla::breaches);
        handle("sla.expectations", sla::list);
        handle("sla.expectation", sla::expectation, "id");
        handle("sla.expectation-evidence", sla::expectationEvidence, "id");
        handle("sla.message-evidence", sla::messageEvidence, "id");
    }

    /**
     * Operations whose answer has no model of its own still say what comes back, so that the published document is
     * valid OpenAPI (a response needs a description).
     */
    private void describeUntypedAnswers() {
        for (RestDefinition rest : getRestCollection().getRests()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                boolean described = verb.getResponseMsgs() != null
                        && !verb.getResponseMsgs().isEmpty();
                if (!described && verb.getOutType() == null && verb.getOutTypeClass() == null) {
                    var answer = new ResponseMessageDefinition(verb);
                    answer.code("default")
                            .message("JSON as the operation says; an error is a problem detail"
                                    + " (application/problem+json) with its status");
                    verb.setResponseMsgs(new java.util.ArrayList<>(List.of(answer)));
                }
            }
        }
    }

    private static String direct(String operation) {
        return "direct:api." + operation;
    }

    private void handle(String operation, Function<ApiRequest, Reply> handler, String... pathParams) {
        from(direct(operation))
                .routeId("api." + operation)
                .routeConfigurationId(ApiErrors.ID)
                .process(dispatch.to(List.of(pathParams), handler));
    }
}
