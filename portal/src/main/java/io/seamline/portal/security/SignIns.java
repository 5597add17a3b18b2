package io.seamline.portal.security;

import io.seamline.coordination.audit.Audit;
import io.seamline.model.audit.AuditKind;
import java.util.LinkedHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-ins in the audit trail: a person signing in to the portal (form or Keycloak), and every refused sign-in, on
 * any door (a wrong password on the API is one too). API calls that authenticate are not sign-ins: they would bury
 * the trail.
 */
@Component
class SignIns {

    private final Audit audit;

    SignIns(Audit audit) {
        this.audit = audit;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        Caller caller = Callers.of(event.getAuthentication());
        var after = new LinkedHashMap<String, Object>();
        after.put("roles", caller.roles().stream().map(Enum::name).sorted().toList());
        from().ifPresent(address -> after.put("address", address));
        audit.record(
                caller.actor(),
                AuditKind.SIGNED_IN,
                caller.partnerId().orElse(null),
                "user/" + caller.name(),
                null,
                after,
                null);
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        // a user name as typed; never a token's text (a bearer token's "name" is the token)
        String name = event.getAuthentication()
                        instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                ? event.getAuthentication().getName()
                : null;
        String who = name == null || name.isBlank() || name.length() > 200 ? "unknown" : name;
        if (name == null && event.getAuthentication() != null) {
            who = "token";
        }
        var after = new LinkedHashMap<String, Object>();
        after.put("why", event.getException().getClass().getSimpleName());
        from().ifPresent(address -> after.put("address", address));
        audit.record(who, AuditKind.SIGN_IN_REFUSED, null, "user/" + who, null, after, null);
    }

    private static java.util.Optional<String> from() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? java.util.Optional.ofNullable(attributes.getRequest().getRemoteAddr())
                : java.util.Optional.empty();
    }
}
