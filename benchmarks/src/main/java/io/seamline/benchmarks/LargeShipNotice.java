package io.seamline.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A ~50 MB interchange of 856 ship notices, written once to a temporary file. */
final class LargeShipNotice {

    private LargeShipNotice() {}

    static Path create(long targetBytes) {
        try {
            Path file = Files.createTempFile("seamline-856-", ".edi");
            file.toFile().deleteOnExit();
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
                out.write(
                        "ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*SEAMLINEBUYER  *261120*0930*U*00401*000000905*0*P*>~\n");
                out.write("GS*SH*ACMESUPPLY*SEAMLINEBUYER*20261120*0930*905*X*004010~\n");
                long written = 0;
                int sets = 0;
                while (written < targetBytes) {
                    sets++;
                    String control = String.format("%04d", sets);
                    var set = new StringBuilder();
                    int segments = 0;
                    set.append("ST*856*").append(control).append("~\n");
                    set.append("BSN*00*ASN-").append(sets).append("*20261205*1400*0001~\n");
                    set.append("HL*1**S~\nTD5*B*2*SWFT*M~\nREF*BM*BOL-")
                            .append(sets)
                            .append("~\nDTM*011*20261205~\n");
                    set.append("HL*2*1*O~\nPRF*45000")
                            .append(10000 + sets % 90000)
                            .append("~\n");
                    segments += 8;
                    for (int i = 1; i <= 20; i++) {
                        set.append("HL*")
                                .append(i + 2)
                                .append("*2*I~\nLIN*")
                                .append(i)
                                .append("*BP*WID-")
                                .append(i)
                                .append("*VP*AC-W")
                                .append(i)
                                .append("~\nSN1**")
                                .append(10 * i)
                                .append("*EA~\n");
                        segments += 3;
                    }
                    set.append("CTT*22~\n");
                    segments += 2;
                    set.append("SE*")
                            .append(segments)
                            .append('*')
                            .append(control)
                            .append("~\n");
                    out.write(set.toString());
                    written += set.length();
                }
                out.write("GE*" + sets + "*905~\nIEA*1*000000905~\n");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
