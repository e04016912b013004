package org.a4ptracker.platform.persistence;

import java.util.Locale;

/** Case-insensitive "contains" filters of the lists (`q`, `reference`). */
public final class TextSearch {

    private TextSearch() {}

    /**
     * A LIKE pattern for lower-cased columns matching {@code text} anywhere, its wildcards taken
     * literally.
     */
    public static String containing(String text) {
        return "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }
}
