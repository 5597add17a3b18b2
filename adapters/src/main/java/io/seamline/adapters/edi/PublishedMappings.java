package io.seamline.adapters.edi;

import io.seamline.mappings.edi.PartnerMapping;
import java.util.Optional;

/**
 * Partner mappings published at run time, over the mapping files: the one in force for a partner, if any. Read on
 * every node from the database, so a published mapping takes effect everywhere without a restart.
 */
public interface PublishedMappings {

    /** A published mapping in force, or empty: the file's (or the standard) mapping applies. */
    Optional<PartnerMapping> current(String partnerId);

    PublishedMappings NONE = partnerId -> Optional.empty();
}
