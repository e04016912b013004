package org.a4ptracker.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.a4ptracker.api.model.ProblemError;
import org.a4ptracker.api.model.WebhookDelivery;
import org.a4ptracker.api.model.WebhookSubscription;
import org.a4ptracker.api.model.WebhookSubscriptionCreate;
import org.a4ptracker.api.model.WebhookSubscriptionCreated;
import org.a4ptracker.events.WebhookSubscriptionEntity.Status;
import org.a4ptracker.mission.MissionLookup;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.MergePatch;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.http.Versioned;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.security.CallerScope;

/**
 * Webhook subscriptions and their deliveries. A subscription may only ever deliver events of the
 * missions its creator's token covered (its scope); a caller sees a subscription only when its
 * token covers that whole scope, so nobody can point a subscription that reaches further than their
 * own token at a URL of their choosing.
 */
@ApplicationScoped
@Transactional
class WebhookService {

    private final WebhookRepository subscriptions;
    private final WebhookTargets targets;
    private final WebhookDeliveryWorker worker;
    private final MissionLookup missionLookup;
    private final MergePatch mergePatch;
    private final CallerScope scope;
    private final SecurityIdentity caller;

    WebhookService(
            WebhookRepository subscriptions,
            WebhookTargets targets,
            WebhookDeliveryWorker worker,
            MissionLookup missionLookup,
            MergePatch mergePatch,
            CallerScope scope,
            SecurityIdentity caller) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.worker = worker;
        this.missionLookup = missionLookup;
        this.mergePatch = mergePatch;
        this.scope = scope;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Keyset.Page<WebhookSubscription> list(Keyset keyset) {
        return subscriptions.page(visible(), keyset).map(WebhookMapper::toApi);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Versioned<WebhookSubscription> get(UUID id) {
        WebhookSubscriptionEntity s = require(id);
        return new Versioned<>(WebhookMapper.toApi(s), s.version);
    }

    /**
     * The subscription with its secret: the answer to its creation, also when an {@code
     * Idempotency-Key} replays it to the same caller.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Versioned<WebhookSubscriptionCreated> created(UUID id) {
        WebhookSubscriptionEntity s = require(id);
        return new Versioned<>(WebhookMapper.toCreated(s), s.version);
    }

    Versioned<WebhookSubscriptionCreated> create(WebhookSubscriptionCreate input) {
        WebhookSubscription wanted = WebhookMapper.toSubscription(input);
        WebhookSubscriptionEntity s = new WebhookSubscriptionEntity();
        s.id = UUID.randomUUID();
        s.scope =
                scope.seesAll() ? null : scope.missions().stream().sorted().toArray(String[]::new);
        s.missions = new String[0];
        validate(wanted, null, s);
        WebhookMapper.apply(wanted, s);
        s.secret = WebhookSigner.newSecret();
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        s.createdBy = caller.getPrincipal().getName();
        subscriptions.insert(s);
        return new Versioned<>(WebhookMapper.toCreated(s), s.version);
    }

    Versioned<WebhookSubscription> patch(UUID id, String ifMatch, JsonNode patch) {
        WebhookSubscriptionEntity s = require(id);
        ETags.requireMatch(ifMatch, s.version);
        WebhookSubscription current = WebhookMapper.toApi(s);
        WebhookSubscription wanted = mergePatch.apply(current, patch, WebhookSubscription.class);
        validate(wanted, current, s);
        Status was = s.status;
        WebhookMapper.apply(wanted, s);
        if (s.status == Status.ACTIVE && was != Status.ACTIVE) {
            worker.wakeOnCommit();
        }
        subscriptions.flush();
        return new Versioned<>(WebhookMapper.toApi(s), s.version);
    }

    void delete(UUID id, String ifMatch) {
        WebhookSubscriptionEntity s = require(id);
        ETags.requireMatch(ifMatch, s.version);
        subscriptions.delete(s);
        subscriptions.flush();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Keyset.Page<WebhookDelivery> deliveries(UUID id, Keyset keyset) {
        require(id);
        return subscriptions.deliveries(id, keyset).map(WebhookMapper::toApi);
    }

    /**
     * Queues a delivery to be sent at once and resumes its subscription if it was failing (a paused
     * one stays paused).
     */
    WebhookDelivery retry(UUID id, UUID delivery) {
        WebhookSubscriptionEntity s = require(id);
        WebhookRepository.Delivery queued =
                subscriptions
                        .requeue(id, delivery)
                        .orElseThrow(
                                () ->
                                        ProblemException.notFound(
                                                "Webhook subscription "
                                                        + id
                                                        + " has no delivery "
                                                        + delivery
                                                        + "."));
        if (s.status == Status.FAILING) {
            s.status = Status.ACTIVE;
        }
        worker.wakeOnCommit();
        return WebhookMapper.toApi(queued);
    }

    private WebhookSubscriptionEntity require(UUID id) {
        WebhookSubscriptionEntity s = subscriptions.findById(id);
        if (s == null || !s.visibleTo(visible())) {
            throw ProblemException.notFound("No webhook subscription " + id + ".");
        }
        return s;
    }

    private Set<String> visible() {
        return scope.seesAll() ? null : scope.missions();
    }

    /**
     * Checks what changes from {@code current} (null for a creation): a URL that may receive
     * webhooks ({@link WebhookTargets}), missions that exist within the subscription's scope, and
     * no status the service alone sets.
     */
    private void validate(
            WebhookSubscription wanted, WebhookSubscription current, WebhookSubscriptionEntity s) {
        List<ProblemError> errors = new ArrayList<>();
        if (current == null || !wanted.getUrl().equals(current.getUrl())) {
            targets.refusal(wanted.getUrl())
                    .ifPresent(why -> errors.add(ProblemException.fieldError("/url", why)));
        }
        int i = 0;
        for (String mission : wanted.getMissions()) {
            boolean kept = current != null && current.getMissions().contains(mission);
            boolean inScope = s.scope == null || Arrays.asList(s.scope).contains(mission);
            if (!kept && !(inScope && missionLookup.exists(mission))) {
                errors.add(
                        ProblemException.fieldError(
                                "/missions/" + i,
                                "is not a mission that this subscription's token covers"));
            }
            i++;
        }
        if (wanted.getStatus() != null
                && wanted.getStatus().toString().equals(Status.FAILING.value())
                && (current == null || current.getStatus() != wanted.getStatus())) {
            errors.add(
                    ProblemException.fieldError(
                            "/status",
                            "is set to failing by the service only; send active or paused"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
