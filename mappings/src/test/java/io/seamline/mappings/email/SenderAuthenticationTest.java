package io.seamline.mappings.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SenderAuthenticationTest {

    private static final String OURS = "mx.buyer.example";

    @Test
    void dmarcOrAnAlignedDkimSignatureJudgedByOurServerAuthenticates() {
        assertThat(SenderAuthentication.problem(
                        List.of(
                                "mx.buyer.example; spf=pass smtp.mailfrom=acme.example; dmarc=pass header.from=acme.example"),
                        OURS,
                        "acme.example"))
                .isEmpty();
        assertThat(SenderAuthentication.problem(
                        List.of("mx.buyer.example 1; dkim=pass (2048-bit key) header.d=acme.example header.s=s1"),
                        OURS,
                        "mail.acme.example"))
                .isEmpty();
    }

    @Test
    void anotherServersVerdictSpfAloneOrAFailureAuthenticatesNothing() {
        assertThat(SenderAuthentication.problem(
                        List.of("mx.attacker.example; dmarc=pass header.from=acme.example"), OURS, "acme.example"))
                .hasValueSatisfying(p -> assertThat(p).contains("no Authentication-Results of our mail server"));
        assertThat(SenderAuthentication.problem(
                        List.of("mx.buyer.example; spf=pass smtp.mailfrom=acme.example; dmarc=fail"),
                        OURS,
                        "acme.example"))
                .hasValueSatisfying(p -> assertThat(p).contains("spf=pass", "dmarc=fail"));
        assertThat(SenderAuthentication.problem(
                        List.of("mx.buyer.example; dkim=pass header.d=attacker.example"), OURS, "acme.example"))
                .isPresent();
        assertThat(SenderAuthentication.problem(List.of(), OURS, "acme.example"))
                .isPresent();
    }

    @Test
    void onlyTheTopmostVerdictOfOurServerCounts() {
        // the sender wrote a second header in our server's name below the one our server added
        assertThat(SenderAuthentication.problem(
                        List.of(
                                "mx.buyer.example; dmarc=fail header.from=acme.example",
                                "mx.buyer.example; dmarc=pass header.from=acme.example"),
                        OURS,
                        "acme.example"))
                .isPresent();
    }
}
