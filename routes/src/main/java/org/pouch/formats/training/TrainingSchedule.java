package org.pouch.formats.training;

import java.util.List;

/**
 * A joint training programme and its sessions, canonical model version 1.0. The JSON and XML forms are
 * this record's properties in this order; the schemas are {@code schemas/training-schedule-1.0.schema.json}
 * and {@code schemas/training-schedule-1.0.xsd}.
 *
 * @param programmeId the organiser's stable id for the programme; with a session id it makes the calendar UID
 * @param organiser the participant id of the organising agency, for example {@code BE-IBZ}
 * @param partners the participant ids of the partner agencies
 * @param revision raised with every update, so that calendars replace the older copy (iCalendar SEQUENCE)
 */
public record TrainingSchedule(
        String programmeId,
        String title,
        String organiser,
        List<String> partners,
        int revision,
        List<Session> sessions) {

    public static final String TYPE = "training-schedule";
    public static final String SCHEMA_VERSION = "1.0";
    public static final String XML_NAMESPACE = "urn:pouch:training-schedule:1";

    public TrainingSchedule {
        partners = List.copyOf(partners);
        sessions = List.copyOf(sessions);
    }
}
