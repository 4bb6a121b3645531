package dev.capflow.basket.grpc;

import static dev.capflow.proto.basket.v1.BasketServiceGrpc.getCompareMethod;
import static dev.capflow.proto.basket.v1.BasketServiceGrpc.getCreateBasketMethod;
import static dev.capflow.proto.basket.v1.BasketServiceGrpc.getDeleteBasketMethod;
import static dev.capflow.proto.basket.v1.BasketServiceGrpc.getGetBasketMethod;
import static dev.capflow.proto.basket.v1.BasketServiceGrpc.getGetPerformanceMethod;
import static dev.capflow.proto.basket.v1.BasketServiceGrpc.getListBasketsMethod;
import static dev.capflow.proto.basket.v1.BasketServiceGrpc.getUpdateBasketMethod;
import static dev.capflow.proto.basket.v1.BasketServiceGrpc.getWatchBasketMethod;

import dev.capflow.grpc.auth.MethodRoles;
import dev.capflow.grpc.auth.Roles;
import dev.capflow.proto.basket.v1.BasketServiceGrpc;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Who may call which RPC of {@link BasketGrpcService}: viewer reads; analyst writes baskets. */
public final class BasketGrpcRoles {

    private BasketGrpcRoles() {}

    @Produces
    @Singleton
    static MethodRoles basketRoles() {
        return MethodRoles.forService(BasketServiceGrpc.getServiceDescriptor())
                .require(
                        Roles.VIEWER,
                        getGetBasketMethod(),
                        getListBasketsMethod(),
                        getGetPerformanceMethod(),
                        getCompareMethod(),
                        getWatchBasketMethod())
                .require(Roles.ANALYST, getCreateBasketMethod(), getUpdateBasketMethod(), getDeleteBasketMethod())
                .build();
    }
}
