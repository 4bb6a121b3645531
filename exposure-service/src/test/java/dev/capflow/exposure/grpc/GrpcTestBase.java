package dev.capflow.exposure.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.PreconditionFailure;
import dev.capflow.proto.exposure.v1.Edge;
import dev.capflow.proto.exposure.v1.EdgeKind;
import dev.capflow.proto.exposure.v1.Entity;
import dev.capflow.proto.exposure.v1.EntityKind;
import dev.capflow.proto.exposure.v1.ExposureServiceGrpc;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.grpc.GrpcClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared plumbing of the gRPC tests: a real client stub with a per-call deadline, SQL assertions, fixtures. */
abstract class GrpcTestBase {

    static final long DEADLINE_SECONDS = 20;

    @GrpcClient("exposure")
    ExposureServiceGrpc.ExposureServiceBlockingStub blockingStub;

    /** The blocking stub with a fresh deadline for one call. */
    ExposureServiceGrpc.ExposureServiceBlockingStub client() {
        return blockingStub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** A private entity valued at {@code valuationUsd}: valued without any market data. */
    static Entity.Builder privateEntity(String id, double valuationUsd) {
        return Entity.newBuilder()
                .setId(id)
                .setName("Entity " + id)
                .setKind(EntityKind.ENTITY_KIND_PRIVATE)
                .setValuationUsd(valuationUsd)
                .setValuationAsOf("2025-10-02")
                .setValuationSource("https://example.org/" + id);
    }

    static Edge.Builder equity(String id, String from, String to, double share, String asOf) {
        return Edge.newBuilder()
                .setId(id)
                .setFrom(from)
                .setTo(to)
                .setKind(EdgeKind.EDGE_KIND_EQUITY)
                .setShare(share)
                .setAsOf(asOf)
                .setSource("https://example.org/" + id);
    }

    static Edge.Builder cash(String id, String from, String to, EdgeKind kind, double amountUsd, String asOf) {
        return Edge.newBuilder()
                .setId(id)
                .setFrom(from)
                .setTo(to)
                .setKind(kind)
                .setAmountUsd(amountUsd)
                .setAsOf(asOf)
                .setSource("https://example.org/" + id);
    }

    /** The single number a SQL query answers, read with plain JDBC from this run's database. */
    static long sqlLong(String sql) throws SQLException {
        try (Connection connection = PostgresRedisResource.datastores().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The numbers of stored entities, listings and edges, to show that a rejected write stored nothing. */
    static List<Long> graphRows() throws SQLException {
        return List.of(
                sqlLong("select count(*) from exposure.entity_version"),
                sqlLong("select count(*) from exposure.entity_listing"),
                sqlLong("select count(*) from exposure.edge_version"));
    }

    /** The failure of {@code call}, which must be a gRPC status with {@code code}. */
    static StatusRuntimeException failure(Status.Code code, ThrowingCallable call) {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, call);
        assertThat(error).as("the call must fail").isNotNull();
        assertThat(error.getStatus().getCode()).as(error.getStatus().toString()).isEqualTo(code);
        return error;
    }

    /** The BadRequest field violations of an INVALID_ARGUMENT status. */
    static List<BadRequest.FieldViolation> violations(StatusRuntimeException error)
            throws InvalidProtocolBufferException {
        com.google.rpc.Status status = StatusProto.fromThrowable(error);
        assertThat(status).as("google.rpc.Status details in " + error).isNotNull();
        for (com.google.protobuf.Any detail : status.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                return detail.unpack(BadRequest.class).getFieldViolationsList();
            }
        }
        throw new AssertionError("no BadRequest detail in " + error);
    }

    /** The fields named by the BadRequest detail of an INVALID_ARGUMENT status. */
    static List<String> violatedFields(StatusRuntimeException error) throws InvalidProtocolBufferException {
        return violations(error).stream()
                .map(BadRequest.FieldViolation::getField)
                .toList();
    }

    /** The PreconditionFailure violations of a FAILED_PRECONDITION status. */
    static List<PreconditionFailure.Violation> preconditions(StatusRuntimeException error)
            throws InvalidProtocolBufferException {
        com.google.rpc.Status status = StatusProto.fromThrowable(error);
        assertThat(status).as("google.rpc.Status details in " + error).isNotNull();
        for (com.google.protobuf.Any detail : status.getDetailsList()) {
            if (detail.is(PreconditionFailure.class)) {
                return detail.unpack(PreconditionFailure.class).getViolationsList();
            }
        }
        throw new AssertionError("no PreconditionFailure detail in " + error);
    }
}
