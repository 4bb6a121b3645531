package dev.capflow.ingest.grpc;

import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getAddCorporateActionMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getDeleteCorporateActionMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getGetBarsBatchMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getGetBarsMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getGetLatestPricesMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getGetMinuteBarsMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getGetTicksMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getImportBarsMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getImportCsvMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getIngestBarsMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getIngestTicksMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getListBarRevisionsMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getListCorporateActionsMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getListInstrumentsMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getStreamBarsMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getSubscribePricesMethod;
import static dev.capflow.proto.ingest.v1.IngestServiceGrpc.getUpsertInstrumentMethod;

import dev.capflow.grpc.auth.MethodRoles;
import dev.capflow.grpc.auth.Roles;
import dev.capflow.proto.ingest.v1.IngestServiceGrpc;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Who may call which RPC of {@link IngestGrpcService}: viewer reads; ingest writes prices, instruments and corporate actions. */
public final class IngestGrpcRoles {

    private IngestGrpcRoles() {}

    @Produces
    @Singleton
    static MethodRoles ingestRoles() {
        return MethodRoles.forService(IngestServiceGrpc.getServiceDescriptor())
                .require(
                        Roles.VIEWER,
                        getListInstrumentsMethod(),
                        getListBarRevisionsMethod(),
                        getGetBarsMethod(),
                        getGetBarsBatchMethod(),
                        getGetLatestPricesMethod(),
                        getListCorporateActionsMethod(),
                        getSubscribePricesMethod(),
                        getStreamBarsMethod(),
                        getGetTicksMethod(),
                        getGetMinuteBarsMethod())
                .require(
                        Roles.INGEST,
                        getUpsertInstrumentMethod(),
                        getIngestBarsMethod(),
                        getIngestTicksMethod(),
                        getImportCsvMethod(),
                        getImportBarsMethod(),
                        getAddCorporateActionMethod(),
                        getDeleteCorporateActionMethod())
                .build();
    }
}
