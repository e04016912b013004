package org.a4ptracker.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The missions the caller may see, from the token's {@code missions} claim: acronyms, or {@code *}
 * for all. A record of a mission outside this scope does not exist for the caller.
 */
@RequestScoped
public class CallerScope {

    public static final String CLAIM = "missions";
    private static final String ALL = "*";

    private final Set<String> missions;

    @Inject
    CallerScope(JsonWebToken token) {
        this(read(token.getClaim(CLAIM)));
    }

    private CallerScope(Set<String> missions) {
        this.missions = missions;
    }

    /**
     * Every mission, whoever asks: only for figures published to everyone (the public statistics),
     * never for records.
     */
    public static CallerScope everyMission() {
        return new CallerScope(Set.of(ALL));
    }

    public boolean seesAll() {
        return missions.contains(ALL);
    }

    /** The acronyms the caller may see; meaningful only when {@link #seesAll()} is false. */
    public Set<String> missions() {
        return missions;
    }

    public boolean sees(String acronym) {
        return seesAll() || missions.contains(acronym);
    }

    private static Set<String> read(Object claim) {
        if (claim instanceof JsonArray array) {
            return array.stream()
                    .filter(JsonString.class::isInstance)
                    .map(v -> ((JsonString) v).getString())
                    .collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof JsonString single) {
            return Set.of(single.getString());
        }
        if (claim instanceof String single) {
            return Set.of(single);
        }
        return Set.of();
    }
}
