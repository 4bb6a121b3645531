package dev.capflow.proto.reference;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the Markdown API reference of one .proto file from its descriptor (with source info): every service with its
 * RPCs, every message with its fields, every enum with its values, each with its leading comment. The output depends on
 * the descriptor only, so regenerating an unchanged contract gives the same bytes.
 */
final class ApiReference {

    // field numbers of the descriptor.proto messages, as used in SourceCodeInfo.Location.path
    private static final int FILE_MESSAGE = 4;
    private static final int FILE_ENUM = 5;
    private static final int FILE_SERVICE = 6;
    private static final int MESSAGE_FIELD = 2;
    private static final int MESSAGE_NESTED = 3;
    private static final int MESSAGE_ENUM = 4;
    private static final int ENUM_VALUE = 2;
    private static final int SERVICE_METHOD = 2;

    private final FileDescriptorProto file;
    private final Map<List<Integer>, String> comments = new HashMap<>();
    private final StringBuilder out = new StringBuilder();

    private ApiReference(FileDescriptorProto file) {
        this.file = file;
        for (SourceCodeInfo.Location location : file.getSourceCodeInfo().getLocationList()) {
            String comment =
                    location.hasLeadingComments() ? location.getLeadingComments() : location.getTrailingComments();
            if (!comment.isBlank()) {
                comments.put(location.getPathList(), comment);
            }
        }
    }

    /** The Markdown reference of {@code file}. */
    static String of(FileDescriptorProto file) {
        return new ApiReference(file).write();
    }

    private String write() {
        out.append("# ").append(file.getPackage()).append("\n\n");
        out.append("Generated from `")
                .append(file.getName())
                .append("` by the proto module's ApiReferenceTest: do not edit; see proto/README.md.\n");
        for (int i = 0; i < file.getServiceCount(); i++) {
            service(file.getService(i), List.of(FILE_SERVICE, i));
        }
        for (int i = 0; i < file.getMessageTypeCount(); i++) {
            message(file.getMessageType(i), "", List.of(FILE_MESSAGE, i));
        }
        for (int i = 0; i < file.getEnumTypeCount(); i++) {
            enumeration(file.getEnumType(i), "", List.of(FILE_ENUM, i));
        }
        return out.toString();
    }

    private void service(ServiceDescriptorProto service, List<Integer> path) {
        out.append("\n## service ").append(service.getName()).append("\n\n");
        paragraph(path);
        out.append("| RPC | Request | Response | Description |\n| --- | --- | --- | --- |\n");
        for (int i = 0; i < service.getMethodCount(); i++) {
            MethodDescriptorProto method = service.getMethod(i);
            row(
                    method.getName(),
                    (method.getClientStreaming() ? "stream " : "") + typeName(method.getInputType()),
                    (method.getServerStreaming() ? "stream " : "") + typeName(method.getOutputType()),
                    cell(append(path, SERVICE_METHOD, i)));
        }
    }

    private void message(DescriptorProto message, String outer, List<Integer> path) {
        if (message.getOptions().getMapEntry()) {
            return;
        }
        String name = outer + message.getName();
        out.append("\n## message ").append(name).append("\n\n");
        paragraph(path);
        if (message.getFieldCount() > 0) {
            out.append("| Field | Number | Type | Description |\n| --- | --- | --- | --- |\n");
            for (int i = 0; i < message.getFieldCount(); i++) {
                FieldDescriptorProto field = message.getField(i);
                row(
                        field.getName(),
                        String.valueOf(field.getNumber()),
                        fieldType(message, field),
                        cell(append(path, MESSAGE_FIELD, i)));
            }
        }
        for (int i = 0; i < message.getNestedTypeCount(); i++) {
            message(message.getNestedType(i), name + ".", append(path, MESSAGE_NESTED, i));
        }
        for (int i = 0; i < message.getEnumTypeCount(); i++) {
            enumeration(message.getEnumType(i), name + ".", append(path, MESSAGE_ENUM, i));
        }
    }

    private void enumeration(EnumDescriptorProto enumeration, String outer, List<Integer> path) {
        out.append("\n## enum ").append(outer).append(enumeration.getName()).append("\n\n");
        paragraph(path);
        out.append("| Value | Number | Description |\n| --- | --- | --- |\n");
        for (int i = 0; i < enumeration.getValueCount(); i++) {
            EnumValueDescriptorProto value = enumeration.getValue(i);
            row(value.getName(), String.valueOf(value.getNumber()), cell(append(path, ENUM_VALUE, i)));
        }
    }

    private String fieldType(DescriptorProto message, FieldDescriptorProto field) {
        String type = switch (field.getType()) {
            case TYPE_MESSAGE, TYPE_ENUM -> typeName(field.getTypeName());
            default -> field.getType().name().substring("TYPE_".length()).toLowerCase(Locale.ROOT);
        };
        DescriptorProto mapEntry = mapEntry(message, field);
        if (mapEntry != null) {
            return "map<" + fieldType(mapEntry, mapEntry.getField(0)) + ", " + fieldType(mapEntry, mapEntry.getField(1))
                    + ">";
        }
        if (field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
            return "repeated " + type;
        }
        return field.getProto3Optional() ? "optional " + type : type;
    }

    private static DescriptorProto mapEntry(DescriptorProto message, FieldDescriptorProto field) {
        if (field.getType() != FieldDescriptorProto.Type.TYPE_MESSAGE) {
            return null;
        }
        return message.getNestedTypeList().stream()
                .filter(nested ->
                        nested.getOptions().getMapEntry() && field.getTypeName().endsWith("." + nested.getName()))
                .findFirst()
                .orElse(null);
    }

    /** A type named relative to this file's package when it is declared in it, else fully qualified. */
    private String typeName(String qualified) {
        String name = qualified.startsWith(".") ? qualified.substring(1) : qualified;
        String local = file.getPackage() + ".";
        return name.startsWith(local) ? name.substring(local.length()) : name;
    }

    private void paragraph(List<Integer> path) {
        String comment = comments.get(path);
        if (comment != null) {
            out.append(comment.lines()
                            .map(String::strip)
                            .collect(Collectors.joining("\n"))
                            .strip())
                    .append("\n\n");
        }
    }

    private String cell(List<Integer> path) {
        String comment = comments.getOrDefault(path, "");
        return comment.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining(" "))
                .replace("|", "\\|");
    }

    private void row(String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static List<Integer> append(List<Integer> path, int kind, int index) {
        List<Integer> longer = new ArrayList<>(path);
        longer.add(kind);
        longer.add(index);
        return List.copyOf(longer);
    }
}
