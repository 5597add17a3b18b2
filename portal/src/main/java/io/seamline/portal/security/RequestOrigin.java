package io.seamline.portal.security;

import io.seamline.coordination.audit.Origin;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Where an audited change came from, by the door of the request that made it: the API, the portal, SOAP, AS2. */
@Component
class RequestOrigin implements Origin {

    @Override
    public String via() {
        if (Doors.current() != null) {
            return Doors.current();
        }
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        return via(attributes.getRequest().getRequestURI());
    }

    static String via(String path) {
        if (path == null) {
            return null;
        }
        if (path.startsWith("/api/")) {
            return "API";
        }
        if (path.startsWith("/portal") || path.startsWith("/login") || path.startsWith("/oauth2")) {
            return "PORTAL";
        }
        if (path.startsWith("/services/")) {
            return "SOAP";
        }
        if (path.startsWith("/as2")) {
            return "AS2";
        }
        return null;
    }
}
