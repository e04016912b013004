package org.a4ptracker.platform.persistence;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-3 country codes, from the JDK's copy of the standard. */
public final class CountryCodes {

    private static final Set<String> ALPHA3 =
            Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    private CountryCodes() {}

    public static boolean isAlpha3(String code) {
        return code != null && ALPHA3.contains(code);
    }
}
