package org.openretention.events;

/**
 * The typed body of an event. Each implementation is one event type; its simple class name is the
 * PascalCase type name carried in the envelope (see {@link EventType}).
 */
public interface EventPayload {
}
