package io.seamline.portal.web;

import io.seamline.portal.security.Caller;
import io.seamline.portal.security.Callers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in to the portal: the pages ask it which partner's data to show and which menus to offer. */
@RestController
class PortalSession {

    @GetMapping(path = "/portal/me", produces = "application/json")
    public ResponseEntity<Map<String, Object>> me() {
        Caller caller = Callers.current().orElseThrow();
        var body = new LinkedHashMap<String, Object>();
        body.put("name", caller.name());
        body.put("roles", caller.roles().stream().map(Enum::name).sorted().toList());
        body.put("partnerId", caller.partnerId().map(p -> p.value()).orElse(null));
        return ResponseEntity.ok(body);
    }
}
