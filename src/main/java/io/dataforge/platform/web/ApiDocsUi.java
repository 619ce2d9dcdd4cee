package io.dataforge.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/**
 * Swagger UI at {@code /docs}, from the swagger-ui webjar in the jar itself (no CDN),
 * opened on the served OpenAPI document. Static resources are otherwise off
 * ({@code spring.web.resources.add-mappings}), so only this folder is served.
 */
@Configuration
class ApiDocsUi implements WebMvcConfigurer {

    static final String UI = "/docs/ui/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String version = new WebJarVersionLocator().version("swagger-ui");
        // our initializer first: the webjar's own opens an example API
        registry.addResourceHandler(UI + "**")
            .addResourceLocations("classpath:/docs-ui/",
                    "classpath:/META-INF/resources/webjars/swagger-ui/" + version + "/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/docs", UI + "index.html");
        registry.addRedirectViewController("/docs/", UI + "index.html");
    }

}
