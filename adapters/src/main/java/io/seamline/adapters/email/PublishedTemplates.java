package io.seamline.adapters.email;

import io.seamline.mappings.email.EmailTemplate;
import java.util.Optional;

/** Partner e-mail templates published at run time, over the template files: the one in force for a partner, if any. */
public interface PublishedTemplates {

    Optional<EmailTemplate> template(String partnerId);

    PublishedTemplates NONE = partnerId -> Optional.empty();
}
