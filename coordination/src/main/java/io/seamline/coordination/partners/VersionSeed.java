package io.seamline.coordination.partners;

import io.seamline.adapters.persistence.PartnerVersions;
import io.seamline.adapters.persistence.Partners;
import io.seamline.mappings.json.Json;
import io.seamline.model.partner.Partner;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partners from before versions were kept get their version 1 (the profile as it runs) when the gateway starts, so
 * every decision names a version. Each partner in its own transaction; another node doing the same is harmless.
 */
@Component
class VersionSeed {

    private static final Logger log = LoggerFactory.getLogger(VersionSeed.class);

    private final Partners partners;
    private final PartnerVersions versions;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VersionSeed(Partners partners, PartnerVersions versions, TransactionTemplate transactions, Clock clock) {
        this.partners = partners;
        this.versions = versions;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        int seeded = 0;
        for (Partner partner : partners.all()) {
            try {
                Boolean done = transactions.execute(tx -> {
                    if (versions.current(partner.id()) != 0) {
                        return false;
                    }
                    versions.append(
                            partner.id(),
                            Json.write(partner),
                            "seamline",
                            "the profile as it ran before versions were kept",
                            clock.instant(),
                            null);
                    return true;
                });
                seeded += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (DuplicateKeyException e) {
                // another node seeded it first
            }
        }
        if (seeded > 0) {
            log.info("Partner configuration versions: {} partner(s) got their version 1", seeded);
        }
    }
}
