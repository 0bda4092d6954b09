package org.pouch.formats.training;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDateTime;
import java.util.List;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * Where the XML form differs from the JSON one: the root's name and namespace, and one singular element
 * per list item ({@code <partner>} inside {@code <partners>}). Plain classes rather than records, because
 * Jackson cannot match a renamed, wrapped list to a record's constructor.
 */
// Jackson orders a plain class's properties alphabetically; the XSD's sequence is the model's order.
@JsonPropertyOrder({"programmeId", "title", "organiser", "partners", "revision", "sessions"})
@JacksonXmlRootElement(localName = "trainingSchedule", namespace = TrainingSchedule.XML_NAMESPACE)
final class TrainingScheduleXmlForm {
    public String programmeId;
    public String title;
    public String organiser;

    @JacksonXmlElementWrapper(localName = "partners")
    @JacksonXmlProperty(localName = "partner")
    public List<String> partners;

    public int revision;

    @JacksonXmlElementWrapper(localName = "sessions")
    @JacksonXmlProperty(localName = "session")
    public List<SessionForm> sessions;

    static TrainingScheduleXmlForm of(TrainingSchedule schedule) {
        TrainingScheduleXmlForm form = new TrainingScheduleXmlForm();
        form.programmeId = schedule.programmeId();
        form.title = schedule.title();
        form.organiser = schedule.organiser();
        form.partners = schedule.partners();
        form.revision = schedule.revision();
        form.sessions = schedule.sessions().stream().map(SessionForm::of).toList();
        return form;
    }

    TrainingSchedule toModel() {
        return new TrainingSchedule(
                programmeId,
                title,
                organiser,
                partners,
                revision,
                sessions.stream().map(SessionForm::toModel).toList());
    }

    @JsonPropertyOrder({"id", "title", "start", "end", "timeZone", "place", "units", "instructors", "capacity", "status"
    })
    static final class SessionForm {
        public String id;
        public String title;
        public LocalDateTime start;
        public LocalDateTime end;
        public String timeZone;
        public Place place;

        @JacksonXmlElementWrapper(localName = "units")
        @JacksonXmlProperty(localName = "unit")
        public List<String> units;

        @JacksonXmlElementWrapper(localName = "instructors")
        @JacksonXmlProperty(localName = "instructor")
        public List<String> instructors;

        public int capacity;
        public SessionStatus status;

        static SessionForm of(Session session) {
            SessionForm form = new SessionForm();
            form.id = session.id();
            form.title = session.title();
            form.start = session.start();
            form.end = session.end();
            form.timeZone = session.timeZone();
            form.place = session.place();
            form.units = session.units();
            form.instructors = session.instructors();
            form.capacity = session.capacity();
            form.status = session.status();
            return form;
        }

        Session toModel() {
            return new Session(id, title, start, end, timeZone, place, units, instructors, capacity, status);
        }
    }
}
