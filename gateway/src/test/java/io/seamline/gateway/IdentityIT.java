package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.seamline.mappings.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/**
 * The API behind a real OIDC server: Keycloak-shaped tokens (realm roles, a partner claim) obtained the way partners
 * and people obtain them, and every way a token can be wrong: another issuer, another audience, expired, unsigned,
 * signed by a key that is not the realm's, a claim changed after signing. Each wrong one is a 401 with a problem and
 * nothing else.
 */
class IdentityIT extends GatewayIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Map<String, Object> partnerClaims(String partner) {
        return Map.of("realm_access", Map.of("roles", List.of("partner")), "partner_id", partner);
    }

    /** A carrier's system gets a token by client credentials at the realm's token endpoint. */
    private static String clientCredentials(String client, Map<String, Object> claims) throws Exception {
        IDENTITY.enqueueCallback(
                new DefaultOAuth2TokenCallback(REALM, client, "JWT", List.of("seamline-api"), claims, 300));
        var form = "grant_type=client_credentials&scope=api&client_id=" + client + "&client_secret=secret";
        var response = HTTP.send(
                HttpRequest.newBuilder(IDENTITY.tokenEndpointUrl(REALM).uri())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.mapper().readTree(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> bearer(String method, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    @Test
    void aCarrierCallsTheApiWithAClientCredentialsTokenAndSeesOnlyItsOwnShipments() throws Exception {
        String token = clientCredentials("swift-freight-api", partnerClaims("swift-freight"));

        var shipments = bearer("GET", "/api/v1/shipments", token);

        assertThat(shipments.statusCode()).isEqualTo(200);
        JsonNode items = json(shipments).path("items");
        assertThat(items.size()).isPositive();
        items.forEach(s -> assertThat(s.path("carrierId").asText()).isEqualTo("swift-freight"));
        assertThat(bearer("GET", "/api/v1/partners/acme-supply", token).statusCode())
                .isEqualTo(404);
        assertThat(bearer("POST", "/api/v1/erp/shipments", token).statusCode()).isEqualTo(403);
    }

    @Test
    void anOpsUsersTokenReachesInternalWork() throws Exception {
        String token = IDENTITY.issueToken(
                        REALM,
                        "maria",
                        "seamline-api",
                        Map.of("realm_access", Map.of("roles", List.of("ops")), "preferred_username", "maria"),
                        300)
                .serialize();

        assertThat(bearer("GET", "/api/v1/tasks", token).statusCode()).isEqualTo(200);
        assertThat(bearer("GET", "/api/v1/purchase-orders", token).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesEveryWrongTokenWithA401AndNoData() throws Exception {
        var wrong = new java.util.LinkedHashMap<String, String>();
        wrong.put(
                "another issuer",
                IDENTITY.issueToken("elsewhere", "x", "seamline-api", partnerClaims("swift-freight"), 300)
                        .serialize());
        wrong.put(
                "another audience",
                IDENTITY.issueToken(REALM, "x", "another-api", partnerClaims("swift-freight"), 300)
                        .serialize());
        wrong.put(
                "expired",
                IDENTITY.issueToken(REALM, "x", "seamline-api", partnerClaims("swift-freight"), -3600)
                        .serialize());
        wrong.put("alg=none", unsigned(partnerClaims("swift-freight")));
        wrong.put("another realm's key", signedByAStranger());
        wrong.put(
                "tampered partner claim",
                tampered(IDENTITY.issueToken(REALM, "x", "seamline-api", partnerClaims("swift-freight"), 300)
                        .serialize()));
        wrong.put("not a token", "hello");

        for (var entry : wrong.entrySet()) {
            var response = bearer("GET", "/api/v1/shipments", entry.getValue());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(entry.getKey())
                    .startsWith("application/problem+json");
            assertThat(response.body()).as(entry.getKey()).doesNotContain("SH-", "carrierId");
        }
    }

    @Test
    void aPartnerRoleWithoutAPartnerClaimGrantsNothing() throws Exception {
        String token = IDENTITY.issueToken(
                        REALM,
                        "x",
                        "seamline-api",
                        Map.of("realm_access", Map.of("roles", List.of("partner", "ops"))),
                        300)
                .serialize();

        // ops without a partner claim is internal; a claim naming no valid partner leaves nothing
        String broken = IDENTITY.issueToken(
                        REALM,
                        "x",
                        "seamline-api",
                        Map.of("realm_access", Map.of("roles", List.of("partner")), "partner_id", "../acme"),
                        300)
                .serialize();
        assertThat(bearer("GET", "/api/v1/shipments", broken).statusCode()).isEqualTo(403);
        assertThat(bearer("GET", "/api/v1/purchase-orders", broken).body()).doesNotContain("poNumber");
        assertThat(bearer("GET", "/api/v1/tasks", token).statusCode()).isEqualTo(200);
    }

    @Test
    void localDemoUsersStillSignInWithBasicAuthentication() {
        assertThat(get("/api/v1/shipments", "swift:swift").statusCode()).isEqualTo(200);
    }

    private String issuer() {
        return IDENTITY.issuerUrl(REALM).toString();
    }

    private String unsigned(Map<String, Object> claims) throws Exception {
        var payload = new java.util.LinkedHashMap<String, Object>(claims);
        payload.put("iss", issuer());
        payload.put("aud", "seamline-api");
        payload.put("sub", "x");
        payload.put("exp", System.currentTimeMillis() / 1000 + 300);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private String signedByAStranger() throws Exception {
        var key = new RSAKeyGenerator(2048).keyID("stranger").generate();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience("seamline-api")
                .subject("x")
                .expirationTime(new Date(System.currentTimeMillis() + 300_000))
                .claim("realm_access", Map.of("roles", List.of("ops")))
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stranger").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The same signature over a payload whose partner claim was changed. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("swift-freight", "oceanlink");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }
}
