package org.plantwin.twin.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.plantwin.actors.api.Telemetry;
import org.plantwin.actors.api.TelemetryException;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * The JSON form of telemetry (see {@code docs/design/live.md}):
 * <pre>{@code
 * {"id": "m3-000017", "kind": "machineState", "at": "2026-11-29T08:15:00Z", "machine": "M3", "state": "down"}
 * {"id": "...", "kind": "inventory", "simTime": "36h", "warehouse": "FG", "product": "A", "level": 120}
 * {"kind": "sensors", "simTime": 60000, "machine": "M1", "values": [1.2, 60.5]}
 * }</pre>
 * {@code id} is optional (without it a message cannot be recognised as a duplicate); {@code at} is the wall-clock
 * instant the plant observed it (mapped through the twin's clock), or {@code simTime} the twin's own time (ms or a
 * duration such as {@code "36h"}); with neither the message counts as observed now.
 */
public final class TelemetryJson {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** Fields each kind takes (besides id, kind, at, simTime). */
    static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("machineState", List.of("machine", "state"));
        FIELDS.put("partCount", List.of("machine", "count"));
        FIELDS.put("cycleTime", List.of("machine", "seconds"));
        FIELDS.put("sensors", List.of("machine", "values"));
        FIELDS.put("bufferLevel", List.of("line", "station", "level"));
        FIELDS.put("inventory", List.of("warehouse", "product", "level"));
        FIELDS.put("truck", List.of("fleet", "truck", "status", "x", "y"));
        FIELDS.put("order", List.of("customer", "product", "quantity", "due"));
    }

    private static final Set<String> OPTIONAL = Set.of("x", "y", "due");

    private TelemetryJson() {
    }

    /** A message read from JSON: its id (or null), its observation time in twin time, its body. */
    public record Read(String id, long atMillis, Telemetry body) {
    }

    /**
     * Reads one message; {@code wallToTwin} maps an epoch-millisecond instant to twin time (or throws when the twin
     * has no wall clock), {@code now} is the twin's time for messages without one.
     *
     * @throws TelemetryException naming the field (a JSON path relative to the message), the value and a hint
     */
    public static Read read(JsonNode n, LongUnaryOperator wallToTwin, long now) {
        if (n == null || !n.isObject()) {
            throw new TelemetryException("", n, "A telemetry message must be a JSON object, e.g. {\"kind\": "
                    + "\"machineState\", \"machine\": \"M1\", \"state\": \"down\"}.");
        }
        String kind = text(n, "kind");
        List<String> fields = FIELDS.get(kind);
        if (fields == null) {
            throw new TelemetryException("kind", kind, "Unknown kind; use one of " + FIELDS.keySet() + ".");
        }
        var names = n.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!fields.contains(f) && !Set.of("id", "kind", "at", "simTime").contains(f)) {
                throw new TelemetryException(f, n.get(f), "Unknown field for kind " + kind + "; it takes " + fields
                        + " plus id, at or simTime.");
            }
        }
        for (String f : fields) {
            if (!OPTIONAL.contains(f) && (n.get(f) == null || n.get(f).isNull())) {
                throw new TelemetryException(f, "(missing)", "Kind " + kind + " needs the fields " + fields
                        .stream().filter(x -> !OPTIONAL.contains(x)).toList() + ".");
            }
        }
        String id = null;
        if (n.hasNonNull("id")) {
            if (!n.get("id").isTextual() && !n.get("id").isIntegralNumber()) {
                throw new TelemetryException("id", n.get("id"), "The id must be a string or an integer.");
            }
            id = n.get("id").asText();
        }
        long at = time(n, wallToTwin, now);
        Telemetry body = switch (kind) {
            case "machineState" -> new Telemetry.MachineState(text(n, "machine"), text(n, "state"));
            case "partCount" -> new Telemetry.PartCount(text(n, "machine"), integer(n, "count"));
            case "cycleTime" -> new Telemetry.CycleTime(text(n, "machine"), number(n, "seconds"));
            case "sensors" -> new Telemetry.SensorReading(text(n, "machine"), numbers(n, "values"));
            case "bufferLevel" -> new Telemetry.BufferLevel(text(n, "line"), text(n, "station"),
                    (int) integer(n, "level"));
            case "inventory" -> new Telemetry.InventoryLevel(text(n, "warehouse"), text(n, "product"),
                    integer(n, "level"));
            case "truck" -> new Telemetry.TruckStatus(text(n, "fleet"), (int) integer(n, "truck"), text(n, "status"),
                    n.hasNonNull("x") ? number(n, "x") : null, n.hasNonNull("y") ? number(n, "y") : null);
            default -> new Telemetry.OrderArrival(text(n, "customer"), text(n, "product"), (int) integer(n, "quantity"),
                    n.hasNonNull("due") ? timeField(n, "due", wallToTwin) : null);
        };
        return new Read(id, at, body);
    }

    private static long time(JsonNode n, LongUnaryOperator wallToTwin, long now) {
        if (n.hasNonNull("at") && n.hasNonNull("simTime")) {
            throw new TelemetryException("at", n.get("at").asText(), "Give either at (a wall-clock instant) or"
                    + " simTime (twin time), not both.");
        }
        if (n.hasNonNull("at") || n.hasNonNull("simTime")) {
            return timeField(n, n.hasNonNull("at") ? "at" : "simTime", wallToTwin);
        }
        return now;
    }

    /** An instant (string, ISO-8601) for {@code at}/{@code due} or twin time (ms or duration) for {@code simTime}. */
    private static long timeField(JsonNode n, String field, LongUnaryOperator wallToTwin) {
        JsonNode v = n.get(field);
        if (!"simTime".equals(field) && v.isTextual() && v.asText().contains("T")) {
            try {
                return wallToTwin.applyAsLong(Instant.parse(v.asText()).toEpochMilli());
            } catch (DateTimeParseException e) {
                throw new TelemetryException(field, v.asText(), "Not an ISO-8601 instant; e.g. 2026-11-29T08:15:00Z.");
            } catch (IllegalStateException e) {
                throw new TelemetryException(field, v.asText(), e.getMessage());
            }
        }
        long t;
        if (v.isIntegralNumber()) {
            t = v.asLong();
        } else if (v.isTextual()) {
            try {
                t = TimeSpan.parse(v.asText()).toMillis();
            } catch (RuntimeException e) {
                throw new TelemetryException(field, v.asText(), "Not a twin time; give milliseconds or a duration"
                        + " such as \"36h\"" + ("simTime".equals(field) ? "" : ", or an ISO-8601 instant") + ".");
            }
        } else {
            throw new TelemetryException(field, v, "A time must be milliseconds, a duration such as \"36h\" or an"
                    + " ISO-8601 instant.");
        }
        if (t < 0) {
            throw new TelemetryException(field, v, "A twin time must be >= 0.");
        }
        return t;
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new TelemetryException(f, v == null ? "(missing)" : v, "The " + f + " must be a non-empty string.");
        }
        return v.asText();
    }

    private static long integer(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new TelemetryException(f, v == null ? "(missing)" : v, "The " + f + " must be an integer.");
        }
        return v.asLong();
    }

    private static double number(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || !v.isNumber()) {
            throw new TelemetryException(f, v == null ? "(missing)" : v, "The " + f + " must be a number.");
        }
        return v.asDouble();
    }

    /** A non-empty array of numbers, e.g. one reading of each of a machine's sensors. */
    private static List<Double> numbers(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new TelemetryException(f, v == null ? "(missing)" : v, "The " + f + " must be a non-empty array of"
                    + " numbers, e.g. [1.2, 60.5]. Maybe give one value per sensor, in the scenario's order.");
        }
        List<Double> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isNumber()) {
                throw new TelemetryException(f + "[" + i + "]", v.get(i), "Each of the " + f + " must be a number."
                        + " Maybe a value was quoted or left null.");
            }
            out.add(v.get(i).asDouble());
        }
        return out;
    }

    /** The JSON form of a message body (kind and its fields; times in twin milliseconds). */
    public static ObjectNode write(Telemetry t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", t.kind());
        if (t instanceof Telemetry.MachineState m) {
            o.put("machine", m.machine()).put("state", m.state());
        } else if (t instanceof Telemetry.PartCount p) {
            o.put("machine", p.machine()).put("count", p.count());
        } else if (t instanceof Telemetry.CycleTime c) {
            o.put("machine", c.machine()).put("seconds", c.seconds());
        } else if (t instanceof Telemetry.SensorReading r) {
            o.put("machine", r.machine());
            var values = o.putArray("values");
            r.values().forEach(values::add);
        } else if (t instanceof Telemetry.BufferLevel b) {
            o.put("line", b.line()).put("station", b.station()).put("level", b.level());
        } else if (t instanceof Telemetry.InventoryLevel i) {
            o.put("warehouse", i.warehouse()).put("product", i.product()).put("level", i.level());
        } else if (t instanceof Telemetry.TruckStatus s) {
            o.put("fleet", s.fleet()).put("truck", s.truck()).put("status", s.status());
            if (s.x() != null) {
                o.put("x", s.x());
            }
            if (s.y() != null) {
                o.put("y", s.y());
            }
        } else if (t instanceof Telemetry.OrderArrival a) {
            o.put("customer", a.customer()).put("product", a.product()).put("quantity", a.quantity());
            if (a.dueMillis() != null) {
                o.put("due", a.dueMillis());
            }
        }
        return o;
    }
}
