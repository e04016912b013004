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
import org.a4ptracker.platform.security.Roles;

@RolesAllowed(Roles.ADMIN)
public class WebhookSubscriptionResource implements WebhooksApi {

    private static final String PATH = "/webhook-subscriptions";

    private final WebhookService service;
    private final Idempotency idempotency;

    WebhookSubscriptionResource(WebhookService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    public Response listWebhookSubscriptions(Integer limit, String cursor) {
        var page = service.list(limit, cursor);
        return Response.ok(
                        new WebhookSubscriptionPage()
                                .items(page.items())
                                .nextCursor(page.nextCursor()))
                .build();
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
        var page = service.deliveries(subscriptionId, limit, cursor);
        return Response.ok(
                        new WebhookDeliveryPage().items(page.items()).nextCursor(page.nextCursor()))
                .build();
    }

    @Override
    public Response retryWebhookDelivery(UUID subscriptionId, UUID deliveryId) {
        return Response.accepted(service.retry(subscriptionId, deliveryId)).build();
    }
}
