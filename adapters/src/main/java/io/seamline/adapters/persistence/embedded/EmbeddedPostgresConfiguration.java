package io.seamline.adapters.persistence.embedded;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the embedded PostgreSQL and points the data source at it, unless {@code spring.datasource.url} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresSettings.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresSettings settings) {
        var db = settings.embeddedDb();
        return EmbeddedPostgresServer.start(settings.dataDir(), db.port(), db.startupWait(), db.database());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgresServer server, EmbeddedPostgresSettings settings) {
        var dataSource = new HikariDataSource();
        dataSource.setPoolName("seamline-embedded");
        dataSource.setJdbcUrl(server.jdbcUrl(settings.embeddedDb().database()));
        dataSource.setUsername(server.user());
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
