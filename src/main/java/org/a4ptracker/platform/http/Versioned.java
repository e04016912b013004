package org.a4ptracker.platform.http;

/**
 * A record as the API shows it, with the version behind its ETag: what a service hands its
 * resource.
 */
public record Versioned<T>(T body, long version) {}
