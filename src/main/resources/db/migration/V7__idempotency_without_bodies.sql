-- An idempotent replay answers through the normal read path (scope, redaction, read log and
-- erasure apply), so the key keeps only what identifies the first answer: its status and the
-- record it showed. Request and response bodies are never stored (the fingerprint is a hash).
ALTER TABLE idempotency_key DROP COLUMN response_headers;
ALTER TABLE idempotency_key DROP COLUMN response_body;
ALTER TABLE idempotency_key ADD COLUMN response_location text;
