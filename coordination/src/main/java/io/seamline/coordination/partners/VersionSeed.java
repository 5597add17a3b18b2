package io.seamline.coordination.partners;

import io.seamline.adapters.persistence.Partners;
import io.seamline.model.partner.Partner;
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
    private final PartnerDirectory directory;
    private final TransactionTemplate transactions;

    VersionSeed(Partners partners, PartnerDirectory directory, TransactionTemplate transactions) {
        this.partners = partners;
        this.directory = directory;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        int seeded = 0;
        for (Partner partner : partners.all()) {
            try {
                Boolean done = transactions.execute(tx -> directory.keepAsFirstVersion(partner));
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
