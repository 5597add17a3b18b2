package io.seamline.adapters.persistence;

import static io.seamline.adapters.persistence.Fixtures.ACME;
import static io.seamline.adapters.persistence.Fixtures.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.message.MessageId;
import io.seamline.model.partner.PartnerId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboundInterchangesIT {

    private final TestDatabase db = TestDatabase.get();
    private final InboundInterchanges interchanges = new InboundInterchanges(db.jdbc);

    @BeforeEach
    void clean() {
        db.clean();
    }

    @Test
    void aBatchsAcknowledgementsAreWrittenTogetherAtCommitAndADuplicateInItStillFindsTheFirstOnesAcknowledgement() {
        String first = "000000101";
        String second = "000000102";
        MessageId one = MessageId.random();
        MessageId again = MessageId.random();
        MessageId other = MessageId.random();
        MessageId ackOne = MessageId.random();
        MessageId ackOther = MessageId.random();

        db.transactions.executeWithoutResult(tx -> {
            assertThat(interchanges.register(ACME, first, one)).isEqualTo(one);
            interchanges.acknowledged(ACME, first, ackOne);
            assertThat(interchanges.register(ACME, second, other)).isEqualTo(other);
            interchanges.acknowledged(ACME, second, ackOther);
            assertThat(stored(ACME, first)).as("held until the batch commits").isNull();

            assertThat(interchanges.register(ACME, first, again))
                    .as("the same interchange again in the batch: a duplicate of the first")
                    .isEqualTo(one);
            assertThat(interchanges.acknowledgementOf(ACME, first))
                    .as("its acknowledgement, to send again")
                    .hasValue(ackOne);
        });

        assertThat(stored(ACME, first)).isEqualTo(ackOne.toString());
        assertThat(stored(ACME, second)).isEqualTo(ackOther.toString());
    }

    @Test
    void anotherPartnersInterchangeWithTheSameControlNumberIsItsOwnAndFindsNoAcknowledgement() {
        String control = "000000201";
        MessageId acme = MessageId.random();
        MessageId globex = MessageId.random();
        db.transactions.executeWithoutResult(tx -> {
            interchanges.register(ACME, control, acme);
            interchanges.acknowledged(ACME, control, MessageId.random());
        });

        db.transactions.executeWithoutResult(tx -> {
            assertThat(interchanges.register(GLOBEX, control, globex)).isEqualTo(globex);
            assertThat(interchanges.acknowledgementOf(GLOBEX, control)).isEmpty();
        });
    }

    private String stored(PartnerId partner, String control) {
        return db.jdbc
                .sql("select cast(ack_message_id as text) from inbound_interchange where partner_id = :partner"
                        + " and control_number = :control")
                .param("partner", partner.value())
                .param("control", control)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
