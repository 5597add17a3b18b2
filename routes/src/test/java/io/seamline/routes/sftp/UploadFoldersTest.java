package io.seamline.routes.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.Test;

class UploadFoldersTest {

    private final UploadFolders folders = new UploadFolders();

    private boolean accepts(String relativePath, boolean directory) {
        var file = new GenericFile<File>();
        file.setRelativeFilePath(relativePath);
        file.setDirectory(directory);
        return folders.accept(file);
    }

    @Test
    void walksIntoAPartnersFolderAndItsInFolderOnly() {
        assertThat(accepts("acme-supply", true)).isTrue();
        assertThat(accepts("acme-supply/in", true)).isTrue();
        assertThat(accepts("acme-supply/out", true)).isFalse();
        assertThat(accepts("acme-supply/in/archive", true)).isFalse();
    }

    @Test
    void takesCompleteFilesFromInOnly() {
        assertThat(accepts("acme-supply/in/855-1.edi", false)).isTrue();
        assertThat(accepts("acme-supply/out/997-1.x12", false)).isFalse();
        assertThat(accepts("acme-supply/855-1.edi", false)).isFalse();
        assertThat(accepts("loose.edi", false)).isFalse();
    }

    @Test
    void leavesFilesStillBeingWrittenOrHidden() {
        assertThat(accepts("acme-supply/in/855-1.edi.part", false)).isFalse();
        assertThat(accepts("acme-supply/in/855-1.edi.tmp", false)).isFalse();
        assertThat(accepts("acme-supply/in/855-1.edi.filepart", false)).isFalse();
        assertThat(accepts("acme-supply/in/.855-1.edi", false)).isFalse();
    }
}
