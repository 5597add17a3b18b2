package io.seamline.gateway;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.stereotype.Component;

/**
 * Where start-up time goes, when asked with {@code -Dseamline.startup-steps=true}: Spring's start-up steps (bean
 * creation, configuration processing, context refresh) recorded while the gateway starts, and the slowest beans
 * logged once it is up (each bean's own time, without the beans it waited for). Off by default: recording costs a
 * little.
 */
@Component
class StartupSteps implements ApplicationListener<ApplicationReadyEvent> {

    static final String PROPERTY = "seamline.startup-steps";
    static final int CAPACITY = 20_000;

    private static final Logger log = LoggerFactory.getLogger(StartupSteps.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ApplicationStartup startup = event.getApplicationContext().getApplicationStartup();
        if (!(startup instanceof BufferingApplicationStartup buffering)) {
            return;
        }
        StartupTimeline timeline = buffering.getBufferedTimeline();
        // a step's own time: its duration less its children's
        var children = new HashMap<Long, Duration>();
        var events = timeline.getEvents();
        for (StartupTimeline.TimelineEvent e : events) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) {
                children.merge(parent, e.getDuration(), Duration::plus);
            }
        }
        Map<String, Duration> own = new HashMap<>();
        for (StartupTimeline.TimelineEvent e : events) {
            var step = e.getStartupStep();
            Duration self = e.getDuration().minus(children.getOrDefault(step.getId(), Duration.ZERO));
            String name = step.getName();
            for (var tag : step.getTags()) {
                if (tag.getKey().equals("beanName") || tag.getKey().equals("postProcessor")) {
                    name = name + " " + tag.getValue();
                }
            }
            own.merge(name, self, Duration::plus);
        }
        String slowest = own.entrySet().stream()
                .sorted(Map.Entry.<String, Duration>comparingByValue(Comparator.reverseOrder()))
                .limit(40)
                .map(e -> String.format("%6d ms  %s", e.getValue().toMillis(), e.getKey()))
                .collect(Collectors.joining("\n"));
        log.info("Start-up steps, slowest first (own time):\n{}", slowest);
    }
}
