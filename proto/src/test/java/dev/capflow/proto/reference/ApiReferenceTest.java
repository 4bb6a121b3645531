package dev.capflow.proto.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published contract: the jar carries the .proto files and a descriptor set with comments, and the API reference
 * in docs/api is what the descriptor set gives today. When it drifts, this test fails with the command that
 * regenerates it; with {@code -Dcapflow.api-reference.write=true} it writes the reference instead of comparing.
 */
class ApiReferenceTest {

    static final String DESCRIPTOR_SET = "capflow/capflow-api.binpb";
    private static final Path REFERENCE_DIR = Path.of("..", "docs", "api");
    private static final String REFRESH =
            "./mvnw -B -ntp -q verify -pl proto -Dtest=ApiReferenceTest " + "-Dcapflow.api-reference.write=true";

    @Test
    void descriptorSetCarriesTheCommentOfEveryRpc() throws IOException {
        FileDescriptorProto ingest = file("capflow/ingest/v1/ingest.proto");
        // path 6 (service) 0, 2 (method) 0: IngestService.UpsertInstrument
        assertThat(ingest.getService(0).getMethod(0).getName()).isEqualTo("UpsertInstrument");
        assertThat(comment(ingest, List.of(6, 0, 2, 0)))
                .startsWith(" Creates or replaces one instrument of the registry.");
        for (FileDescriptorProto file : capflowFiles()) {
            for (int s = 0; s < file.getServiceCount(); s++) {
                for (int m = 0; m < file.getService(s).getMethodCount(); m++) {
                    assertThat(comment(file, List.of(6, s, 2, m)))
                            .as(
                                    "comment of %s.%s",
                                    file.getService(s).getName(),
                                    file.getService(s).getMethod(m).getName())
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    void descriptorSetIsSelfContained() throws IOException {
        List<String> names = descriptorSet().getFileList().stream()
                .map(FileDescriptorProto::getName)
                .toList();
        assertThat(names)
                .contains(
                        "google/protobuf/timestamp.proto",
                        "capflow/common/v1/report.proto",
                        "capflow/ingest/v1/ingest.proto",
                        "capflow/basket/v1/basket.proto",
                        "capflow/exposure/v1/exposure.proto");
    }

    @Test
    void jarShipsTheProtosAndTheGoogleRpcErrorDetails() {
        for (String proto : List.of(
                "capflow/common/v1/report.proto",
                "capflow/ingest/v1/ingest.proto",
                "capflow/basket/v1/basket.proto",
                "capflow/exposure/v1/exposure.proto",
                "google/rpc/status.proto",
                "google/rpc/error_details.proto")) {
            assertThat(getClass().getClassLoader().getResource(proto)).as(proto).isNotNull();
        }
    }

    @Test
    void committedReferenceIsUpToDate() throws IOException {
        boolean write = Boolean.getBoolean("capflow.api-reference.write");
        List<String> stale = new ArrayList<>();
        for (FileDescriptorProto file : capflowFiles()) {
            Path target = REFERENCE_DIR.resolve(file.getPackage() + ".md");
            String expected = ApiReference.of(file);
            if (write) {
                Files.createDirectories(REFERENCE_DIR);
                Files.writeString(target, expected, StandardCharsets.UTF_8);
            } else if (!Files.exists(target)
                    || !Files.readString(target, StandardCharsets.UTF_8).equals(expected)) {
                stale.add(target.normalize().toString());
            }
        }
        assertThat(stale)
                .as("the API reference in docs/api drifted from the protos; regenerate it with:%n  %s", REFRESH)
                .isEmpty();
    }

    static FileDescriptorSet descriptorSet() throws IOException {
        try (InputStream in = ApiReferenceTest.class.getClassLoader().getResourceAsStream(DESCRIPTOR_SET)) {
            assertThat(in).as(DESCRIPTOR_SET + " on the classpath").isNotNull();
            return FileDescriptorSet.parseFrom(in);
        }
    }

    private static List<FileDescriptorProto> capflowFiles() throws IOException {
        return descriptorSet().getFileList().stream()
                .filter(f -> f.getName().startsWith("capflow/"))
                .toList();
    }

    private static FileDescriptorProto file(String name) throws IOException {
        return capflowFiles().stream()
                .filter(f -> f.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static String comment(FileDescriptorProto file, List<Integer> path) {
        return file.getSourceCodeInfo().getLocationList().stream()
                .filter(l -> l.getPathList().equals(path))
                .map(SourceCodeInfo.Location::getLeadingComments)
                .findFirst()
                .orElse("");
    }
}
