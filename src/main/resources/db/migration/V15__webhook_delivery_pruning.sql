-- Webhooks (issue 13): finished deliveries are deleted once as old as the events retention deletes
-- (WebhookDeliveryWorker, every a4p.events.purge-interval); this index finds them without a scan.
CREATE INDEX webhook_delivery_finished ON webhook_delivery (created_at)
    WHERE status IN ('succeeded', 'failed');
