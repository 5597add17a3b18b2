package io.seamline.portal.soap;

import jakarta.xml.ws.Endpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** Publishes the partner service under CXF's servlet: {@code /services/partners}, WSDL at {@code ?wsdl}. */
@Configuration(proxyBeanMethods = false)
public class SoapConfiguration {

    /** Published while the rest of the gateway starts (CXF builds the service's model from its classes). */
    @Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
    @DependsOn({"cxf", "partnerServiceImpl"}) // created on the main thread first, as background beans need
    Endpoint partnerServiceEndpoint(Bus bus, PartnerServiceImpl service) {
        var endpoint = new EndpointImpl(bus, service);
        endpoint.publish("/partners");
        return endpoint;
    }
}
