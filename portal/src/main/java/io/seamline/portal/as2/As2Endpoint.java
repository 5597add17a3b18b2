package io.seamline.portal.as2;

import io.seamline.mappings.as2.Certificates;
import io.seamline.routes.as2.As2Keys;
import io.seamline.routes.as2.As2Receipts;
import io.seamline.routes.as2.As2Receiver;
import io.seamline.routes.as2.As2Reply;
import io.seamline.routes.as2.As2Request;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where AS2 partners post. AS2 authenticates by signature, not by login: these paths are open, and the receiver
 * checks the sender against its certificates. Our current certificate is published at {@code /as2/certificate} for
 * partners to encrypt to and verify us with.
 */
@RestController
class As2Endpoint {

    private final As2Receiver receiver;
    private final As2Receipts receipts;
    private final As2Keys keys;

    public As2Endpoint(As2Receiver receiver, As2Receipts receipts, As2Keys keys) {
        this.receiver = receiver;
        this.receipts = receipts;
        this.keys = keys;
    }

    @PostMapping("/as2")
    ResponseEntity<byte[]> message(HttpServletRequest request) throws IOException {
        return reply(receiver.receive(read(request)));
    }

    @PostMapping("/as2/mdn")
    ResponseEntity<byte[]> mdn(HttpServletRequest request) throws IOException {
        return reply(receipts.receive(read(request)));
    }

    @GetMapping("/as2/certificate")
    ResponseEntity<byte[]> certificate() {
        return keys.current()
                .map(key -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/x-pem-file"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + keys.as2Id() + ".pem\"")
                        .body(Certificates.pem(key.certificate()).getBytes(StandardCharsets.US_ASCII)))
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    private static As2Request read(HttpServletRequest request) throws IOException {
        var headers = new LinkedHashMap<String, String>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        return new As2Request(headers, request.getInputStream().readAllBytes());
    }

    private static ResponseEntity<byte[]> reply(As2Reply reply) {
        var response = ResponseEntity.status(reply.status());
        reply.headers().forEach(response::header);
        return response.body(reply.body());
    }
}
