package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Fixtures.ACME;
import static io.seamline.adapters.persistence.Fixtures.GLOBEX;
import static io.seamline.adapters.persistence.Fixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seamline.model.partner.IdentifierScheme;
import io.seamline.model.partner.PartnerIdentifier;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

class PartnersIT {

    private final TestDatabase db = TestDatabase.get();
    private final Partners partners = new Partners(db.jdbc, TestDatabase.CLOCK);

    @BeforeEach
    void clean() {
        db.clean();
    }

    @Test
    void keepsAPartnerWithItsIdentifiersChannelsAndOverrides() {
        partners.add(supplier(ACME, "ACMESUPPLY"));

        assertThat(partners.find(ACME)).hasValue(supplier(ACME, "ACMESUPPLY"));
        assertThat(partners.exists(ACME)).isTrue();
        assertThat(partners.exists(GLOBEX)).isFalse();
    }

    @Test
    void identifiesThePartnerBehindAnIdentifier() {
        partners.add(supplier(ACME, "ACMESUPPLY"));
        partners.add(supplier(GLOBEX, "GLOBEX"));

        assertThat(partners.identify(PartnerIdentifier.x12("ZZ", "GLOBEX"))).hasValue(GLOBEX);
        assertThat(partners.identify(PartnerIdentifier.of(IdentifierScheme.EMAIL_DOMAIN, "ACME-SUPPLY.example")))
                .hasValue(ACME);
        assertThat(partners.identify(PartnerIdentifier.x12("01", "GLOBEX"))).isEmpty();
    }

    @Test
    void refusesAnIdentifierThatAnotherPartnerGoesBy() {
        partners.add(supplier(ACME, "ACMESUPPLY"));

        assertThat(partners.takenByOthers(GLOBEX, supplier(GLOBEX, "ACMESUPPLY").identifiers()))
                .containsExactly(PartnerIdentifier.x12("ZZ", "ACMESUPPLY"));
        assertThatThrownBy(() -> partners.add(supplier(GLOBEX, "ACMESUPPLY")))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void replacesAProfileOnUpdate() {
        partners.add(supplier(ACME, "ACMESUPPLY"));
        var renamed = supplier(ACME, "ACME2");

        partners.update(renamed);

        assertThat(partners.find(ACME).orElseThrow().identifiers()).contains(PartnerIdentifier.x12("ZZ", "ACME2"));
        assertThat(partners.identify(PartnerIdentifier.x12("ZZ", "ACMESUPPLY"))).isEmpty();
        assertThat(partners.all()).hasSize(1);
    }

    @Test
    void readsAPartnerOncePerTransactionAndAgainAfterItChanges() {
        partners.add(supplier(ACME, "ACMESUPPLY"));

        db.transactions.executeWithoutResult(tx -> {
            var first = partners.find(ACME).orElseThrow();
            db.jdbc
                    .sql("update partner set name = 'Renamed behind its back' where id = :id")
                    .param("id", ACME.value())
                    .update();
            assertThat(partners.find(ACME)).as("the transaction's copy").hasValue(first);

            partners.update(supplier(ACME, "ACME2"));
            assertThat(partners.find(ACME).orElseThrow().identifiers())
                    .as("read again after the repository changed it")
                    .contains(PartnerIdentifier.x12("ZZ", "ACME2"));
        });
        db.jdbc
                .sql("update partner set name = 'Renamed' where id = :id")
                .param("id", ACME.value())
                .update();

        assertThat(partners.find(ACME).orElseThrow().name())
                .as("a new transaction reads anew")
                .isEqualTo("Renamed");
    }

    @Test
    void identifiesASenderOncePerTransactionAndAnewAfterItsIdentifiersChange() {
        partners.add(supplier(ACME, "ACMESUPPLY"));
        var acme = PartnerIdentifier.x12("ZZ", "ACMESUPPLY");
        var globex = PartnerIdentifier.x12("ZZ", "GLOBEX");

        db.transactions.executeWithoutResult(tx -> {
            long before = identifierReads();
            assertThat(partners.identify(acme)).hasValue(ACME);
            assertThat(partners.identify(acme)).hasValue(ACME);
            assertThat(identifierReads() - before)
                    .as("reads of the identifiers for two asks")
                    .isEqualTo(1);
            assertThat(partners.identify(globex)).as("nobody yet").isEmpty();

            partners.add(supplier(GLOBEX, "GLOBEX"));
            assertThat(partners.identify(globex))
                    .as("onboarded in the same transaction")
                    .hasValue(GLOBEX);

            partners.update(supplier(ACME, "ACME2"));
            assertThat(partners.identify(acme))
                    .as("an identifier its partner gave up, in the same transaction")
                    .isEmpty();
            assertThat(partners.identify(PartnerIdentifier.x12("ZZ", "ACME2"))).hasValue(ACME);
        });
    }

    @Test
    void listsPartnersById() {
        partners.add(supplier(GLOBEX, "GLOBEX"));
        partners.add(supplier(ACME, "ACMESUPPLY"));

        assertThat(partners.all()).extracting(p -> p.id()).isEqualTo(List.of(ACME, GLOBEX));
    }

    /** This connection's reads of the identifier table so far in its transaction (scans of it or its indexes). */
    private long identifierReads() {
        return db.jdbc
                .sql("select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) from pg_stat_xact_user_tables"
                        + " where relname = 'partner_identifier'")
                .query(Long.class)
                .single();
    }
}
