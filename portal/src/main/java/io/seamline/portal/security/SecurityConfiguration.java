package io.seamline.portal.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskDecorator;
import org.springframework.http.HttpMethod;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. The API is stateless: bearer tokens from the identity provider (Keycloak, when {@code
 * seamline.security.oidc.issuer-uri} is set) and HTTP Basic for local users; authorization by role is decided here,
 * per path, and partner isolation by the services through {@link Caller#scope()}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /**
     * The portal's pages load scripts, styles and images from the gateway only and run no inline script; styles may
     * be inline (chart legends, htmx's indicator); nothing frames the portal.
     */
    static final String PORTAL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** API answers are data, never pages. */
    static final String API_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

    @Bean
    SignInThrottle signInThrottle(SecuritySettings settings, java.time.Clock clock) {
        return new SignInThrottle(settings.signIn(), clock);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, SignInThrottle throttle) throws Exception {
        bearerTokens(http, settings);
        http.addFilterBefore(throttle.filter(), BasicAuthenticationFilter.class);
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)));
        http.securityMatcher(PATHS.matcher("/api/**"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                PATHS.matcher(HttpMethod.GET, "/api/v1/openapi.json"))
                        .permitAll()
                        .requestMatchers(
                                PATHS.matcher(HttpMethod.POST, "/api/v1/partners"),
                                PATHS.matcher(HttpMethod.PUT, "/api/v1/partners/*"),
                                PATHS.matcher(HttpMethod.POST, "/api/v1/partners/*/certificates"),
                                PATHS.matcher(HttpMethod.DELETE, "/api/v1/partners/*/certificates/*"))
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(
                                PATHS.matcher("/api/v1/audit"),
                                PATHS.matcher("/api/v1/admin/**"),
                                PATHS.matcher("/api/v1/bulk/**"),
                                PATHS.matcher("/api/v1/jobs"),
                                PATHS.matcher("/api/v1/jobs/**"),
                                PATHS.matcher("/api/v1/configuration"),
                                PATHS.matcher(HttpMethod.POST, "/api/v1/partners/*/versions/*/rollback"),
                                PATHS.matcher(HttpMethod.PUT, "/api/v1/partners/*/mapping"),
                                PATHS.matcher(HttpMethod.POST, "/api/v1/partners/*/mapping/versions/*/rollback"),
                                PATHS.matcher(HttpMethod.PUT, "/api/v1/partners/*/template"),
                                PATHS.matcher(HttpMethod.POST, "/api/v1/partners/*/template/versions/*/rollback"))
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(
                                PATHS.matcher("/api/v1/replays"),
                                PATHS.matcher("/api/v1/replays/**"),
                                PATHS.matcher("/api/v1/partners/*/mapping"),
                                PATHS.matcher("/api/v1/partners/*/mapping/**"),
                                PATHS.matcher("/api/v1/partners/*/template"),
                                PATHS.matcher("/api/v1/partners/*/template/**"),
                                PATHS.matcher("/api/v1/partners/*/versions"),
                                PATHS.matcher("/api/v1/partners/*/versions/**"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name())
                        .requestMatchers(PATHS.matcher("/api/v1/ops/**"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name())
                        .requestMatchers(PATHS.matcher("/api/v1/erp/**"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name(), Role.ERP.name())
                        .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/v1/partners/*/certification/*/*/state"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name())
                        .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/v1/messages/*/reprocess"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name())
                        .requestMatchers(PATHS.matcher("/api/v1/tasks/**"), PATHS.matcher("/api/v1/tasks"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name())
                        .requestMatchers(PATHS.matcher("/api/v1/metrics/**"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name())
                        .requestMatchers(
                                PATHS.matcher("/api/v1/sla/breaches"),
                                PATHS.matcher("/api/v1/sla/expectations/*/evidence"),
                                PATHS.matcher("/api/v1/sla/messages/**"),
                                PATHS.matcher("/api/v1/scorecards"),
                                PATHS.matcher("/api/v1/webhooks/dead-letters"),
                                PATHS.matcher(HttpMethod.POST, "/api/v1/webhooks/deliveries/*/replay"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name())
                        .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/v1/edi"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name(), Role.PARTNER.name())
                        .requestMatchers(
                                PATHS.matcher(HttpMethod.POST, "/api/v1/shipments/notices"),
                                PATHS.matcher(HttpMethod.POST, "/api/v1/shipments/*/status"),
                                PATHS.matcher(HttpMethod.POST, "/api/v1/invoices"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name(), Role.PARTNER.name())
                        .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/v1/deductions/*/dispute"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name(), Role.PARTNER.name())
                        .requestMatchers(
                                PATHS.matcher(HttpMethod.POST, "/api/v1/purchase-orders/*/commitments"),
                                PATHS.matcher(HttpMethod.POST, "/api/v1/purchase-orders/*/acknowledgement"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name(), Role.PARTNER.name())
                        // a caller with none of our roles (a token without them) reaches nothing
                        .anyRequest()
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name(), Role.ERP.name(), Role.PARTNER.name()));
        return http.build();
    }

    /** Bearer tokens from the identity provider, when one is configured. */
    private static void bearerTokens(HttpSecurity http, SecuritySettings settings) throws Exception {
        if (settings.oidc().enabled()) {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(KeycloakTokens.decoder(settings.oidc()))
                            .jwtAuthenticationConverter(
                                    new KeycloakTokens(settings.oidc().partnerClaim())))
                    .authenticationEntryPoint(ProblemResponses.unauthorized())
                    .accessDeniedHandler(ProblemResponses.forbidden()));
        }
    }

    /** SOAP services: the WSDL is public, calls need a partner (or internal) caller, by token or local user. */
    @Bean
    @Order(2)
    SecurityFilterChain services(HttpSecurity http, SecuritySettings settings, SignInThrottle throttle)
            throws Exception {
        bearerTokens(http, settings);
        http.addFilterBefore(throttle.filter(), BasicAuthenticationFilter.class);
        http.securityMatcher(PATHS.matcher("/services/**"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeHttpRequests(auth -> auth.requestMatchers(PATHS.matcher(HttpMethod.GET, "/services/**"))
                        .permitAll()
                        .anyRequest()
                        .hasAnyRole(Role.ADMIN.name(), Role.OPS.name(), Role.PARTNER.name()));
        return http.build();
    }

    /** AS2: partners authenticate by signature, checked by the receiver; no login, no session, no CSRF token. */
    @Bean
    @Order(3)
    SecurityFilterChain as2(HttpSecurity http) throws Exception {
        http.securityMatcher(new org.springframework.security.web.util.matcher.OrRequestMatcher(
                        PATHS.matcher("/as2"), PATHS.matcher("/as2/**")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain operations(HttpSecurity http, SecuritySettings settings, SignInThrottle throttle)
            throws Exception {
        bearerTokens(http, settings);
        http.addFilterBefore(throttle.filter(), BasicAuthenticationFilter.class);
        http.securityMatcher(PATHS.matcher("/actuator/**"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized()))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                PATHS.matcher("/actuator/health/**"),
                                PATHS.matcher("/actuator/health"),
                                PATHS.matcher("/actuator/info"))
                        .permitAll()
                        // the figures name every partner (scorecards per partner): a scrape user, or our own staff
                        .requestMatchers(PATHS.matcher("/actuator/prometheus"))
                        .hasAnyRole(Role.METRICS.name(), Role.ADMIN.name(), Role.OPS.name())
                        .anyRequest()
                        .hasRole(Role.ADMIN.name()));
        return http.build();
    }

    /**
     * The portal: pages under {@code /portal/} need a signed-in person, by Keycloak (authorization code flow, when a
     * {@code keycloak} client registration is configured) or a local user's form login; CSRF protection is on.
     */
    @Bean
    @Order(100)
    SecurityFilterChain everythingElse(
            HttpSecurity http,
            SecuritySettings settings,
            SignInThrottle throttle,
            ObjectProvider<ClientRegistrationRepository> registrations)
            throws Exception {
        http.addFilterBefore(throttle.filter(), CsrfFilter.class);
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PORTAL_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        http.authorizeHttpRequests(auth -> auth.requestMatchers(PATHS.matcher("/portal/login"))
                .permitAll()
                // the audit trail is for admins
                .requestMatchers(
                        PATHS.matcher("/portal/ops/audit"),
                        PATHS.matcher("/portal/ops/audit.csv"),
                        PATHS.matcher("/portal/ops/lifecycle"),
                        PATHS.matcher("/portal/ops/lifecycle/**"),
                        PATHS.matcher(HttpMethod.POST, "/portal/ops/partners/*/mapping"),
                        PATHS.matcher(HttpMethod.POST, "/portal/ops/partners/*/template"))
                .hasRole(Role.ADMIN.name())
                // the internal teams' pages: tasks, SLA dashboard, partners, reprocessing
                .requestMatchers(
                        PATHS.matcher("/portal/ops/**"), PATHS.matcher(HttpMethod.POST, "/portal/messages/*/reprocess"))
                .hasAnyRole(Role.ADMIN.name(), Role.OPS.name())
                .requestMatchers(PATHS.matcher("/portal/**"), PATHS.matcher("/portal"))
                .hasAnyRole(Role.ADMIN.name(), Role.OPS.name(), Role.PARTNER.name())
                .anyRequest()
                .permitAll());
        http.logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?signedOut"));
        ClientRegistrationRepository clients = registrations.getIfAvailable();
        if (clients != null) {
            // PKCE on the authorization code, as the realm's portal client requires
            var requests = new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
            requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(login -> login.authorizationEndpoint(a -> a.authorizationRequestResolver(requests))
                    .userInfoEndpoint(info -> info.userAuthoritiesMapper(
                            portalAuthorities(settings.oidc().partnerClaim()))));
        }
        if (!settings.users().isEmpty()) {
            // local users sign in on the portal's own page (which also offers Keycloak when it is configured)
            http.formLogin(form -> form.loginPage("/portal/login")
                            .loginProcessingUrl("/portal/login")
                            .defaultSuccessUrl("/portal", false))
                    .httpBasic(Customizer.withDefaults());
        }
        return http.build();
    }

    /** A person signed in at Keycloak gets the same authorities as a token with the same claims. */
    static GrantedAuthoritiesMapper portalAuthorities(String partnerClaim) {
        return granted -> {
            var authorities = new ArrayList<GrantedAuthority>();
            for (GrantedAuthority authority : granted) {
                if (authority instanceof OidcUserAuthority oidc) {
                    var claims = new java.util.HashMap<String, Object>(
                            oidc.getIdToken().getClaims());
                    if (oidc.getUserInfo() != null) {
                        claims.putAll(oidc.getUserInfo().getClaims());
                    }
                    authorities.addAll(KeycloakTokens.authorities(claims, partnerClaim));
                }
            }
            return authorities;
        };
    }

    /**
     * Camel's platform-http hands each request to the application task executor; the caller's security context
     * goes along, so the handlers know who is calling.
     */
    @Bean
    TaskDecorator securityContextPropagation() {
        return task -> DelegatingSecurityContextRunnable.create(task, null);
    }

    @Bean
    PasswordEncoder passwordEncoder(java.time.Clock clock) {
        // an API client sends its password with every request: a bcrypt check per request would cap the intake
        return new RememberedPasswords(
                PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                java.time.Duration.ofMinutes(5),
                10_000,
                clock);
    }

    @Bean
    UserDetailsService localUsers(SecuritySettings settings) {
        var users = new ArrayList<UserDetails>();
        for (SecuritySettings.User user : settings.users()) {
            var authorities = new ArrayList<GrantedAuthority>();
            if (user.partner() != null && !user.partner().isBlank()) {
                authorities.add(new SimpleGrantedAuthority(
                        Caller.PARTNER_AUTHORITY_PREFIX + user.partner().trim()));
                authorities.add(new SimpleGrantedAuthority(Role.PARTNER.authority()));
                if (user.roles().contains(Role.TEST)) {
                    // credentials issued for the partner's testing: all it sends is a test
                    authorities.add(new SimpleGrantedAuthority(Role.TEST.authority()));
                }
            } else {
                user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
            }
            users.add(User.withUsername(user.name())
                    .password(user.password())
                    .authorities(List.copyOf(authorities))
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }
}
