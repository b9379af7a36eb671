package org.openretention.platform.messaging;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.openretention.events.EventCodec;

/** One schema-validating codec per service; building it compiles every schema once. */
public class EventCodecProducer {

    @Produces
    @Singleton
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
