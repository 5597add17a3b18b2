package io.seamline.adapters.blobs;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Blobs in S3-compatible object storage: one gzipped object per key under {@code prefix} in {@code bucket}. A PUT that S3
 * acknowledged is durable (S3's contract), so {@link #put} returns after it; the same bytes stored twice are one
 * object.
 */
public final class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3BlobStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isEmpty() || prefix.endsWith("/") ? nonNull(prefix) : prefix + "/";
    }

    /** A store on the S3 server {@code s3} names, with its credentials (or the SDK's default ones). */
    public static S3BlobStore connect(BlobSettings.S3 s3) {
        if (s3.bucket() == null || s3.bucket().isBlank()) {
            throw new IllegalStateException("seamline.blobs.store=s3 needs seamline.blobs.s3.bucket");
        }
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                // checksums only where S3 requires them: the SDK's default trailing checksums are refused by most
                // S3-compatible servers (MinIO releases, Ceph, s3proxy); the blob key is the SHA-256 anyway
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        builder.credentialsProvider(
                s3.accessKey() != null && !s3.accessKey().isBlank()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()))
                        : DefaultCredentialsProvider.builder().build());
        return new S3BlobStore(builder.build(), s3.bucket(), s3.prefix());
    }

    private static String nonNull(String prefix) {
        return prefix == null ? "" : prefix;
    }

    @Override
    public String put(byte[] content) {
        String key = BlobStore.key(content);
        byte[] packed = Gzip.pack(content);
        s3.putObject(
                b -> b.bucket(bucket)
                        .key(object(key))
                        .contentType("application/gzip")
                        .contentLength((long) packed.length),
                RequestBody.fromBytes(packed));
        return key;
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Gzip.unpack(
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(object(key))).asByteArray()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(object(key)));
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    private String object(String key) {
        return prefix + BlobStore.checked(key);
    }
}
