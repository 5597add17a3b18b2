package io.seamline.routes.pipeline;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code seamline.edi}: a folder of partners' own mapping files ({@code partner-mappings}, {@code *.json}); none by default. */
@ConfigurationProperties("seamline.edi")
record EdiSettings(Path partnerMappings) {}
