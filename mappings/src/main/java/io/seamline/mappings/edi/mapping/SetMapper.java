package io.seamline.mappings.edi.mapping;

import io.seamline.mappings.edi.Standard;
import io.seamline.model.event.EventData;
import java.util.List;

/**
 * Maps one kind of transaction set (or EDIFACT message) to canonical events. Problems go to {@code context.reads()}
 * as located defects; a set with any error defect is rejected and its events are dropped.
 */
public interface SetMapper {

    Standard standard();

    /** The set ids this mapper reads: {@code 855}, {@code ORDRSP}. */
    List<String> setIds();

    List<EventData> map(Transaction transaction, MappingContext context);

    /**
     * False for sets Seamline only validates (documents it sends, such as 850 or ORDERS, read back in tests or
     * received by mistake): a valid one is reported as unsupported, an invalid one as rejected.
     */
    default boolean producesEvents() {
        return true;
    }
}
