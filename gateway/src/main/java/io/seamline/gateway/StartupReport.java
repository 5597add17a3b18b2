package io.seamline.gateway;

import io.seamline.portal.security.SecuritySettings;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the gateway where everything is, and warns loudly when demo credentials are on. */
@Component
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final SecuritySettings security;
    private final Environment environment;

    StartupReport(SecuritySettings security, Environment environment) {
        this.security = security;
        this.environment = environment;
    }

    private String identity() {
        var oidc = security.oidc();
        String local = security.users().isEmpty() ? "" : security.users().size() + " local users (HTTP Basic)";
        if (!oidc.enabled()) {
            return local;
        }
        return "OIDC tokens from " + oidc.issuerUri() + " (audience " + oidc.audience() + ")"
                + (local.isEmpty() ? "" : " and " + local);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : environment.getProperty("server.port", Integer.class, 8080);
        String base = "http://localhost:" + port;
        String database = environment.getProperty("spring.datasource.url", "");
        log.info(
                """
                Seamline is up in {} s.
                  Portal      {}/portal
                  API         {}/api/v1  (OpenAPI: {}/api/v1/openapi.json)
                  Health      {}/actuator/health   Metrics: {}/actuator/prometheus (role METRICS)
                  ERP inbox   {}
                  Database    {}
                  Identity    {}""",
                String.format("%.1f", event.getTimeTaken().toMillis() / 1000.0),
                base,
                base,
                base,
                base,
                base,
                Path.of(environment.getProperty("seamline.erp.inbox", "")).toAbsolutePath(),
                database.isEmpty()
                        ? "embedded PostgreSQL in "
                                + Path.of(environment.getProperty("seamline.data-dir", "./data"), "postgres")
                                        .toAbsolutePath()
                                        .normalize()
                        : database,
                identity());
        if (security.hasPlainTextPasswords()) {
            log.warn(
                    """
                    DEMO CREDENTIALS ARE ON (profile 'demo'); never run like this in production.
                      {}""",
                    security.users().stream()
                            .map(u -> u.name() + "/" + u.password().replace("{noop}", "") + " "
                                    + (u.partner() == null ? u.roles().toString() : "partner " + u.partner()))
                            .collect(Collectors.joining("\n  ")));
        }
    }
}
