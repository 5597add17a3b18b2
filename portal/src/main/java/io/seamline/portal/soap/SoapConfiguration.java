package io.seamline.portal.soap;

import jakarta.xml.ws.Endpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes the partner service under CXF's servlet: {@code /services/partners}, WSDL at {@code ?wsdl}. */
@Configuration(proxyBeanMethods = false)
public class SoapConfiguration {

    @Bean
    Endpoint partnerServiceEndpoint(Bus bus, PartnerServiceImpl service) {
        var endpoint = new EndpointImpl(bus, service);
        endpoint.publish("/partners");
        return endpoint;
    }
}
