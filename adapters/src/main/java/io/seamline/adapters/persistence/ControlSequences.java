package io.seamline.adapters.persistence;

import io.seamline.model.partner.PartnerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The control numbers we issue per partner and kind ({@code interchange}, {@code group}, {@code set}). Each call
 * commits a new number with the caller's transaction, so a number is never issued twice, restarts included.
 */
@Repository
public class ControlSequences {

    private final JdbcClient jdbc;

    public ControlSequences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the sequence, starting at 1; wraps to 1 after {@code max} (999999999 for ISA13). */
    public long next(PartnerId partner, String kind, long max) {
        return jdbc.sql(
                        """
                        insert into control_sequence (partner_id, kind, last_value) values (:partner, :kind, 1)
                        on conflict (partner_id, kind) do update set last_value =
                            case when control_sequence.last_value >= :max then 1
                                 else control_sequence.last_value + 1 end
                        returning last_value
                        """)
                .param("partner", partner.value())
                .param("kind", kind)
                .param("max", max)
                .query(Long.class)
                .single();
    }
}
