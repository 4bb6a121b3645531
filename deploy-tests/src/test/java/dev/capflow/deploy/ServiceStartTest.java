package dev.capflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a service builds at start. The database services use Hibernate Reactive and keep a JDBC datasource for Flyway
 * only: the JDBC driver would make Quarkus build a blocking Hibernate ORM persistence unit as well, which no code uses
 * and which every start waited for (a build-time setting, so application.properties is where it is decided).
 */
class ServiceStartTest {

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "basket-service", "exposure-service"})
    void aDatabaseServiceBuildsNoBlockingHibernateOrm(String service) {
        assertThat(ServiceConfig.of(service, Map.of()).value("quarkus.hibernate-orm.blocking"))
                .as(service + ": Hibernate ORM in blocking mode")
                .hasValue("false");
    }
}
