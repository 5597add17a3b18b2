package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.jaxws.endpoint.dynamic.JaxWsDynamicClientFactory;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.junit.jupiter.api.Test;

/**
 * The SOAP service from a partner's side: a CXF client generated at run time from the published WSDL calls it as
 * a carrier and a customs broker; documents become the same messages as REST and EDI; refusals are faults with a
 * code; a payload with a DTD (XXE, billion laughs) is refused before it is parsed.
 */
class SoapIT extends PipelineGatewayIT {

    private static final String NS = "urn:seamline:partners:v1";

    private String wsdl() {
        return "http://localhost:" + port + "/services/partners?wsdl";
    }

    private Client client(String user) {
        Client client = JaxWsDynamicClientFactory.newInstance().createClient(wsdl());
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        var auth = new org.apache.cxf.configuration.security.AuthorizationPolicy();
        auth.setUserName(user.substring(0, user.indexOf(':')));
        auth.setPassword(user.substring(user.indexOf(':') + 1));
        conduit.setAuthorization(auth);
        var policy = new HTTPClientPolicy();
        policy.setReceiveTimeout(20000);
        conduit.setClient(policy);
        return client;
    }

    /** An instance of the generated class of an operation's (unwrapped) parameter. */
    private static Object parameter(Client client, String operation) throws Exception {
        BindingOperationInfo op =
                client.getEndpoint().getBinding().getBindingInfo().getOperation(new QName(NS, operation));
        BindingOperationInfo unwrapped = op.isUnwrappedCapable() ? op.getUnwrappedOperation() : op;
        Class<?> type = unwrapped.getInput().getMessageParts().get(0).getTypeClass();
        return type.getDeclaredConstructor().newInstance();
    }

    private static void set(Object target, String property, Object value) throws Exception {
        String setter = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(setter) && method.getParameterCount() == 1) {
                method.invoke(target, value);
                return;
            }
        }
        throw new IllegalArgumentException("no " + setter + " on " + target.getClass());
    }

    @SuppressWarnings("unchecked")
    private static void add(Object target, String listProperty, Object value) throws Exception {
        String getter = "get" + Character.toUpperCase(listProperty.charAt(0)) + listProperty.substring(1);
        ((List<Object>) target.getClass().getMethod(getter).invoke(target)).add(value);
    }

    private static String get(Object target, String property) throws Exception {
        String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        return String.valueOf(target.getClass().getMethod(getter).invoke(target));
    }

    private String plannedShipment() {
        String po = "49"
                + String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()))
                        .substring(0, 8);
        importOrder(po, "acme-supply");
        String shipment = "SH-" + po;
        var planned = post(
                "/api/v1/erp/shipments",
                "erp:erp",
                """
                {"shipmentId": "%s", "carrierId": "swift-freight", "references": {"bol": "BOL-%s"},
                 "poNumbers": ["%s"], "plannedDelivery": "%s", "expectedFreight": {"amount": 700.00, "currency": "USD"}}
                """
                        .formatted(shipment, po, po, today().plusDays(9)));
        assertThat(planned.statusCode()).isEqualTo(200);
        return shipment;
    }

    @Test
    void aCarrierReportsStatusAndInvoicesWithAClientGeneratedFromTheWsdl() throws Exception {
        String shipment = plannedShipment();
        Client client = client("swift:swift");

        Object status = parameter(client, "ReportShipmentStatus");
        set(status, "shipmentId", shipment);
        set(status, "status", "IN_TRANSIT");
        set(status, "eventTime", today() + "T08:15");
        set(status, "city", "Memphis");
        set(status, "country", "US");
        Object receipt = client.invoke("ReportShipmentStatus", status)[0];

        String messageId = get(receipt, "messageId");
        assertThat(get(receipt, "status")).isEqualTo("RECEIVED");
        assertThat(awaitEnd(messageId).path("status").asText()).isEqualTo("PROCESSED");
        assertThat(json(get("/api/v1/shipments/" + shipment, OPS))
                        .path("status")
                        .asText())
                .isEqualTo("IN_TRANSIT");

        Object invoice = parameter(client, "SubmitFreightInvoice");
        set(invoice, "invoiceNumber", "SOAP-" + shipment);
        set(invoice, "invoiceDate", today().toString());
        set(invoice, "currency", "USD");
        set(invoice, "total", new BigDecimal("700.00"));
        set(invoice, "shipmentId", shipment);
        Object charge = invoice.getClass()
                .getClassLoader()
                .loadClass(invoice.getClass().getPackageName() + ".Charge")
                .getDeclaredConstructor()
                .newInstance();
        set(charge, "code", "FREIGHT");
        set(charge, "amount", new BigDecimal("700.00"));
        add(invoice, "charge", charge);
        Object invoiced = client.invoke("SubmitFreightInvoice", invoice)[0];
        assertThat(awaitEnd(get(invoiced, "messageId")).path("status").asText()).isEqualTo("PROCESSED");
        assertThat(json(get("/api/v1/shipments/" + shipment + "/timeline", OPS)).toString())
                .contains("invoice.freight");
    }

    @Test
    void refusalsAreFaultsWithACode() throws Exception {
        Client client = client("swift:swift");
        Object status = parameter(client, "ReportShipmentStatus");
        set(status, "shipmentId", "SH-1002"); // OceanLink's
        set(status, "status", "DELIVERED");
        set(status, "eventTime", today() + "T08:15");

        assertThatThrownBy(() -> client.invoke("ReportShipmentStatus", status)).hasMessageContaining("NotFound");

        set(status, "shipmentId", plannedShipment());
        set(status, "status", "TELEPORTED");
        assertThatThrownBy(() -> client.invoke("ReportShipmentStatus", status)).hasMessageContaining("InvalidDocument");
    }

    @Test
    void aBrokerReportsACustomsHold() throws Exception {
        Client client = client("clearpath:clearpath");
        Object status = parameter(client, "ReportCustomsStatus");
        set(status, "entryNumber", "ENT-" + UUID.randomUUID().toString().substring(0, 8));
        set(status, "shipmentId", plannedShipment());
        set(status, "status", "HOLD");
        set(status, "reason", "commercial invoice missing");
        add(status, "documentRequested", "commercial invoice");

        Object receipt = client.invoke("ReportCustomsStatus", status)[0];

        assertThat(awaitEnd(get(receipt, "messageId")).path("status").asText()).isEqualTo("PROCESSED");
    }

    @Test
    void anAmountNoColumnHoldsIsAnInvalidDocumentFaultNamingTheField() throws Exception {
        for (String total : List.of("1E+999999999", "1E+16", "12.345")) {
            String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                    + " xmlns:p=\"urn:seamline:partners:v1\"><soap:Body><p:SubmitFreightInvoice><p:freightInvoice>"
                    + "<p:invoiceNumber>F-BIG</p:invoiceNumber><p:invoiceDate>2026-11-22</p:invoiceDate>"
                    + "<p:currency>USD</p:currency><p:total>" + total + "</p:total><p:shipmentId>SH-1001</p:shipmentId>"
                    + "</p:freightInvoice></p:SubmitFreightInvoice></soap:Body></soap:Envelope>";
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/services/partners"))
                                    .header("Content-Type", "text/xml; charset=utf-8")
                                    .header("Authorization", GatewayClient.basic("swift:swift"))
                                    .POST(HttpRequest.BodyPublishers.ofString(envelope))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).as(total).contains("<code>InvalidDocument</code>", "<problem>total: ");
        }
    }

    @Test
    void refusesADtdBeforeParsingAndNeedsACaller() throws Exception {
        String laughs =
                """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:p="urn:seamline:partners:v1">
                 <soap:Body><p:ReportCustomsStatus><p:customsStatus><p:entryNumber>&lol2;&xxe;</p:entryNumber>
                 <p:status>HOLD</p:status></p:customsStatus></p:ReportCustomsStatus></soap:Body></soap:Envelope>
                """;
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/services/partners"))
                                .header("Content-Type", "text/xml; charset=utf-8")
                                .header("Authorization", GatewayClient.basic("clearpath:clearpath"))
                                .POST(HttpRequest.BodyPublishers.ofString(laughs))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Fault").doesNotContain("root:", "lollollol");
        assertThat(response.body().toLowerCase(java.util.Locale.ROOT)).containsAnyOf("dtd", "doctype");

        var anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/services/partners"))
                                .header("Content-Type", "text/xml; charset=utf-8")
                                .POST(HttpRequest.BodyPublishers.ofString("<x/>"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(URI.create(wsdl())).build(), HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("ReportShipmentStatus", "SubmitFreightInvoice", "ReportCustomsStatus");
    }
}
