package org.a4ptracker.events;

import java.util.List;
import org.a4ptracker.platform.persistence.Keyset;

/**
 * A place in the change feed: the id of the transaction that wrote an event and the event's
 * position in the sequence. The feed is read in this order (see {@link EventRepository#SETTLED}).
 */
public record FeedPosition(long txid, long position) {

    /** Before every event. */
    public static final FeedPosition START = new FeedPosition(0, 0);

    /** The position packed in a cursor, or an {@link IllegalArgumentException}. */
    public static FeedPosition of(String cursor) {
        List<String> keys = Keyset.keys(cursor, 2);
        FeedPosition read =
                new FeedPosition(Long.parseLong(keys.get(0)), Long.parseLong(keys.get(1)));
        if (read.txid < 0 || read.position < 0) {
            throw new IllegalArgumentException("negative position");
        }
        return read;
    }

    public String cursor() {
        return Keyset.cursor(List.of(Long.toString(txid), Long.toString(position)));
    }

    public boolean isAfter(FeedPosition other) {
        return txid != other.txid ? txid > other.txid : position > other.position;
    }
}
