package io.seamline.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an erasure matches, asked of PostgreSQL (which redacts text and JSON columns with the pattern) and of Java
 * (which reads mails and packed JSON with it): the same answers, and only the value where it stands whole.
 */
class ErasurePatternsIT {

    private final TestDatabase db = TestDatabase.get();

    private record Case(String field, String value, String text, boolean erased) {}

    private static final List<Case> CASES = List.of(
            new Case("name", "Erin Vale", "Regards, Erin Vale", true),
            new Case("name", "Erin Vale", "regards,\nERIN   VALE, +44 20 7946 0991", true),
            new Case("name", "Erin Vale", "{\"note\": \"Hello,\\nErin Vale\"}", true),
            new Case("name", "Erin Vale", "{\"note\": \"Erin Valença\"}", false),
            new Case("name", "Ann", "Ann called about line 2", true),
            new Case("name", "Ann", "the annual plan as planned", false),
            new Case("name", "Ann", "Annabel called", false),
            new Case("name", "Ann", "{\"contact\": \"Ann\"}", true),
            new Case("name", "kind", "{\"kind\": \"EMAIL\", \"address\": \"a@b.example\"}", false),
            new Case("name", "José", "Josélito", false),
            new Case("name", "José", "signed: josé", true),
            new Case("name", "O'Brien", "Dear O'Brien,", true),
            new Case("email", "bob@x.example", "From: Bob <bob@x.example>", true),
            new Case("email", "bob@x.example", "mailto:BOB@X.EXAMPLE.", true),
            new Case("email", "bob@x.example", "{\"address\": \"bob@x.example\"}", true),
            new Case("email", "bob@x.example", "jim.bob@x.example", false),
            new Case("email", "bob@x.example", "jim-bob@x.example", false),
            new Case("email", "bob@x.example", "bob@x.example.org", false),
            new Case("email", "bob@x.example", "bob@x.examples", false),
            new Case("email", "bob@x.example", "a+bob@x.example", false),
            new Case("email", "b.o.b@x.example", "bxoxb@x.example", false));

    @Test
    void aPersonsDataIsMatchedWhereItStandsWholeAlikeInPostgresqlAndJava() {
        for (Case c : CASES) {
            String pattern = ErasureStore.pattern(c.field(), c.value());
            boolean inPostgresql = db.jdbc
                    .sql("select cast(:text as text) ~* :pattern")
                    .param("text", c.text())
                    .param("pattern", pattern)
                    .query(Boolean.class)
                    .single();
            boolean inJava = ErasureStore.matcher(pattern).matcher(c.text()).find();

            assertThat(inPostgresql)
                    .as("PostgreSQL: %s in %s", c.value(), c.text())
                    .isEqualTo(c.erased());
            assertThat(inJava).as("Java: %s in %s", c.value(), c.text()).isEqualTo(c.erased());
        }
    }

    @Test
    void aRedactedJsonTextIsStillJson() {
        String pattern = ErasureStore.pattern("name", "Erin Vale");
        String redacted = db.jdbc
                .sql("select cast(regexp_replace(cast(cast(:json as jsonb) as text), :pattern, :marker, 'gi') as jsonb)"
                        + "::text")
                .param("json", "{\"note\": \"Hello,\\nErin Vale\", \"Erin Vale\": \"kept as a key\"}")
                .param("pattern", pattern)
                .param("marker", "[redacted: erasure 1]")
                .query(String.class)
                .single();

        assertThat(redacted).contains("Hello,\\n[redacted: erasure 1]").contains("\"Erin Vale\": \"kept as a key\"");
    }
}
