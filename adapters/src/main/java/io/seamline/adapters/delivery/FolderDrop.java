package io.seamline.adapters.delivery;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/**
 * Writes a message into a folder: first under a hidden temporary name, then renamed, so a poller on the other side
 * (an SFTP server, an AS2 sender) never sees half a file. The same transfer twice leaves one file.
 */
@Component
public class FolderDrop {

    public void send(Transfer transfer) throws TransferFailed {
        Path folder = Path.of(transfer.target());
        String name = safe(transfer.fileName());
        try {
            Files.createDirectories(folder);
            Path temporary = folder.resolve("." + name + ".part");
            Files.write(temporary, transfer.content());
            Path target = folder.resolve(name);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            throw new TransferFailed("cannot write " + name + " into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** File names come from our own document types and control numbers; anything else is replaced. */
    static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "message" + cleaned : cleaned;
    }
}
