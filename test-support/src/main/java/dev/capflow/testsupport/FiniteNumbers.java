package dev.capflow.testsupport;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.MessageOrBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The check that no answer holds NaN or Infinity: walks any protobuf message through its descriptors (nested messages,
 * repeated fields and maps included) and names the path of every {@code double} or {@code float} that is not finite.
 */
public final class FiniteNumbers {

    private FiniteNumbers() {}

    /** Fails naming every non-finite number of {@code message} by its field path; returns the message. */
    public static <T extends MessageOrBuilder> T assertFinite(T message) {
        List<String> found = nonFinite(message);
        if (!found.isEmpty()) {
            throw new AssertionError(message.getDescriptorForType().getFullName() + " holds " + found.size()
                    + " non-finite number(s): " + String.join(", ", found));
        }
        return message;
    }

    /**
     * Every non-finite number of {@code message}, as {@code path = value}: proto field names joined by dots, a repeated
     * element by its index ({@code series[3].level}), a map value by its key ({@code prices[NVDA].price}).
     */
    public static List<String> nonFinite(MessageOrBuilder message) {
        List<String> found = new ArrayList<>();
        walk(message, "", found);
        return found;
    }

    private static void walk(MessageOrBuilder message, String prefix, List<String> found) {
        // only fields that are set: an unset proto3 number is 0, which is finite
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            String path = prefix + field.getName();
            if (field.isMapField()) {
                for (Object element : (List<?>) entry.getValue()) {
                    MessageOrBuilder mapEntry = (MessageOrBuilder) element;
                    FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
                    FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
                    check(value, mapEntry.getField(value), path + "[" + mapEntry.getField(key) + "]", found);
                }
            } else if (field.isRepeated()) {
                List<?> elements = (List<?>) entry.getValue();
                for (int i = 0; i < elements.size(); i++) {
                    check(field, elements.get(i), path + "[" + i + "]", found);
                }
            } else {
                check(field, entry.getValue(), path, found);
            }
        }
    }

    private static void check(FieldDescriptor field, Object value, String path, List<String> found) {
        JavaType type = field.getJavaType();
        if (type == JavaType.MESSAGE) {
            walk((MessageOrBuilder) value, path + ".", found);
        } else if ((type == JavaType.DOUBLE && !Double.isFinite((Double) value))
                || (type == JavaType.FLOAT && !Float.isFinite((Float) value))) {
            found.add(path + " = " + value);
        }
    }
}
