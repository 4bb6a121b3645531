package dev.capflow.basket.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capflow.testsupport.Datastores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production migrations on a database of their own: a new database ends without demo baskets, and a database
 * migrated when V2 still seeded them loses only the demo rows nobody touched.
 */
class DemoSeedMigrationTest {

    private Datastores stores;

    @BeforeEach
    void freshDatabase() {
        stores = Datastores.start(9);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        stores.close();
    }

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(stores.jdbcUrl(), stores.user(), stores.password())
                .schemas("basket")
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    @Test
    void aNewDatabaseHasNoDemoBaskets() throws SQLException {
        flyway("latest").migrate();

        assertThat(strings("select id from basket.basket")).isEmpty();
        assertThat(strings("select version from basket.flyway_schema_history where success order by installed_rank"))
                .contains("2", "4");
    }

    @Test
    void aDatabaseSeededByV2KeepsOnlyTheDemoBasketsSomeoneChangedOrCreatedAgain() throws SQLException {
        flyway("3").migrate();
        assertThat(strings("select id from basket.basket order by id"))
                .as("V2 seeded them")
                .containsExactly("team-google", "team-openai");
        // what basket-service does on an update, a delete and a create after V2
        execute("update basket.basket set name = 'Team OpenAI, edited', version = version + 1, updated_at = now() "
                + "where id = 'team-openai'");
        execute("delete from basket.basket where id = 'team-google'");
        execute("insert into basket.basket (id, name, currency, base_date, base_value, weighting, rebalance) values "
                + "('team-google', 'Team Google', 'USD', date '2025-10-29', 100, 'EQUAL', 'NONE'), "
                + "('mine', 'Mine', 'USD', date '2025-10-29', 100, 'EQUAL', 'NONE')");
        execute("insert into basket.basket_member (basket_id, position, symbol, weight) select 'team-google', ord - 1, "
                + "symbol, 1.0::double precision / 5 from unnest(array['GOOGL', 'AVGO', 'CLS', 'LITE', 'TTMI']) "
                + "with ordinality as m (symbol, ord)");

        flyway("latest").migrate();

        assertThat(strings("select id from basket.basket order by id"))
                .containsExactly("mine", "team-google", "team-openai");
        assertThat(strings("select count(*) from basket.basket_member where basket_id = 'team-openai'"))
                .containsExactly("6");
        assertThat(strings("select count(*) from basket.basket_member where basket_id = 'team-google'"))
                .containsExactly("5");
        flyway("latest").validate();
    }

    @Test
    void anUntouchedSeedIsRemovedWithItsMembersAndTheUnchangedV2StillValidates() throws SQLException {
        flyway("3").migrate();

        flyway("latest").migrate();

        assertThat(strings("select id from basket.basket")).isEmpty();
        assertThat(strings("select count(*) from basket.basket_member")).containsExactly("0");
        flyway("latest").validate();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = stores.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection connection = stores.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
