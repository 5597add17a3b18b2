package io.seamline.portal.web;

import io.seamline.mappings.json.ApiDocuments;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON Schemas of the documents partners post to the API ({@code /schemas/shipment-notice.json}…), public like
 * the OpenAPI document that names them.
 */
@RestController
public class Schemas {

    @GetMapping(path = "/schemas/{name}.json")
    public ResponseEntity<byte[]> schema(@PathVariable String name) {
        return ApiDocuments.ofSchemaName(name)
                .map(d -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/schema+json"))
                        .body(d.schema()))
                .orElse(ResponseEntity.notFound().build());
    }
}
