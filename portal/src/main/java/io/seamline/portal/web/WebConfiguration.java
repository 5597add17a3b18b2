package io.seamline.portal.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The portal's web settings. Links are not rewritten for the resource chain: Spring Boot turns it on because of the
 * WebJars locator, and its URL-encoding filter then looks every link of a page up on the classpath (a list of 500 POs
 * took ~0.9 s, nearly all of it there). WebJars are addressed without a version ({@code
 * /webjars/htmx.org/dist/htmx.min.js}) and resolved when they are served, which needs no rewriting.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
