package dev.capflow.grpc.errors;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.capflow.validation.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules every request message of every capflow RPC keeps, whatever its fields mean: an enum field holds a value
 * the contract declares (an unknown number is refused, never coerced), a string holds no NUL character (PostgreSQL
 * cannot store it), and a google.protobuf.Timestamp lies in its documented range (years 1 to 9999). Fields are named
 * by their request-relative path, e.g. {@code basket.weighting}. The records of a repeated message field are left to
 * the service, which rejects a bad record alone and keeps the good ones of the same batch.
 */
public final class RequestContract {

    private static final long MIN_TIMESTAMP_SECONDS = -62_135_596_800L; // 0001-01-01T00:00:00Z
    private static final long MAX_TIMESTAMP_SECONDS = 253_402_300_799L; // 9999-12-31T23:59:59Z

    /** Whether a message type can hold a field this contract checks, so large messages without any are skipped. */
    private static final Map<Descriptor, Boolean> CHECKED = new ConcurrentHashMap<>();

    private RequestContract() {}

    /** The broken rules of {@code request}, in field order (empty when it keeps them all). */
    public static List<FieldViolation> violations(Message request) {
        List<FieldViolation> violations = new ArrayList<>();
        check(request, "", violations);
        return violations;
    }

    private static void check(Message message, String prefix, List<FieldViolation> violations) {
        if (!holdsChecked(message.getDescriptorForType())) {
            return;
        }
        if (message instanceof Timestamp timestamp) {
            checkTimestamp(timestamp, prefix, violations);
            return;
        }
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            String path = prefix + field.getName();
            if (field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                // records of a batch (bars, ticks, members, shocks) are the service's to check one by one, so that a
                // batch keeps its good records, and a 50,000-tick batch is not walked twice
                continue;
            }
            if (field.isRepeated()) {
                List<?> values = (List<?>) entry.getValue();
                for (int i = 0; i < values.size(); i++) {
                    checkValue(field, values.get(i), path + "[" + i + "]", violations);
                }
            } else {
                checkValue(field, entry.getValue(), path, violations);
            }
        }
    }

    private static void checkValue(FieldDescriptor field, Object value, String path, List<FieldViolation> violations) {
        switch (field.getJavaType()) {
            case ENUM -> {
                EnumValueDescriptor constant = (EnumValueDescriptor) value;
                if (field.getEnumType().findValueByNumber(constant.getNumber()) == null) {
                    violations.add(new FieldViolation(
                            path, "unknown " + field.getEnumType().getName() + " value " + constant.getNumber()));
                }
            }
            case STRING -> {
                if (((String) value).indexOf('\0') >= 0) {
                    violations.add(new FieldViolation(path, "must not contain a NUL character"));
                }
            }
            case MESSAGE -> check((Message) value, path + ".", violations);
            default -> {}
        }
    }

    private static void checkTimestamp(Timestamp timestamp, String path, List<FieldViolation> violations) {
        String field = path.isEmpty() ? "timestamp" : path.substring(0, path.length() - 1);
        if (timestamp.getSeconds() < MIN_TIMESTAMP_SECONDS || timestamp.getSeconds() > MAX_TIMESTAMP_SECONDS) {
            violations.add(new FieldViolation(
                    field,
                    "seconds " + timestamp.getSeconds() + " is outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59Z"));
        } else if (timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999) {
            violations.add(new FieldViolation(field, "nanos " + timestamp.getNanos() + " is outside 0..999999999"));
        }
    }

    private static boolean holdsChecked(Descriptor type) {
        Boolean known = CHECKED.get(type);
        if (known != null) {
            return known;
        }
        CHECKED.put(type, true); // a recursive type is assumed to hold one while it is being looked at
        boolean holds = type.getFullName().equals(Timestamp.getDescriptor().getFullName())
                || type.getFields().stream().anyMatch(field -> switch (field.getJavaType()) {
                    case ENUM, STRING -> true;
                    case MESSAGE -> holdsChecked(field.getMessageType());
                    default -> false;
                });
        CHECKED.put(type, holds);
        return holds;
    }
}
