package io.seamline.routes.bus;

import io.seamline.routes.pipeline.BusSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Reads {@code seamline.bus}; the Kafka side is in {@link KafkaBus}, on when the mode is {@code kafka}. */
@Configuration
@EnableConfigurationProperties(BusSettings.class)
class BusConfiguration {}
