package io.seamline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seamline.adapters.blobs.BlobSettings;
import io.seamline.adapters.blobs.BlobStore;
import io.seamline.adapters.blobs.FileBlobStore;
import io.seamline.adapters.blobs.S3BlobStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same contract for both stores: a folder, and S3 through the AWS SDK against a real S3 API server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlobStoresIT {

    private static final String BUCKET = "seamline-blobs";

    @TempDir
    static Path dir;

    private S3Server s3;

    @BeforeAll
    void startS3() {
        s3 = S3Server.start(BUCKET);
    }

    @AfterAll
    void stopS3() {
        s3.close();
    }

    Stream<BlobStore> stores() {
        return Stream.of(
                new FileBlobStore(dir.resolve("blobs")),
                S3BlobStore.connect(new BlobSettings.S3(
                        s3.endpoint(), "eu-central-1", BUCKET, "raw", S3Server.ACCESS_KEY, S3Server.SECRET_KEY, true)));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void bytesComeBackByTheirSha256AndTheSameBytesAreOneBlob(BlobStore store) {
        byte[] mail = "From: anna@supplier.example\r\n\r\nPO 4500012345 ships Friday".getBytes(StandardCharsets.UTF_8);

        String key = store.put(mail);
        String again = store.put(mail.clone());

        assertThat(key).isEqualTo(BlobStore.key(mail)).isEqualTo(again).hasSize(64);
        assertThat(store.get(key)).hasValue(mail);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aDeletedOrUnknownBlobIsEmptyAndDeletingItAgainChangesNothing(BlobStore store) {
        String key = store.put(new byte[] {1, 2, 3});

        store.delete(key);
        store.delete(key);

        assertThat(store.get(key)).isEmpty();
        assertThat(store.get(BlobStore.key(new byte[] {9}))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aKeyThatIsNotAHashIsRefusedBeforeItReachesAPathOrAnObject(BlobStore store) {
        assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("raw/other-tenant")).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void blobsAreKeptCompressedAndComeBackAsReceived() throws Exception {
        var store = new FileBlobStore(dir.resolve("packed"));
        byte[] interchange =
                "PO1*1*500*EA*2.50**BP*WID-100*VP*AC-W100~\n".repeat(200).getBytes(StandardCharsets.UTF_8);

        String key = store.put(interchange);

        try (var files = Files.walk(dir.resolve("packed"))) {
            long stored = files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
            assertThat(stored).isLessThan(interchange.length / 10);
        }
        assertThat(store.get(key)).hasValue(interchange);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anEmptyDocumentIsABlobToo(BlobStore store) {
        String key = store.put(new byte[0]);

        assertThat(store.get(key)).hasValue(new byte[0]);
    }

    @org.junit.jupiter.api.Test
    void theFolderStoreLeavesNoTemporaryFilesAndSpreadsBlobsOverSubfolders() throws Exception {
        var store = new FileBlobStore(dir.resolve("spread"));
        String key = store.put("abc".getBytes(StandardCharsets.UTF_8));

        try (var files = Files.walk(dir.resolve("spread"))) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> dir.resolve("spread").relativize(p).toString()))
                    .containsExactly(key.substring(0, 2) + "/" + key);
        }
    }

    @org.junit.jupiter.api.Test
    void theS3StoreWritesOneObjectPerBlobUnderItsPrefix() {
        long before = s3.objects(BUCKET);
        BlobStore store = S3BlobStore.connect(new BlobSettings.S3(
                s3.endpoint(), "eu-central-1", BUCKET, "counted/", S3Server.ACCESS_KEY, S3Server.SECRET_KEY, true));

        store.put("one".getBytes(StandardCharsets.UTF_8));
        store.put("one".getBytes(StandardCharsets.UTF_8));
        store.put("two".getBytes(StandardCharsets.UTF_8));

        assertThat(s3.objects(BUCKET) - before).isEqualTo(2);
        assertThat(store.location()).isEqualTo("s3://" + BUCKET + "/counted/");
    }

    @org.junit.jupiter.api.Test
    void wrongCredentialsAreAnErrorNotAnEmptyBlob() {
        BlobStore store = S3BlobStore.connect(new BlobSettings.S3(
                s3.endpoint(), "eu-central-1", BUCKET, "", S3Server.ACCESS_KEY, "not-the-secret", true));

        assertThatThrownBy(() -> store.put(new byte[] {1})).isInstanceOf(RuntimeException.class);
    }
}
