package org.pouch.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one canonical JSON form of an exchange document, as signed on the wire:
 *
 * <pre>{"version":1,"header":{"messageId":…,"type":…,"schemaVersion":…,"from":…,"to":…,
 * "createdAt":…,"inReplyTo":…,"origin":{"from":…,"messageId":…}},"contentType":…,"payload":…}</pre>
 *
 * UTF-8, members in exactly this order, no insignificant white space, {@code inReplyTo} left out when
 * absent, {@code origin} (only a gateway's deliveries carry it) likewise, {@code createdAt} an RFC 3339 UTC time ending in {@code Z}. The payload is a JSON object when
 * the content type is {@code application/json}, else a JSON string holding the XML or CSV text. The
 * reader is strict (duplicate members, unknown members, trailing data and deep nesting are refused) but
 * does not insist on the writer's member order, so any JSON library can produce a document.
 */
public final class ExchangeDocumentCodec {

    /** The document format version this codec reads and writes. */
    public static final int VERSION = 1;

    private static final Set<String> DOCUMENT_FIELDS = Set.of("version", "header", "contentType", "payload");
    private static final Set<String> HEADER_FIELDS =
            Set.of("messageId", "type", "schemaVersion", "from", "to", "createdAt", "inReplyTo", "origin");
    private static final Set<String> ORIGIN_FIELDS = Set.of("from", "messageId");

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64)
                            .maxNumberLength(64)
                            .maxStringLength(256 * 1024 * 1024)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads one member's value from a parser positioned on it; the members after it are the loop's. */
    private static final ObjectReader MEMBER_READER =
            MAPPER.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ExchangeDocumentCodec() {}

    /** The document's canonical bytes. */
    public static byte[] encode(ExchangeDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(document, out);
        return out.toByteArray();
    }

    /** Writes the document's canonical bytes to {@code out}. */
    public static void encode(ExchangeDocument document, OutputStream out) {
        Payload payload = document.payload();
        encode(
                document.header(),
                payload.type(),
                json -> {
                    if (payload.type() == PayloadType.JSON) {
                        copyJsonPayload(payload, json);
                    } else {
                        json.writeString(payload.text());
                    }
                },
                out);
    }

    /**
     * Writes the canonical bytes of a document whose JSON payload is written into the document as it is
     * made, by {@code payload}, which must write one JSON object: for a payload transformed as a stream,
     * never held whole. The bytes are those of {@link #encode(ExchangeDocument, OutputStream)} for a
     * payload with the same tokens.
     */
    public static void encodeJson(Header header, Consumer<JsonGenerator> payload, OutputStream out) {
        encode(header, PayloadType.JSON, payload, out);
    }

    private static void encode(
            Header header, PayloadType payloadType, Consumer<JsonGenerator> payload, OutputStream out) {
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberProperty("version", VERSION);
            json.writeName("header");
            json.writeStartObject();
            json.writeStringProperty("messageId", header.messageId());
            json.writeStringProperty("type", header.type());
            json.writeStringProperty("schemaVersion", header.schemaVersion());
            json.writeStringProperty("from", header.from().value());
            json.writeStringProperty("to", header.to().value());
            json.writeStringProperty("createdAt", DateTimeFormatter.ISO_INSTANT.format(header.createdAt()));
            if (header.inReplyTo().isPresent()) {
                json.writeStringProperty("inReplyTo", header.inReplyTo().get());
            }
            if (header.origin().isPresent()) {
                json.writeName("origin");
                json.writeStartObject();
                json.writeStringProperty("from", header.origin().get().from().value());
                json.writeStringProperty("messageId", header.origin().get().messageId());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeStringProperty("contentType", payloadType.mediaType());
            json.writeName("payload");
            payload.accept(json);
            json.writeEndObject();
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot encode exchange document: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a document as a stream: the header is read into memory, a JSON payload is checked for
     * well-formedness and left where it is, as a slice of {@code document}, so that a payload of any size
     * costs no memory here.
     *
     * @throws RejectedException with {@link RejectionReason#MALFORMED_ENVELOPE} when the bytes are not a
     *     well-formed exchange document
     */
    public static ExchangeDocument decode(Content document) {
        ObjectNode root = MAPPER.createObjectNode();
        Content payloadObject = null;
        try (InputStream in = document.openStream();
                JsonParser parser = MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("the document is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (!DOCUMENT_FIELDS.contains(name)) {
                    throw malformed("unknown member in the document");
                }
                JsonToken value = parser.nextToken();
                if ("payload".equals(name) && value == JsonToken.START_OBJECT) {
                    long start = parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    long end = parser.currentTokenLocation().getByteOffset() + 1;
                    payloadObject = document.slice(start, end - start);
                    root.putObject(name);
                } else {
                    root.set(name, MEMBER_READER.readValue(parser));
                }
            }
            if (parser.nextToken() != null) {
                throw malformed("not well-formed JSON: trailing data after the document");
            }
        } catch (JacksonException e) {
            throw malformed("not well-formed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fromTree(root, payloadObject);
    }

    /** Reads a document from a stream, which is read to its end and held in memory. */
    public static ExchangeDocument decode(InputStream in) {
        try {
            return decode(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a document held in memory; see {@link #decode(Content)}. */
    public static ExchangeDocument decode(byte[] utf8) {
        return decode(Content.inMemory(utf8));
    }

    private static ExchangeDocument fromTree(JsonNode root, Content payloadObject) {
        onlyKnownFields(root, DOCUMENT_FIELDS, "document");
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.asInt() != VERSION) {
            throw malformed("unsupported document version");
        }
        JsonNode headerNode = root.get("header");
        if (headerNode == null || !headerNode.isObject()) {
            throw malformed("the header is missing");
        }
        onlyKnownFields(headerNode, HEADER_FIELDS, "header");
        Header header;
        try {
            header = new Header(
                    text(headerNode, "messageId"),
                    text(headerNode, "type"),
                    text(headerNode, "schemaVersion"),
                    ParticipantId.of(text(headerNode, "from")),
                    ParticipantId.of(text(headerNode, "to")),
                    utcInstant(text(headerNode, "createdAt")),
                    headerNode.has("inReplyTo") ? Optional.of(text(headerNode, "inReplyTo")) : Optional.empty(),
                    headerNode.has("origin") ? Optional.of(origin(headerNode.get("origin"))) : Optional.empty());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw malformed(e.getMessage());
        }
        PayloadType type;
        try {
            type = PayloadType.fromMediaType(text(root, "contentType"));
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
        JsonNode payloadNode = root.get("payload");
        if (payloadNode == null) {
            throw malformed("the payload is missing");
        }
        Payload payload;
        if (type == PayloadType.JSON) {
            if (payloadObject == null) {
                throw malformed("a JSON payload must be a JSON object");
            }
            payload = Payload.of(type, payloadObject);
        } else {
            if (!payloadNode.isString()) {
                throw malformed("an XML or CSV payload must be a JSON string");
            }
            payload = Payload.of(type, payloadNode.stringValue());
        }
        return new ExchangeDocument(header, payload);
    }

    private static Origin origin(JsonNode node) {
        if (!node.isObject()) {
            throw malformed("origin is not a JSON object");
        }
        onlyKnownFields(node, ORIGIN_FIELDS, "origin");
        return new Origin(ParticipantId.of(text(node, "from")), text(node, "messageId"));
    }

    /** Copies the payload object token by token, so that a payload of any size costs no memory here. */
    private static void copyJsonPayload(Payload payload, JsonGenerator json) {
        try (InputStream in = payload.openStream();
                JsonParser parser = MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a JSON payload must be a JSON object");
            }
            json.copyCurrentStructure(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("the JSON payload is not well-formed: trailing data");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the JSON payload is not well-formed: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant utcInstant(String text) {
        if (!text.endsWith("Z")) {
            throw malformed("createdAt must be a UTC time ending in Z");
        }
        return Instant.parse(text);
    }

    private static void onlyKnownFields(JsonNode node, Set<String> known, String where) {
        Iterator<String> names = node.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw malformed("unknown member in the " + where);
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw malformed(field + " is missing or not a string");
        }
        return value.stringValue();
    }

    private static RejectedException malformed(String detail) {
        return new RejectedException(RejectionReason.MALFORMED_ENVELOPE, "exchange document: " + detail);
    }
}
