package org.a4ptracker.events;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.api.model.WebhookDelivery;
import org.a4ptracker.api.model.WebhookDeliveryStatus;
import org.a4ptracker.api.model.WebhookSubscription;
import org.a4ptracker.api.model.WebhookSubscriptionCreate;
import org.a4ptracker.api.model.WebhookSubscriptionCreated;
import org.a4ptracker.api.model.WebhookSubscriptionStatus;
import org.a4ptracker.platform.persistence.StoredEnum;

/** Between stored webhook subscriptions and deliveries and the API's models. */
final class WebhookMapper {

    private WebhookMapper() {}

    /** A subscription as every read shows it: without its secret. */
    static WebhookSubscription toApi(WebhookSubscriptionEntity s) {
        return new WebhookSubscription()
                .id(s.id)
                .url(s.url)
                .types(types(s.types))
                .missions(new LinkedHashSet<>(Arrays.asList(s.missions)))
                .status(WebhookSubscriptionStatus.fromValue(s.status.value()))
                .createdAt(s.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .createdBy(s.createdBy);
    }

    /** A subscription as its creation shows it, once: with its secret. */
    static WebhookSubscriptionCreated toCreated(WebhookSubscriptionEntity s) {
        WebhookSubscription shown = toApi(s);
        return new WebhookSubscriptionCreated()
                .id(shown.getId())
                .url(shown.getUrl())
                .types(shown.getTypes())
                .missions(shown.getMissions())
                .status(shown.getStatus())
                .createdAt(shown.getCreatedAt())
                .createdBy(shown.getCreatedBy())
                .secret(s.secret);
    }

    /** What a creation asks for, as the subscription it makes (active). */
    static WebhookSubscription toSubscription(WebhookSubscriptionCreate input) {
        return new WebhookSubscription()
                .url(input.getUrl())
                .types(input.getTypes())
                .missions(input.getMissions())
                .status(WebhookSubscriptionStatus.ACTIVE);
    }

    /** Writes what the API says a subscription delivers into the stored one. */
    static void apply(WebhookSubscription input, WebhookSubscriptionEntity s) {
        s.url = input.getUrl();
        s.types = input.getTypes().stream().map(EventType::toString).toArray(String[]::new);
        s.missions = input.getMissions().toArray(String[]::new);
        s.status = StoredEnum.fromApi(WebhookSubscriptionEntity.Status.class, input.getStatus());
    }

    static WebhookDelivery toApi(WebhookRepository.Delivery d) {
        return new WebhookDelivery()
                .id(d.id())
                .eventId(d.eventId())
                .eventType(EventType.fromValue(d.eventType()))
                .status(WebhookDeliveryStatus.fromValue(d.status().value()))
                .attempts(d.attempts())
                .lastAttemptAt(utc(d.lastAttemptAt()))
                .lastStatusCode(d.lastStatusCode())
                .lastDurationMs(d.lastDurationMs())
                .lastError(d.lastError())
                .nextAttemptAt(utc(d.nextAttemptAt()));
    }

    private static Set<EventType> types(String[] stored) {
        return Arrays.stream(stored)
                .map(EventType::fromValue)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static java.time.OffsetDateTime utc(java.time.OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
