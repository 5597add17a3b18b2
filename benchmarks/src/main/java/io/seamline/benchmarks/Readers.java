package io.seamline.benchmarks;

import io.seamline.mappings.edi.EdiEngine;
import io.seamline.mappings.edi.EdiListener;
import io.seamline.mappings.edi.EdiProfile;
import io.seamline.mappings.edi.InterchangeResult;
import io.seamline.mappings.edi.SetResult;
import io.seamline.mappings.edi.Unreadable;
import io.seamline.mappings.json.Json;
import io.seamline.model.event.EventData;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** The two things compared: StAEDI reading alone, and Seamline translating (read, validate, map, JSON). */
final class Readers {

    private static final EDIInputFactory STAEDI = staedi();

    private Readers() {}

    /** StAEDI with the engine's settings, every element's text touched; returns the sets read. */
    static int staediAlone(InputStream in, Consumer<Object> sink) throws IOException {
        int sets = 0;
        try (EDIStreamReader reader = STAEDI.createEDIStreamReader(in)) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event == EDIStreamEvent.ELEMENT_DATA) {
                    sink.accept(reader.getText());
                } else if (event == EDIStreamEvent.START_TRANSACTION) {
                    sets++;
                }
            }
        } catch (EDIStreamException e) {
            throw new IOException(e);
        }
        return sets;
    }

    /** The engine, with each event serialized to JSON as the translate command and the pipeline do. */
    static int translate(EdiEngine engine, InputStream in, Consumer<Object> sink) {
        int[] sets = {0};
        engine.read(in, e -> EdiProfile.DEFAULT, new EdiListener() {
            @Override
            public void set(SetResult set) {
                sets[0]++;
                for (EventData data : set.events()) {
                    sink.accept(Json.write(data));
                }
            }

            @Override
            public void interchange(InterchangeResult interchange) {
                sink.accept(interchange);
            }

            @Override
            public void unreadable(Unreadable unreadable) {
                throw new IllegalStateException(unreadable.toString());
            }
        });
        return sets[0];
    }

    private static EDIInputFactory staedi() {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        factory.setProperty(EDIInputFactory.EDI_NEST_HIERARCHICAL_LOOPS, false);
        return factory;
    }
}
