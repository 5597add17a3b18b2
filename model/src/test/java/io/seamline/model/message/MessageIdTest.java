package io.seamline.model.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdTest {

    @Test
    void aTextIsAMessageIdOnlyWhenItWritesAUuidInFull() {
        UUID id = UUID.randomUUID();

        assertThat(MessageId.tryParse(id.toString())).contains(new MessageId(id));
        assertThat(MessageId.tryParse(id.toString().toUpperCase())).contains(new MessageId(id));
        assertThat(MessageId.tryParse("1-1-1-1-1"))
                .as("a UUID Java would widen")
                .isEmpty();
        assertThat(MessageId.tryParse("4500012345")).isEmpty();
        assertThat(MessageId.tryParse("not-a-uuid-at-all-but-thirty-six-chr")).isEmpty();
        assertThat(MessageId.tryParse(null)).isEmpty();
    }
}
