package org.a4ptracker.partnership;

/** A record as the API shows it, with the version behind its ETag: what a service hands its resource. */
record Versioned<T>(T body, long version) {
}
