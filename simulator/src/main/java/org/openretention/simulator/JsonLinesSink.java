package org.openretention.simulator;

import org.openretention.events.EventCodec;
import org.openretention.events.EventEnvelope;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes each event as one line of JSON (the same bytes Kafka would get): for a look at the traffic without a broker. */
public final class JsonLinesSink implements EventSink {

    private final OutputStream out;
    private final EventCodec codec;
    private final boolean closeStream;
    private long written;

    public JsonLinesSink(OutputStream out, EventCodec codec, boolean closeStream) {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.codec = codec;
        this.closeStream = closeStream;
    }

    @Override
    public void publish(EventEnvelope<?> event) {
        try {
            out.write(codec.encodeBytes(event));
            out.write('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long acknowledged() {
        return written;
    }

    @Override
    public void close() {
        flush();
        if (closeStream) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
