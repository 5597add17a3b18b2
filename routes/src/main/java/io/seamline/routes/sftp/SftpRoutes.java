package io.seamline.routes.sftp;

import io.seamline.adapters.delivery.DeliverySettings;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * SFTP as routes: partners' uploads to their {@code in/} folders on our server, complete files only (a file still
 * growing, or named {@code *.part}, {@code *.tmp} or {@code .*}, waits; {@link UploadFolders} keeps the walk out of
 * the {@code out/} folders), moved to {@code in/.done/} once archived;
 * a poller per partner whose own SFTP server we read (made from one template by {@link SftpPollers}).
 */
@Component
public class SftpRoutes extends RouteBuilder {

    /** Route id of the partners' uploads to our SFTP server. */
    public static final String UPLOADS = "sftp-uploads";

    /** Route template of a partner's SFTP poller. */
    public static final String POLLER = "partner-sftp";

    /** Route id of the timer that keeps one poller per partner that asks for it. */
    public static final String REFRESH = "sftp-pollers";

    private final DeliverySettings delivery;
    private final SftpSettings settings;

    public SftpRoutes(DeliverySettings delivery, SftpSettings settings) {
        this.delivery = delivery;
        this.settings = settings;
    }

    @Override
    public void configure() {
        from("file:" + delivery.partnerFolders().toAbsolutePath()
                        + "?recursive=true&maxDepth=3&autoCreate=true&filter=#" + UploadFolders.BEAN
                        + "&readLock=changed&readLockCheckInterval=250&readLockMinAge="
                        + settings.settle().toMillis()
                        + "&delay=" + settings.poll().toMillis()
                        + "&move=${file:parent}/.done/${file:onlyname}&moveFailed=${file:parent}/.error/${file:onlyname}")
                .routeId(UPLOADS)
                .convertBodyTo(byte[].class)
                .bean(SftpPickups.class, "uploaded(${body}, ${header.CamelFileName}, ${header.CamelFileParent})");

        routeTemplate(POLLER)
                .templateParameter("uri")
                .templateParameter("partner")
                .from("{{uri}}")
                .convertBodyTo(byte[].class)
                .bean(SftpPickups.class, "polled(${body}, ${header.CamelFileName}, '{{partner}}')");

        from("timer:" + REFRESH + "?delay=0&period=" + settings.refresh().toMillis())
                .routeId(REFRESH)
                .bean(SftpPollers.class, "refresh");
    }
}
