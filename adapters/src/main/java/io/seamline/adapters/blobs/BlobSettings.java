package io.seamline.adapters.blobs;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code seamline.blobs}: where raw bytes live. {@code store=file} (the default) keeps them in {@code dir} (default
 * {@code <seamline.data-dir>/blobs}); {@code store=s3} in {@code s3.bucket} under {@code s3.prefix}, at
 * {@code s3.endpoint} (any S3-compatible server; empty for AWS) in {@code s3.region}, with {@code s3.access-key} and
 * {@code s3.secret-key} or, when they are empty, the AWS SDK's default credentials (environment, profile, instance
 * role). {@code s3.path-style} addresses the bucket in the path, as MinIO and most non-AWS servers want.
 */
@ConfigurationProperties("seamline.blobs")
public record BlobSettings(@DefaultValue("file") Store store, Path dir, @DefaultValue S3 s3) {

    public enum Store {
        FILE,
        S3
    }

    public record S3(
            URI endpoint,
            @DefaultValue("us-east-1") String region,
            String bucket,
            @DefaultValue("") String prefix,
            String accessKey,
            String secretKey,
            @DefaultValue("false") boolean pathStyle) {}
}
