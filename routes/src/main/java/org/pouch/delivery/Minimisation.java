package org.pouch.delivery;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pouch.exchange.ParticipantId;
import org.pouch.formats.MessageType;
import org.pouch.formats.catalog.MessageTypes;

/**
 * Which fields each recipient is denied, per message type: data minimisation as configured. Checked
 * once when built, so a misspelt field stops the start instead of letting through what it meant to
 * hold back.
 */
public final class Minimisation {

    private final Map<ParticipantId, Map<String, Set<String>>> stripped;

    /**
     * @param stripped by recipient, then by message type name: the paths to strip
     * @throws IllegalArgumentException naming the participant, the type and the first path that is not a
     *     strippable field of that type
     */
    public Minimisation(Map<ParticipantId, Map<String, Set<String>>> stripped) {
        stripped.forEach((recipient, byType) -> byType.forEach((type, paths) -> {
            var versions = MessageTypes.all().stream()
                    .filter(t -> t.name().equals(type))
                    .toList();
            if (versions.isEmpty()) {
                throw new IllegalArgumentException(
                        recipient + ".minimise." + type + ": there is no message type " + type);
            }
            for (MessageType<?> version : versions) {
                for (String path : paths) {
                    if (!version.strippableFields().contains(path)) {
                        throw new IllegalArgumentException(recipient + ".minimise." + type + ": '" + path
                                + "' is not a field " + type + " " + version.schemaVersion()
                                + " can strip; it can strip "
                                + new TreeSet<>(version.strippableFields()));
                    }
                }
            }
        }));
        this.stripped = Map.copyOf(stripped);
    }

    public static Minimisation none() {
        return new Minimisation(Map.of());
    }

    /** The paths to strip from a message of this type for this recipient; empty when nothing is. */
    public Set<String> forRecipient(ParticipantId recipient, String type) {
        return Set.copyOf(stripped.getOrDefault(recipient, Map.of()).getOrDefault(type, Set.of()));
    }
}
