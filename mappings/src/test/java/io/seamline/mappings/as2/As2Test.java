package io.seamline.mappings.as2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class As2Test {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final KeyEntry US =
            SelfSigned.create("us", "SEAMLINE", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(365)));
    static final KeyEntry PARTNER =
            SelfSigned.create("acme", "ACME", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(365)));
    static final byte[] EDI =
            "ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*SEAMLINEBUYER  *261127*1200*U*00401*000000001*0*P*>~\nIEA*0*000000001~\n"
                    .getBytes(StandardCharsets.US_ASCII);

    static final Sealing.Agreement ALL = new Sealing.Agreement(MicAlgorithm.SHA256, Encryption.AES256, true);

    private static Opening.Keys ourKeys(X509CertificateList partner) {
        return new Opening.Keys(List.of(US), partner.list(), false, NOW);
    }

    record X509CertificateList(List<java.security.cert.X509Certificate> list) {}

    @Test
    void opensASignedEncryptedCompressedMessageAndReturnsTheMicTheSenderExpects() {
        var sealed = Sealing.seal(EDI, "application/edi-x12", "po.edi", ALL, PARTNER, US.certificate());

        var opened = Opening.open(
                sealed.contentType(),
                "binary",
                sealed.body(),
                ourKeys(new X509CertificateList(List.of(PARTNER.certificate()))),
                MicAlgorithm.SHA256);

        assertThat(opened).isInstanceOf(Opening.Payload.class);
        var payload = (Opening.Payload) opened;
        assertThat(payload.content()).isEqualTo(EDI);
        assertThat(payload.signed() && payload.encrypted() && payload.compressed())
                .isTrue();
        assertThat(payload.fileName()).isEqualTo("po.edi");
        assertThat(Mdn.sameMic(sealed.mic(), payload.mic()))
                .as(sealed.mic() + " vs " + payload.mic())
                .isTrue();
    }

    @Test
    void duringOurOwnKeyRolloverMessagesEncryptedToThePreviousKeyStillOpen() {
        var next = SelfSigned.create("next", "SEAMLINE", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(730)));
        var sealed = Sealing.seal(EDI, "application/edi-x12", null, ALL, PARTNER, US.certificate());

        var opened = Opening.open(
                sealed.contentType(),
                "binary",
                sealed.body(),
                new Opening.Keys(List.of(next, US), List.of(PARTNER.certificate()), true, NOW),
                MicAlgorithm.SHA256);

        assertThat(opened).isInstanceOf(Opening.Payload.class);
        assertThat(problem(Opening.open(
                        sealed.contentType(),
                        "binary",
                        sealed.body(),
                        new Opening.Keys(List.of(next), List.of(PARTNER.certificate()), true, NOW),
                        MicAlgorithm.SHA256)))
                .isEqualTo(Disposition.DECRYPTION_FAILED);
    }

    @Test
    void aPlainMessageHasTheMicOfItsContentAlone() {
        var sealed =
                Sealing.seal(EDI, "application/edi-x12", null, new Sealing.Agreement(null, null, false), null, null);
        var payload = (Opening.Payload) Opening.open(
                sealed.contentType(),
                null,
                sealed.body(),
                ourKeys(new X509CertificateList(List.of())),
                MicAlgorithm.SHA256);
        assertThat(payload.content()).isEqualTo(EDI);
        assertThat(payload.mic()).isEqualTo(sealed.mic());
    }

    @Test
    void namesTheDispositionOfEveryFailure() {
        var signed = Sealing.seal(
                EDI,
                "application/edi-x12",
                null,
                new Sealing.Agreement(MicAlgorithm.SHA256, null, false),
                PARTNER,
                null);
        var stranger = SelfSigned.create("x", "STRANGER", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));
        var expired = SelfSigned.create("old", "ACME", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));

        // another certificate on file for the partner
        assertThat(problem(Opening.open(
                        signed.contentType(),
                        null,
                        signed.body(),
                        ourKeys(new X509CertificateList(List.of(stranger.certificate()))),
                        MicAlgorithm.SHA256)))
                .isEqualTo(Disposition.AUTHENTICATION_FAILED);
        // signed with a certificate that has expired
        var byExpired = Sealing.seal(
                EDI,
                "application/edi-x12",
                null,
                new Sealing.Agreement(MicAlgorithm.SHA256, null, false),
                expired,
                null);
        assertThat(problem(Opening.open(
                        byExpired.contentType(),
                        null,
                        byExpired.body(),
                        ourKeys(new X509CertificateList(List.of(expired.certificate()))),
                        MicAlgorithm.SHA256)))
                .isEqualTo(Disposition.AUTHENTICATION_FAILED);
        // content changed after signing
        String tampered = new String(signed.body(), StandardCharsets.ISO_8859_1).replace("000000001", "000000009");
        assertThat(problem(Opening.open(
                        signed.contentType(),
                        null,
                        tampered.getBytes(StandardCharsets.ISO_8859_1),
                        ourKeys(new X509CertificateList(List.of(PARTNER.certificate()))),
                        MicAlgorithm.SHA256)))
                .isEqualTo(Disposition.INTEGRITY_CHECK_FAILED);
        // encrypted to someone else
        var forStranger = Sealing.seal(EDI, "application/edi-x12", null, ALL, PARTNER, stranger.certificate());
        assertThat(problem(Opening.open(
                        forStranger.contentType(),
                        "binary",
                        forStranger.body(),
                        ourKeys(new X509CertificateList(List.of(PARTNER.certificate()))),
                        MicAlgorithm.SHA256)))
                .isEqualTo(Disposition.DECRYPTION_FAILED);
        // an unsigned message where the agreement wants a signature
        var plain =
                Sealing.seal(EDI, "application/edi-x12", null, new Sealing.Agreement(null, null, false), null, null);
        assertThat(problem(Opening.open(
                        plain.contentType(),
                        null,
                        plain.body(),
                        new Opening.Keys(List.of(US), List.of(PARTNER.certificate()), true, NOW),
                        MicAlgorithm.SHA256)))
                .isEqualTo(Disposition.AUTHENTICATION_FAILED);
    }

    @Test
    void aSignedMdnIsReadBackWithItsMicAndDisposition() {
        var receipt = new Mdn.Receipt("<abc@acme>", Disposition.processed(), "q83vEjRWeJA=, sha-256", null);
        var composed = Mdn.compose("SEAMLINE", receipt, US, MicAlgorithm.SHA256);

        var read = Mdn.read(composed.contentType(), null, composed.body(), List.of(US.certificate()), NOW);

        assertThat(read).isInstanceOf(Mdn.Valid.class);
        var valid = (Mdn.Valid) read;
        assertThat(valid.signed()).isTrue();
        assertThat(valid.receipt().originalMessageId()).isEqualTo("<abc@acme>");
        assertThat(valid.receipt().disposition().ok()).isTrue();
        assertThat(valid.receipt().mic()).isEqualTo("q83vEjRWeJA=, sha-256");

        var failed = Mdn.compose(
                "SEAMLINE", new Mdn.Receipt("<x@y>", Disposition.error("decryption-failed"), null, null), null, null);
        var unsigned = (Mdn.Valid) Mdn.read(failed.contentType(), null, failed.body(), List.of(), NOW);
        assertThat(unsigned.signed()).isFalse();
        assertThat(unsigned.receipt().disposition().problem()).isEqualTo("decryption-failed");
    }

    @Test
    void readsWhatSendersAskOfTheMdn() {
        var options = DispositionOptions.parse(
                "signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-512, sha1");
        assertThat(options.signed()).isTrue();
        assertThat(options.micAlgorithm()).isEqualTo(MicAlgorithm.SHA512);
        assertThat(DispositionOptions.parse(null).signed()).isFalse();
        assertThat(Disposition.parse("automatic-action/MDN-sent-automatically; processed/error: authentication-failed")
                        .problem())
                .isEqualTo("authentication-failed");
    }

    private static String problem(Opening.Opened opened) {
        assertThat(opened).isInstanceOf(Opening.Refused.class);
        return ((Opening.Refused) opened).disposition().problem();
    }
}
