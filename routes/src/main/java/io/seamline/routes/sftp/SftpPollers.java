package io.seamline.routes.sftp;

import io.seamline.adapters.delivery.TargetGuard;
import io.seamline.adapters.persistence.Partners;
import io.seamline.model.partner.ChannelKind;
import io.seamline.model.partner.ChannelProfile;
import io.seamline.model.partner.Partner;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps one poller per partner whose SFTP channel asks to be polled ({@code "poll": "true"}): its own server is read
 * every {@code seamline.sftp.poll}; what was taken is left there ({@code afterPickup}: {@code keep}, the default),
 * deleted ({@code delete}) or moved to {@code .seamline/} ({@code move}). Partners onboarded or changed are picked up
 * at the next refresh.
 */
@Component
public class SftpPollers {

    private static final Logger log = LoggerFactory.getLogger(SftpPollers.class);
    private static final String PREFIX = "sftp-poll-";

    private final Partners partners;
    private final CamelContext camel;
    private final SftpSettings settings;
    private final TargetGuard guard;
    private final Map<String, String> running = new HashMap<>();

    public SftpPollers(Partners partners, CamelContext camel, SftpSettings settings, TargetGuard guard) {
        this.guard = guard;
        this.partners = partners;
        this.camel = camel;
        this.settings = settings;
    }

    /** Adds, replaces and removes pollers so that they match the partners' SFTP channels. */
    public synchronized void refresh() throws Exception {
        var wanted = new HashMap<String, String>();
        for (Partner partner : partners.all()) {
            partner.channel(ChannelKind.SFTP)
                    .filter(c -> Boolean.parseBoolean(c.setting("poll", "false")))
                    .ifPresent(c -> {
                        Optional<String> refused = guard.refusal(c.address(), Set.of("sftp"));
                        if (refused.isPresent()) {
                            log.warn("partner {}: SFTP server not polled: {}", partner.id(), refused.get());
                            return;
                        }
                        try {
                            wanted.put(partner.id().value(), uri(c));
                        } catch (IllegalArgumentException e) {
                            log.warn("partner {}: SFTP channel cannot be polled: {}", partner.id(), e.getMessage());
                        }
                    });
        }
        Set<String> gone = new HashSet<>(running.keySet());
        gone.removeAll(wanted.keySet());
        for (String partner : gone) {
            remove(partner);
        }
        for (var entry : wanted.entrySet()) {
            if (!entry.getValue().equals(running.get(entry.getKey()))) {
                remove(entry.getKey());
                camel.addRouteFromTemplate(
                        PREFIX + entry.getKey(),
                        SftpRoutes.POLLER,
                        Map.of("uri", entry.getValue(), "partner", entry.getKey()));
                running.put(entry.getKey(), entry.getValue());
                log.info("polling partner {}'s SFTP server", entry.getKey());
            }
        }
    }

    /** Stops and forgets a partner's poller (what it took is in the archive, so a new one takes nothing twice). */
    public synchronized void remove(String partner) throws Exception {
        Route route = camel.getRoute(PREFIX + partner);
        if (route != null) {
            camel.getRouteController().stopRoute(route.getRouteId());
            camel.removeRoute(route.getRouteId());
        }
        running.remove(partner);
    }

    private String uri(ChannelProfile channel) {
        String after =
                switch (channel.setting("afterPickup", "keep")) {
                    case "delete" -> "delete=true";
                    case "move" -> "move=.seamline/${file:onlyname}";
                    default -> "noop=true&idempotent=true&idempotentKey=${file:name}-${file:size}-${file:modified}";
                };
        return SftpTargets.uri(
                channel,
                after + "&readLock=changed&readLockCheckInterval=250&readLockMinAge="
                        + settings.settle().toMillis()
                        + "&antExclude=**/.*,**/*.part,**/*.tmp,**/*.filepart&delay="
                        + settings.poll().toMillis()
                        + "&throwExceptionOnConnectFailed=false&stepwise=false&maximumReconnectAttempts=0");
    }
}
