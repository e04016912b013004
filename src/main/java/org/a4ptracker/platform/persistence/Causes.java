package org.a4ptracker.platform.persistence;

import java.util.ArrayList;
import java.util.List;

/** An exception and its causes, outermost first: the one walk every failure classifier uses. */
public final class Causes {

    /** Enough for any real chain; a longer (or cyclic) one is cut here. */
    private static final int MAX_DEPTH = 64;

    private Causes() {}

    public static List<Throwable> of(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = e;
                cause != null && chain.size() < MAX_DEPTH && !chain.contains(cause);
                cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
