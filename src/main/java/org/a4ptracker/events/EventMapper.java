package org.a4ptracker.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.a4ptracker.api.model.CloudEvent;
import org.a4ptracker.api.model.EventData;
import org.a4ptracker.api.model.EventType;

/** Stored events as CloudEvents 1.0 (JSON format). */
final class EventMapper {

    private EventMapper() {}

    static CloudEvent toApi(EventRepository.StoredEvent event, String source, ObjectMapper json) {
        try {
            return new CloudEvent()
                    .specversion(CloudEvent.SpecversionEnum._1_0)
                    .id(event.id())
                    .source(source)
                    .type(EventType.fromValue(event.type()))
                    .subject(event.subject())
                    .time(event.occurredAt())
                    .datacontenttype(CloudEvent.DatacontenttypeEnum.APPLICATION_JSON)
                    .data(json.readValue(event.data(), EventData.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event " + event.id() + " is not readable", e);
        }
    }
}
