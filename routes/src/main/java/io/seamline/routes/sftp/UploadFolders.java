package io.seamline.routes.sftp;

import java.io.File;
import java.util.regex.Pattern;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.stereotype.Component;

/**
 * Which parts of the SFTP tree the uploads poller walks: a partner's folder and its {@code in/} folder, never its
 * {@code out/} folder (where our files wait for the partner, thousands of them on a busy day) and nothing deeper; of
 * the files in {@code in/}, the complete ones (not {@code *.part}, {@code *.tmp}, {@code *.filepart} or hidden).
 */
@Component(UploadFolders.BEAN)
class UploadFolders implements GenericFileFilter<File> {

    /** Bean name the uploads route refers to. */
    public static final String BEAN = "sftpUploadFolders";

    private static final Pattern SEPARATOR = Pattern.compile("[/\\\\]");

    @Override
    public boolean accept(GenericFile<File> file) {
        String[] path = SEPARATOR.split(file.getRelativeFilePath());
        if (file.isDirectory()) {
            return path.length == 1 || (path.length == 2 && path[1].equals("in"));
        }
        return path.length == 3 && path[1].equals("in") && complete(path[2]);
    }

    static boolean complete(String name) {
        return !name.startsWith(".")
                && !name.endsWith(".part")
                && !name.endsWith(".tmp")
                && !name.endsWith(".filepart");
    }
}
