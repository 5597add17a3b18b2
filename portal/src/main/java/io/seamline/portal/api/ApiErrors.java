package io.seamline.portal.api;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/** Error policy of the API routes: whatever no handler expected becomes a 500 problem detail, logged in full. */
@Component
class ApiErrors extends RouteConfigurationBuilder {

    /** Id the API routes refer to. */
    public static final String ID = "api-errors";

    private final ApiDispatch dispatch;

    public ApiErrors(ApiDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID).onException(Exception.class).handled(true).process(dispatch::unexpected);
    }
}
