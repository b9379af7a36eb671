package org.openretention.benchmarks.loyalty;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.io.Serial;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A minimal SLF4J binding for the Kafka client inside the benchmark jar: messages at or above the level of the
 * system property {@code bench.log.level} (default {@code error}) go to stderr, everything else is dropped, so the
 * progress output stays readable. Use {@code -Dbench.log.level=warn} (or info, debug) to see more.
 */
public final class StderrLoggerProvider implements SLF4JServiceProvider {

    private static final Level THRESHOLD = parse(System.getProperty("bench.log.level", "error"));

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final ILoggerFactory factory = StderrLogger::new;

    private static Level parse(String level) {
        try {
            return Level.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.ERROR;
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up
    }

    static final class StderrLogger extends LegacyAbstractLogger {
        @Serial
        private static final long serialVersionUID = 1L;

        StderrLogger(String name) {
            this.name = name;
        }

        private static boolean on(Level level) {
            return level.toInt() >= THRESHOLD.toInt();
        }

        @Override
        public boolean isTraceEnabled() {
            return on(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return on(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return on(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return on(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return on(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable throwable) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            String shortName = name.substring(name.lastIndexOf('.') + 1);
            System.err.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + level + " [" + shortName + "] " + message);
            if (throwable != null) {
                throwable.printStackTrace(System.err);
            }
        }
    }
}
