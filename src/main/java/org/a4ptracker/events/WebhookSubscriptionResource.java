package org.a4ptracker.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.a4ptracker.api.WebhooksApi;
import org.a4ptracker.api.model.WebhookDeliveryPage;
import org.a4ptracker.api.model.WebhookSubscriptionCreate;
import org.a4ptracker.api.model.WebhookSubscriptionPage;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Idempotency;
import org.a4ptracker.platform.http.Lists;
import org.a4ptracker.platform.security.Roles;

@RolesAllowed(Roles.ADMIN)
public class WebhookSubscriptionResource implements WebhooksApi {

    private static final String PATH = "/webhook-subscriptions";

    private final WebhookService service;
    private final Idempotency idempotency;
    private final Lists lists;

    WebhookSubscriptionResource(WebhookService service, Idempotency idempotency, Lists lists) {
        this.service = service;
        this.idempotency = idempotency;
        this.lists = lists;
    }

    @Override
    public Response listWebhookSubscriptions(Integer limit, String cursor) {
        return lists.answer(
                "listWebhookSubscriptions",
                limit,
                cursor,
                2,
                service::list,
                (items, next) -> new WebhookSubscriptionPage().items(items).nextCursor(next));
    }

    @Override
    public Response createWebhookSubscription(
            WebhookSubscriptionCreate input, String idempotencyKey) {
        return idempotency.create(
                idempotencyKey,
                "POST " + PATH,
                input,
                () -> {
                    var created = service.create(input);
                    return ETags.respond(
                            Response.created(URI.create(PATH + "/" + created.body().getId())),
                            created);
                },
                id -> ETags.respond(Response.ok(), service.created(UUID.fromString(id))));
    }

    @Override
    public Response getWebhookSubscription(UUID subscriptionId) {
        return ETags.respond(Response.ok(), service.get(subscriptionId));
    }

    @Override
    public Response patchWebhookSubscription(UUID subscriptionId, String ifMatch, JsonNode patch) {
        return ETags.respond(Response.ok(), service.patch(subscriptionId, ifMatch, patch));
    }

    @Override
    public Response deleteWebhookSubscription(UUID subscriptionId, String ifMatch) {
        service.delete(subscriptionId, ifMatch);
        return Response.noContent().build();
    }

    @Override
    public Response listWebhookDeliveries(UUID subscriptionId, Integer limit, String cursor) {
        return lists.answer(
                "listWebhookDeliveries",
                limit,
                cursor,
                2,
                keyset -> service.deliveries(subscriptionId, keyset),
                (items, next) -> new WebhookDeliveryPage().items(items).nextCursor(next));
    }

    @Override
    public Response retryWebhookDelivery(UUID subscriptionId, UUID deliveryId) {
        return Response.accepted(service.retry(subscriptionId, deliveryId)).build();
    }
}
