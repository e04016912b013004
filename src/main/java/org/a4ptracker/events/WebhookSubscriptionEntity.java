package org.a4ptracker.events;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A URL subscribed to the change feed. Its feed position ({@code fanned_txid}, {@code
 * fanned_position}) is not mapped: only the delivery worker moves it, in SQL, so that saving a
 * change to the subscription never writes an old position back.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscriptionEntity {

    enum Status implements StoredEnum {
        ACTIVE,
        PAUSED,
        FAILING;

        public static class Converter extends StoredEnum.Converter<Status> {
            public Converter() {
                super(Status.class);
            }
        }
    }

    @Id public UUID id;

    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] types;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] missions;

    /** The creating token's missions; null when it covered all. Deliveries never leave it. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", updatable = false)
    public String[] scope;

    @Column(updatable = false)
    public String secret;

    @Convert(converter = Status.Converter.class)
    public Status status;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    @Version public long version;

    /**
     * Whether a caller who may see {@code visible} missions ({@code null}: all) may see this
     * subscription: only when every mission it may deliver is one the caller covers.
     */
    boolean visibleTo(Set<String> visible) {
        return visible == null || scope != null && visible.containsAll(Arrays.asList(scope));
    }
}
