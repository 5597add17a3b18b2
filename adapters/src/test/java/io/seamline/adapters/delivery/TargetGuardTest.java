package io.seamline.adapters.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetGuardTest {

    private final TargetGuard guard = new TargetGuard(Set.of("127.0.0.1:9443"));

    @Test
    void refusesEveryInternalAddressWhateverItIsWritten() {
        for (String url : List.of(
                "http://127.0.0.1/",
                "http://localhost/",
                "http://10.0.0.1/",
                "http://172.16.5.4/",
                "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/",
                "http://0.0.0.0/",
                "http://0177.0.0.1/",
                "http://0x7f.0.0.1/",
                "http://0x7f000001/",
                "http://2130706433/",
                "http://127.1/",
                "http://017700000001/",
                "http://[::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[fd00::1]/",
                "http://[fe80::1]/",
                "http://[64:ff9b::7f00:1]/",
                "http://[64:ff9b:1::a00:1]/",
                "http://[2002:7f00:1::]/",
                "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/")) {
            assertThat(guard.refusal(url)).as(url).isPresent();
            assertThat(guard.configurationProblem(url, Set.of("http", "https")))
                    .as(url)
                    .isPresent();
        }
    }

    @Test
    void letsPublicAddressesAndTheDeploymentsOwnReceiversThrough() {
        assertThat(guard.refusal("https://93.184.215.14/hook")).isEmpty();
        assertThat(guard.refusal("http://[2606:4700::1111]/hook")).isEmpty();
        assertThat(guard.refusal("https://127.0.0.1:9443/receiver")).isEmpty();
        assertThat(guard.refusal("https://127.0.0.1:9444/receiver")).isPresent();
    }

    @Test
    void aNameThatDoesNotResolveYetMayBeConfiguredButIsNotCalled() {
        String url = "https://as2.partner.invalid/as2";

        assertThat(guard.configurationProblem(url, Set.of("http", "https"))).isEmpty();
        assertThat(guard.refusal(url)).hasValueSatisfying(r -> assertThat(r).contains("does not resolve"));
    }

    @Test
    void onlyTheSchemesAskedForAndNoUserInformation() {
        assertThat(guard.refusal("file:///etc/passwd")).isPresent();
        assertThat(guard.refusal("gopher://93.184.215.14/")).isPresent();
        assertThat(guard.refusal("https://user:pw@93.184.215.14/")).isPresent();
        assertThat(guard.configurationProblem("sftp://10.0.0.5/in", Set.of("sftp")))
                .isPresent();
        assertThat(guard.configurationProblem("sftp://edi.partner.invalid/in", Set.of("sftp")))
                .isEmpty();
    }

    @Test
    void namesThatLookLikeNumbersButAreNamesAreNames() {
        assertThat(TargetGuard.ambiguousIpv4("cafe.be")).isEmpty();
        assertThat(TargetGuard.ambiguousIpv4("93.184.215.14")).isEmpty();
        assertThat(TargetGuard.ambiguousIpv4("1.2.3")).isPresent();
        assertThat(TargetGuard.ambiguousIpv4("01.2.3.4")).isPresent();
    }
}
