package io.seamline.routes;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The routes and services on the real database, without the web layer. */
@SpringBootApplication(scanBasePackages = "io.seamline")
@ConfigurationPropertiesScan("io.seamline")
public class RoutesTestApplication {

    @Bean
    TestClock clock() {
        return new TestClock();
    }
}
