package io.seamline.gateway;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Seamline, the partner gateway. {@code java -jar seamline.jar} runs it on embedded defaults. */
@SpringBootApplication(scanBasePackages = "io.seamline")
@ConfigurationPropertiesScan("io.seamline")
public class Seamline {

    public static void main(String[] args) {
        SpringApplication.run(Seamline.class, args);
    }

    /** The one clock everything reads time from; tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
