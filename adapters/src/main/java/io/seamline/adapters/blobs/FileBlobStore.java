package io.seamline.adapters.blobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Blobs in a folder ({@code <data-dir>/blobs} by default): {@code ab/abcd…} by key (256 folders: a second level
 * would cost a 4 KB folder per few blobs), gzipped. A blob is written to a temporary file, forced to disk, moved into
 * place atomically and its folder forced, so a crash leaves either the whole blob or none.
 */
public final class FileBlobStore implements BlobStore {

    private final Path root;

    public FileBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob folder " + this.root, e);
        }
    }

    @Override
    public String put(byte[] content) {
        String key = BlobStore.key(content);
        Path target = path(key);
        if (Files.exists(target)) {
            return key;
        }
        Path folder = target.getParent();
        Path temporary = folder.resolve("." + key + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(folder);
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(Gzip.pack(content));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another writer stored the same bytes first
                Files.deleteIfExists(temporary);
            }
            force(folder);
            return key;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the temporary file is left behind; it is never read
            }
            throw new UncheckedIOException("cannot store blob " + key + " in " + root, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Gzip.unpack(Files.readAllBytes(path(key))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + key + " from " + root, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete blob " + key + " from " + root, e);
        }
    }

    @Override
    public String location() {
        return root.toUri().toString();
    }

    private Path path(String key) {
        BlobStore.checked(key);
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    private static void force(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
