package org.a4ptracker.platform.security;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {

    public static final String READER = "reader";
    public static final String EDITOR = "editor";
    public static final String CONDUCT_OFFICER = "conduct_officer";
    public static final String ADMIN = "admin";

    private Roles() {}
}
