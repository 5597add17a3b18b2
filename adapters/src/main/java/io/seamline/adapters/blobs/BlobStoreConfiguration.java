package io.seamline.adapters.blobs;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The blob store {@code seamline.blobs} names. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobSettings.class)
class BlobStoreConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BlobStoreConfiguration.class);

    @Bean
    BlobStore blobStore(
            BlobSettings settings,
            @Value("${seamline.data-dir:./data}") Path dataDir,
            @Value("${seamline.bus.mode:local}") String busMode) {
        if ("kafka".equalsIgnoreCase(busMode)
                && settings.store() == BlobSettings.Store.FILE
                && settings.dir() == null) {
            // a node processes messages other nodes received: their bytes must be where every node reads
            throw new IllegalStateException(
                    "with seamline.bus.mode=kafka every node reads the bytes of messages other"
                            + " nodes received: set seamline.blobs.dir to a folder all nodes share, or seamline.blobs.store=s3");
        }
        BlobStore store = settings.store() == BlobSettings.Store.S3
                ? S3BlobStore.connect(settings.s3())
                : new FileBlobStore(settings.dir() != null ? settings.dir() : dataDir.resolve("blobs"));
        LOG.info("Raw bytes are stored in {}", store.location());
        return store;
    }
}
