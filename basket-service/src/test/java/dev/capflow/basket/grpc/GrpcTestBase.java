package dev.capflow.basket.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import dev.capflow.proto.basket.v1.Basket;
import dev.capflow.proto.basket.v1.BasketMember;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import dev.capflow.proto.basket.v1.Weighting;
import dev.capflow.testsupport.PostgresRedisResource;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.grpc.GrpcClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Shared plumbing of the gRPC tests: a real client stub with a per-call deadline, SQL assertions, fixtures. */
abstract class GrpcTestBase {

    static final long DEADLINE_SECONDS = 20;

    @GrpcClient("basket")
    BasketServiceGrpc.BasketServiceBlockingStub blockingStub;

    /** The blocking stub with a fresh deadline for one call. */
    BasketServiceGrpc.BasketServiceBlockingStub client() {
        return blockingStub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** An equal-weighted USD basket of {@code symbols}, buy-and-hold from 2025-10-29. */
    static Basket.Builder equalBasket(String id, String... symbols) {
        Basket.Builder basket = Basket.newBuilder()
                .setId(id)
                .setName("Basket " + id)
                .setCurrency("USD")
                .setBaseDate("2025-10-29")
                .setWeighting(Weighting.WEIGHTING_EQUAL);
        for (String symbol : symbols) {
            basket.addMembers(BasketMember.newBuilder().setSymbol(symbol));
        }
        return basket;
    }

    static BasketMember member(String symbol, double weight) {
        return BasketMember.newBuilder().setSymbol(symbol).setWeight(weight).build();
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

    /** The fields named by the BadRequest detail of an INVALID_ARGUMENT status. */
    static List<String> violatedFields(StatusRuntimeException error) throws InvalidProtocolBufferException {
        com.google.rpc.Status status = StatusProto.fromThrowable(error);
        if (status == null) {
            throw new AssertionError("no google.rpc.Status details in " + error);
        }
        for (com.google.protobuf.Any detail : status.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                return detail.unpack(BadRequest.class).getFieldViolationsList().stream()
                        .map(BadRequest.FieldViolation::getField)
                        .toList();
            }
        }
        throw new AssertionError("no BadRequest detail in " + error);
    }

    /** The subjects named by the PreconditionFailure detail of a FAILED_PRECONDITION status, with their type. */
    static List<String> preconditionSubjects(StatusRuntimeException error) throws InvalidProtocolBufferException {
        com.google.rpc.Status status = StatusProto.fromThrowable(error);
        if (status == null) {
            throw new AssertionError("no google.rpc.Status details in " + error);
        }
        for (com.google.protobuf.Any detail : status.getDetailsList()) {
            if (detail.is(com.google.rpc.PreconditionFailure.class)) {
                return detail.unpack(com.google.rpc.PreconditionFailure.class).getViolationsList().stream()
                        .map(v -> v.getType() + " " + v.getSubject())
                        .toList();
            }
        }
        throw new AssertionError("no PreconditionFailure detail in " + error);
    }
}
