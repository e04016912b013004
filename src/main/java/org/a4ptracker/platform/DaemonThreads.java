package org.a4ptracker.platform;

import java.util.concurrent.ThreadFactory;

/**
 * Threads of the service's own background work (listeners, writers, timers): named, so that a
 * thread dump says what each does, and daemons, so that none keeps a stopping JVM alive.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** A factory of daemon threads that all carry {@code name}. */
    public static ThreadFactory named(String name) {
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
