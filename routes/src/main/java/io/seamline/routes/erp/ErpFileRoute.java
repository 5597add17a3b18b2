package io.seamline.routes.erp;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * ERP inbox: {@code .json} and {@code .csv} files dropped into {@code seamline.erp.inbox} are imported, then moved
 * to {@code .done/}, or to {@code .error/} next to a {@code .error.txt} sidecar that says what was wrong and where.
 */
@Component
class ErpFileRoute extends RouteBuilder {

    /** Route id of the inbox poller. */
    public static final String ROUTE_ID = "erp-file-import";

    /** Header: the path, relative to the inbox, the consumed file is moved to. */
    static final String MOVE_TO = "SeamlineErpMoveTo";

    @Override
    public void configure() {
        from("file:{{seamline.erp.inbox}}?include=(?i).*\\.(json|csv)&autoCreate=true"
                        + "&readLock=changed&readLockCheckInterval=250&readLockMinAge=250"
                        + "&delay={{seamline.erp.poll-delay}}&move=${header." + MOVE_TO + "}"
                        + "&moveFailed=.error/${file:name}")
                .routeId(ROUTE_ID)
                .convertBodyTo(byte[].class)
                .setBody(method(ErpFileImport.class, "importFile(${header.CamelFileName}, ${body})"))
                .setHeader(MOVE_TO, simple("${body.movedTo(${header.CamelFileName})}"))
                .filter(simple("${body.rejected}"))
                .setBody(simple("${body.report}"))
                .to("file:{{seamline.erp.inbox}}?fileName=${header." + MOVE_TO + "}.error.txt")
                .end();
    }
}
