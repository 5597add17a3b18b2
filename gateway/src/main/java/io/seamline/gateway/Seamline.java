package io.seamline.gateway;

import io.seamline.gateway.translate.Translate;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Seamline, the partner gateway. {@code java -jar seamline.jar} runs it on embedded defaults; {@code java -jar
 * seamline.jar translate …} translates EDI files without starting the server.
 */
@SpringBootApplication(scanBasePackages = "io.seamline")
@ConfigurationPropertiesScan("io.seamline")
public class Seamline {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("translate")) {
            Translate.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        var application = new SpringApplication(Seamline.class);
        if (Boolean.getBoolean(StartupSteps.PROPERTY)) {
            application.setApplicationStartup(new BufferingApplicationStartup(StartupSteps.CAPACITY));
        }
        application.run(args);
    }

    /** The one clock everything reads time from; tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
