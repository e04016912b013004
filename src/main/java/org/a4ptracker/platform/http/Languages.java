package org.a4ptracker.platform.http;

import java.util.List;
import java.util.Locale;

/** Chooses English or French labels from {@code Accept-Language}; English when nothing fits. */
public final class Languages {

    public static final String ENGLISH = "en";
    public static final String FRENCH = "fr";
    private static final List<String> SUPPORTED = List.of(ENGLISH, FRENCH);

    private Languages() {}

    public static String pick(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return tag == null ? ENGLISH : tag;
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
    }

    public static String choose(String language, String english, String french) {
        return FRENCH.equals(language) ? french : english;
    }
}
