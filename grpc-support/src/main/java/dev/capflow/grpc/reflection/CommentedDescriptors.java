package dev.capflow.grpc.reflection;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoFileDescriptorSupplier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The capflow contracts as protoc wrote them with their comments (the descriptor set that the capflow-proto jar ships):
 * the descriptors compiled into the generated Java classes carry no comments, so server reflection is answered from
 * these instead.
 */
public final class CommentedDescriptors {

    /** Where the capflow-proto jar puts the descriptor set (with imports and source info). */
    public static final String RESOURCE = "capflow/capflow-api.binpb";

    private final Map<String, FileDescriptorProto> protos = new HashMap<>();
    private final Map<String, FileDescriptor> files = new HashMap<>();
    private final Map<String, FileDescriptor> fileOfService = new HashMap<>();

    CommentedDescriptors(FileDescriptorSet set) {
        set.getFileList().forEach(proto -> protos.put(proto.getName(), proto));
        for (String name : protos.keySet()) {
            for (ServiceDescriptor service : file(name).getServices()) {
                fileOfService.put(service.getFullName(), service.getFile());
            }
        }
    }

    /** Reads the descriptor set from {@code loader}; fails when the capflow-proto jar is not on it. */
    public static CommentedDescriptors load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (it ships in capflow-proto)");
            }
            return new CommentedDescriptors(FileDescriptorSet.parseFrom(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * {@code served} with every service known to the descriptor set replaced by one whose schema is the commented
     * descriptor; reflection only reads names and schemas from them, so they carry no handlers.
     */
    public List<ServerServiceDefinition> withComments(List<ServerServiceDefinition> served) {
        return served.stream().map(this::withComments).toList();
    }

    private ServerServiceDefinition withComments(ServerServiceDefinition definition) {
        String name = definition.getServiceDescriptor().getName();
        FileDescriptor file = fileOfService.get(name);
        if (file == null) {
            return definition;
        }
        ProtoFileDescriptorSupplier schema = () -> file;
        return ServerServiceDefinition.builder(io.grpc.ServiceDescriptor.newBuilder(name)
                        .setSchemaDescriptor(schema)
                        .build())
                .build();
    }

    private FileDescriptor file(String name) {
        FileDescriptor built = files.get(name);
        if (built != null) {
            return built;
        }
        FileDescriptorProto proto = protos.get(name);
        if (proto == null) {
            throw new IllegalStateException(RESOURCE + " lacks " + name + " (written without --include_imports?)");
        }
        FileDescriptor[] dependencies =
                proto.getDependencyList().stream().map(this::file).toArray(FileDescriptor[]::new);
        try {
            built = FileDescriptor.buildFrom(proto, dependencies);
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException(RESOURCE + ": " + name + " is not valid", e);
        }
        files.put(name, built);
        return built;
    }
}
